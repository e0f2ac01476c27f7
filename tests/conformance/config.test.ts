import {
  checkTargetAllowed,
  configFromEnv,
  resolveTarget,
  type RunConfig,
} from '../../engine/config';
import type { ServerModel } from '../../model';

const servers: ServerModel[] = [
  { name: 'prd', url: 'https://apigw-prd.3ds.com' },
  { name: 'qal', url: 'https://apigw-qal.3ds.com' },
];
const base = configFromEnv({});

describe('targets and safety', () => {
  it('resolves mock, a named server and a URL', () => {
    expect(resolveTarget('mock', servers).info.kind).toBe('mock');
    expect(resolveTarget('qal', servers)).toMatchObject({
      baseUrl: 'https://apigw-qal.3ds.com',
      isProduction: false,
    });
    expect(resolveTarget('http://127.0.0.1:4010/', servers)).toMatchObject({
      baseUrl: 'http://127.0.0.1:4010',
    });
  });

  it('names the known targets when one is unknown', () => {
    expect(() => resolveTarget('staging', servers)).toThrow(
      /unknown target 'staging' \(use one of mock, prd, qal/,
    );
  });

  it('refuses production unless allowed, also when given as its URL', () => {
    const env = { API4PARTNERS_API_KEY: 'k' };
    expect(() => checkTargetAllowed(base, resolveTarget('prd', servers), env)).toThrow(
      /production is refused/,
    );
    expect(() =>
      checkTargetAllowed(base, resolveTarget('https://apigw-prd.3ds.com', servers), env),
    ).toThrow(/production is refused/);
    const allowed: RunConfig = { ...base, allowProduction: true };
    expect(() => checkTargetAllowed(allowed, resolveTarget('prd', servers), env)).not.toThrow();
  });

  it('needs an API key for a remote target, not for the mock', () => {
    expect(() => checkTargetAllowed(base, resolveTarget('qal', servers), {})).toThrow(
      /API4PARTNERS_API_KEY is not set/,
    );
    expect(() => checkTargetAllowed(base, resolveTarget('mock', servers), {})).not.toThrow();
  });

  it('rejects out-of-range values from the environment with the variable name', () => {
    expect(() => configFromEnv({ CONFORMANCE_RUNS: '-3' })).toThrow(
      /CONFORMANCE_RUNS: -3 is out of range/,
    );
    expect(() => configFromEnv({ CONFORMANCE_SEED: 'abc' })).toThrow(
      /CONFORMANCE_SEED: 'abc' is not an integer/,
    );
  });
});
