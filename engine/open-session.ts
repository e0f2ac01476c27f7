import { createMock, DEFAULT_MOCK_API_KEY, type FaultId, type MockOptions } from '../mock';
import { assertReachable, createHttpClient } from './http/client';
import { getSpec, type SpecModel } from '../model';
import { API_KEY_ENV, checkTargetAllowed, resolveTarget, type RunConfig } from './config';
import { createSession, type Session } from './session';

/** The in-process mock's quota: high enough that a run never waits on it. */
const MOCK_RUN_QUOTA = { limit: 100_000, windowSeconds: 60 };
/** The mock's second key, to check that objects do not cross keys. */
const MOCK_SECOND_KEY = `${DEFAULT_MOCK_API_KEY}-2`;
/** Optional second key of the same partner for a remote target. */
export const SECOND_KEY_ENV = 'API4PARTNERS_SECOND_API_KEY';

export interface OpenOptions {
  /** Mock only: faults to switch on (the fault-detection matrix). */
  faults?: FaultId[];
  mock?: Partial<MockOptions>;
  sleep?: (ms: number) => Promise<void>;
}

async function openMockSession(
  spec: SpecModel,
  config: RunConfig,
  options: OpenOptions,
): Promise<Session> {
  const mockOptions: MockOptions = {
    apiKeys: [DEFAULT_MOCK_API_KEY, MOCK_SECOND_KEY],
    rateLimit: MOCK_RUN_QUOTA,
    faults: options.faults,
    seed: config.seed,
    ...options.mock,
  };
  const mock = createMock(spec, mockOptions);
  const server = await mock.listen(0, '127.0.0.1');
  const target = resolveTarget('mock', spec.servers);
  return createSession({
    spec,
    config,
    target: { ...target, info: { ...target.info, baseUrl: server.url } },
    client: createHttpClient(server.url, config.timeoutMs),
    apiKey: DEFAULT_MOCK_API_KEY,
    otherApiKey: MOCK_SECOND_KEY,
    sleep: options.sleep,
    control: {
      setMaintenance: (on) => mock.setMaintenance(on),
      async withQuota(limit, windowSeconds) {
        const twin = createMock(spec, { ...mockOptions, rateLimit: { limit, windowSeconds } });
        const twinServer = await twin.listen(0, '127.0.0.1');
        return {
          client: createHttpClient(twinServer.url, config.timeoutMs),
          close: () => twinServer.close(),
        };
      },
    },
    close: () => server.close(),
  });
}

/** A session against the configured target; usage problems are UsageErrors (exit 2). */
export async function openSession(
  config: RunConfig,
  options: OpenOptions = {},
  env = process.env,
): Promise<Session> {
  const spec = await getSpec(config.specPath);
  const target = resolveTarget(config.target, spec.servers);
  checkTargetAllowed(config, target, env);
  if (target.info.kind === 'mock') return openMockSession(spec, config, options);
  return createSession({
    spec,
    config,
    target,
    client: createHttpClient(target.baseUrl as string, config.timeoutMs),
    apiKey: env[API_KEY_ENV] as string,
    otherApiKey: env[SECOND_KEY_ENV] || undefined,
    sleep: options.sleep,
  });
}

/** A remote target that does not answer ends the run within seconds, with one clear line. */
export async function probeReachable(session: Session): Promise<void> {
  if (session.target.baseUrl)
    await assertReachable(session.target.baseUrl, session.config.timeoutMs);
}
