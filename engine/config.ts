import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_SPEC_PATH, UsageError, type ServerModel } from '../model';
import type { TargetInfo } from './types';

/** Everything a conformance run is configured by; one shape for the CLI flags and the env. */
export interface RunConfig {
  specPath: string;
  /** `mock`, a server name from the spec (`qal`), or a base URL. */
  target: string;
  seed: number;
  /** Generated valid and invalid requests per operation and check. */
  runs: number;
  operations?: string[];
  reportDir: string;
  rateLimitProbe: boolean;
  allowProduction: boolean;
  timeoutMs: number;
  runId: string;
}

export const DEFAULT_RUNS = 20;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const MAX_RUNS = 10_000;
export const API_KEY_ENV = 'API4PARTNERS_API_KEY';
/** Server names that are production: refused unless explicitly allowed. */
export const PRODUCTION_TARGETS = new Set(['prd']);

const ENV = {
  spec: 'CONFORMANCE_SPEC',
  target: 'CONFORMANCE_TARGET',
  seed: 'CONFORMANCE_SEED',
  runs: 'CONFORMANCE_RUNS',
  operations: 'CONFORMANCE_OPERATIONS',
  reportDir: 'CONFORMANCE_REPORT_DIR',
  rateLimitProbe: 'CONFORMANCE_RATE_LIMIT_PROBE',
  allowProduction: 'CONFORMANCE_ALLOW_PRODUCTION',
  timeoutMs: 'CONFORMANCE_TIMEOUT_MS',
  runId: 'CONFORMANCE_RUN_ID',
} as const;

export function parseInteger(raw: string, what: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`${what}: '${raw}' is not an integer`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`${what}: ${n} is out of range (${min}..${max})`);
  return n;
}

const truthy = (v: string | undefined): boolean => v !== undefined && /^(1|true|yes)$/i.test(v);

export function newRunId(): string {
  return `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** A config from environment variables (what `npx jest` and the runner's jest workers see). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const ops = env[ENV.operations]
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    specPath: env[ENV.spec] ? path.resolve(env[ENV.spec] as string) : DEFAULT_SPEC_PATH,
    target: env[ENV.target] || 'mock',
    seed: env[ENV.seed]
      ? parseInteger(env[ENV.seed] as string, ENV.seed, 0, 2 ** 31 - 1)
      : defaultSeed(),
    runs: env[ENV.runs]
      ? parseInteger(env[ENV.runs] as string, ENV.runs, 1, MAX_RUNS)
      : DEFAULT_RUNS,
    operations: ops && ops.length > 0 ? ops : undefined,
    reportDir: path.resolve(env[ENV.reportDir] || 'reports'),
    rateLimitProbe: truthy(env[ENV.rateLimitProbe]),
    allowProduction: truthy(env[ENV.allowProduction]),
    timeoutMs: env[ENV.timeoutMs]
      ? parseInteger(env[ENV.timeoutMs] as string, ENV.timeoutMs, 1, 600_000)
      : DEFAULT_TIMEOUT_MS,
    runId: env[ENV.runId] || newRunId(),
  };
}

/** The same config as environment variables, for jest workers. */
export function envFromConfig(config: RunConfig): Record<string, string> {
  const env: Record<string, string> = {
    [ENV.spec]: config.specPath,
    [ENV.target]: config.target,
    [ENV.seed]: String(config.seed),
    [ENV.runs]: String(config.runs),
    [ENV.reportDir]: config.reportDir,
    [ENV.rateLimitProbe]: config.rateLimitProbe ? '1' : '0',
    [ENV.allowProduction]: config.allowProduction ? '1' : '0',
    [ENV.timeoutMs]: String(config.timeoutMs),
    [ENV.runId]: config.runId,
  };
  if (config.operations) env[ENV.operations] = config.operations.join(',');
  return env;
}

function defaultSeed(): number {
  // One seed per run, shared by every jest worker through the env the runner sets.
  return Math.floor(Math.random() * 2 ** 31);
}

export interface ResolvedTarget {
  info: TargetInfo;
  /** For remote targets: the base URL to send requests to. */
  baseUrl?: string;
  isProduction: boolean;
}

/** `mock`, a server name from the spec, or an http(s) URL; anything else is a usage error. */
export function resolveTarget(target: string, servers: ServerModel[]): ResolvedTarget {
  if (target === 'mock') return { info: { name: 'mock', kind: 'mock' }, isProduction: false };
  const server = servers.find((s) => s.name === target);
  if (server) {
    return {
      info: { name: server.name, kind: 'remote', baseUrl: server.url },
      baseUrl: server.url.replace(/\/+$/, ''),
      isProduction: PRODUCTION_TARGETS.has(server.name),
    };
  }
  let url: URL | undefined;
  try {
    url = new URL(target);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    const names = ['mock', ...servers.map((s) => s.name)].join(', ');
    throw new UsageError(
      `--target: unknown target '${target}' (use one of ${names}, or an http(s) URL)`,
    );
  }
  const baseUrl = url.toString().replace(/\/+$/, '');
  const isProduction = servers.some(
    (s) => PRODUCTION_TARGETS.has(s.name) && s.url.replace(/\/+$/, '') === baseUrl,
  );
  return { info: { name: 'url', kind: 'remote', baseUrl }, baseUrl, isProduction };
}

/** The safety rules: a remote target needs a key; production needs an explicit yes. */
export function checkTargetAllowed(
  config: RunConfig,
  target: ResolvedTarget,
  env = process.env,
): void {
  if (target.info.kind === 'remote' && !env[API_KEY_ENV]) {
    throw new UsageError(
      `${API_KEY_ENV} is not set: a remote target (${target.info.name}) needs an API key`,
    );
  }
  if (target.isProduction && !config.allowProduction) {
    throw new UsageError(
      `--target ${config.target}: production is refused (pass --allow-production to run read-only checks)`,
    );
  }
}
