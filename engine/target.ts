import {
  createMock,
  DEFAULT_MOCK_API_KEY,
  type FaultId,
  type Mock,
  type MockOptions,
} from '../mock';
import type { SpecModel } from '../model';
import {
  API_KEY_ENV,
  checkTargetAllowed,
  resolveTarget,
  SECOND_KEY_ENV,
  type RunConfig,
  type TargetInfo,
} from './config';
import { createHttpClient, type HttpClient } from './http/client';
import { createInProcessClient } from './http/in-process';

/** The in-process mock's quota for a run: high enough that a run never waits on it. */
const MOCK_RUN_QUOTA = { limit: 100_000, windowSeconds: 60 };
/** The mock's second key, to check that objects do not cross keys. */
export const MOCK_SECOND_KEY = `${DEFAULT_MOCK_API_KEY}-2`;

/** A small-quota twin of the mock whose clock the probe moves instead of waiting. */
export interface QuotaTwin {
  client: HttpClient;
  advance(ms: number): void;
  close(): Promise<void>;
}

/** What only the built-in mock can do. */
export interface TargetControl {
  setMaintenance(on: boolean): void;
  quotaTwin(limit: number, windowSeconds: number): Promise<QuotaTwin>;
}

export interface Target {
  info: TargetInfo;
  isProduction: boolean;
  client: HttpClient;
  keyHeader: string;
  apiKey: string;
  secondKey?: string;
  control?: TargetControl;
  close(): Promise<void>;
}

export interface TargetOptions {
  /** Mock only: faults to switch on (the fault-detection matrix). */
  faults?: FaultId[];
  mock?: Partial<MockOptions>;
  /**
   * Mock only: `in-process` answers without a socket (the fault-detection matrix runs hundreds
   * of thousands of requests); the default, `http`, serves the mock on 127.0.0.1 as a user sees it.
   */
  transport?: 'http' | 'in-process';
  env?: NodeJS.ProcessEnv;
}

export function keyHeaderOf(spec: SpecModel): string {
  return (
    spec.securitySchemes.find((s) => s.type === 'apiKey' && s.in === 'header')?.paramName ??
    'X-API-Key'
  );
}

const limitsOf = (config: RunConfig) => ({
  timeoutMs: config.timeoutMs,
  maxBodyBytes: config.maxBodyMb * 1024 * 1024,
});

async function openMock(
  spec: SpecModel,
  config: RunConfig,
  options: TargetOptions,
): Promise<Target> {
  const mockOptions: MockOptions = {
    apiKeys: [DEFAULT_MOCK_API_KEY, MOCK_SECOND_KEY],
    rateLimit: MOCK_RUN_QUOTA,
    faults: options.faults,
    seed: config.seed,
    ...options.mock,
  };
  /** The mock reached the way the run asked: a client, and how to let go of it. */
  const reach = async (mock: Mock): Promise<{ client: HttpClient; close(): Promise<void> }> => {
    if (options.transport === 'in-process')
      return { client: createInProcessClient(mock, limitsOf(config)), close: async () => {} };
    const server = await mock.listen(0, '127.0.0.1');
    const client = createHttpClient(server.url, limitsOf(config));
    return {
      client,
      close: async () => {
        client.close();
        await server.close();
      },
    };
  };
  const mock = createMock(spec, mockOptions);
  const served = await reach(mock);
  return {
    info: { name: 'mock', kind: 'mock', baseUrl: served.client.baseUrl },
    isProduction: false,
    client: served.client,
    keyHeader: keyHeaderOf(spec),
    apiKey: DEFAULT_MOCK_API_KEY,
    secondKey: MOCK_SECOND_KEY,
    control: {
      setMaintenance: (on) => mock.setMaintenance(on),
      async quotaTwin(limit, windowSeconds) {
        let offset = 0;
        const twin = await reach(
          createMock(spec, {
            ...mockOptions,
            rateLimit: { limit, windowSeconds },
            clock: () => Date.now() + offset,
          }),
        );
        return {
          client: twin.client,
          advance: (ms) => {
            offset += ms;
          },
          close: twin.close,
        };
      },
    },
    close: served.close,
  };
}

/** The configured target; usage problems (no key, production refused) are UsageErrors. */
export async function openTarget(
  spec: SpecModel,
  config: RunConfig,
  options: TargetOptions = {},
): Promise<Target> {
  const env = options.env ?? process.env;
  const resolved = resolveTarget(config.target, spec.servers);
  checkTargetAllowed(config, resolved, env);
  if (resolved.info.kind === 'mock') return openMock(spec, config, options);
  const client = createHttpClient(resolved.baseUrl as string, limitsOf(config));
  return {
    info: resolved.info,
    isProduction: resolved.isProduction,
    client,
    keyHeader: keyHeaderOf(spec),
    apiKey: env[API_KEY_ENV] as string,
    secondKey: env[SECOND_KEY_ENV] || undefined,
    close: async () => client.close(),
  };
}
