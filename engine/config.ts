import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_SPEC_PATH, UsageError, type ServerModel } from '../model';

export type FailOn = 'new' | 'any';
export const FAIL_ON_VALUES: readonly FailOn[] = ['new', 'any'];

/** Everything a conformance run is configured by: one shape for the CLI flags and the env. */
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
  /** One deadline per exchange: headers and body. */
  timeoutMs: number;
  /** Extra requests spent shrinking each failure (0: no shrinking). */
  shrinkBudget: number;
  /** Bodies larger than this are not read further. */
  maxBodyMb: number;
  /** The longest the run waits for a rate-limit window or a Retry-After, in seconds. */
  maxWaitS: number;
  /** Only these checks (by name); default all. */
  checks?: string[];
  excludeChecks?: string[];
  /** Modules adding checks to the registry (a user's house rules). */
  checksFiles?: string[];
  /** This run is shard `index` of `count` (1-based): its share of the operations. */
  shard?: { index: number; count: number };
  /** A previous summary.json: the regression gate compares against it. */
  baseline?: string;
  failOn: FailOn;
  runId: string;
}

export const API_KEY_ENV = 'API4PARTNERS_API_KEY';
/** Optional second key of the same partner, for key isolation on a remote target. */
export const SECOND_KEY_ENV = 'API4PARTNERS_SECOND_API_KEY';
/** Server names that are production: refused unless explicitly allowed. */
export const PRODUCTION_TARGETS = new Set(['prd']);
export const MAX_RUNS = 10_000;

type Kind = 'string' | 'int' | 'bool' | 'list' | 'path';

/**
 * Every setting with its flag, its environment variable and its default: the CLI and jest
 * read the same table, so a run started either way is configured alike.
 */
export const SETTINGS = {
  target: {
    flag: 'target',
    env: 'CONFORMANCE_TARGET',
    kind: 'string',
    help: 'mock | prd | ppt | qal | ptd | ppd | an http(s) URL',
  },
  operations: {
    flag: 'operations',
    env: 'CONFORMANCE_OPERATIONS',
    kind: 'list',
    help: 'operationIds, comma-separated',
  },
  runs: {
    flag: 'runs',
    env: 'CONFORMANCE_RUNS',
    kind: 'int',
    min: 1,
    max: MAX_RUNS,
    help: 'generated requests per operation and property (default 20)',
  },
  seed: {
    flag: 'seed',
    env: 'CONFORMANCE_SEED',
    kind: 'int',
    min: 0,
    max: 2 ** 31 - 1,
    help: 'replays the same generated requests',
  },
  reportDir: {
    flag: 'report-dir',
    env: 'CONFORMANCE_REPORT_DIR',
    kind: 'path',
    help: 'where reports go (default reports)',
  },
  specPath: {
    flag: 'spec',
    env: 'CONFORMANCE_SPEC',
    kind: 'path',
    help: 'the API description (default spec/openapi.yaml)',
  },
  rateLimitProbe: {
    flag: 'rate-limit-probe',
    env: 'CONFORMANCE_RATE_LIMIT_PROBE',
    kind: 'bool',
    help: 'spend a remote quota window on the exhaustion probe',
  },
  allowProduction: {
    flag: 'allow-production',
    env: 'CONFORMANCE_ALLOW_PRODUCTION',
    kind: 'bool',
    help: 'allow prd, read-only',
  },
  timeoutMs: {
    flag: 'timeout-ms',
    env: 'CONFORMANCE_TIMEOUT_MS',
    kind: 'int',
    min: 1,
    max: 600_000,
    help: 'deadline per exchange (default 10000)',
  },
  shrinkBudget: {
    flag: 'shrink-budget',
    env: 'CONFORMANCE_SHRINK_BUDGET',
    kind: 'int',
    min: 0,
    max: 10_000,
    help: 'extra requests to shrink each failure (default 100, 0 = off)',
  },
  maxBodyMb: {
    flag: 'max-body-mb',
    env: 'CONFORMANCE_MAX_BODY_MB',
    kind: 'int',
    min: 1,
    max: 1024,
    help: 'read no response body past this (default 10)',
  },
  maxWaitS: {
    flag: 'max-wait-s',
    env: 'CONFORMANCE_MAX_WAIT_S',
    kind: 'int',
    min: 0,
    max: 3600,
    help: 'longest wait for a rate-limit window or Retry-After (default 60)',
  },
  checks: {
    flag: 'checks',
    env: 'CONFORMANCE_CHECKS',
    kind: 'list',
    help: 'only these checks (names, comma-separated)',
  },
  excludeChecks: {
    flag: 'exclude-checks',
    env: 'CONFORMANCE_EXCLUDE_CHECKS',
    kind: 'list',
    help: 'leave these checks out',
  },
  checksFiles: {
    flag: 'checks-file',
    env: 'CONFORMANCE_CHECKS_FILE',
    kind: 'list',
    help: 'a module of your own checks (repeatable)',
  },
  shard: {
    flag: 'shard',
    env: 'CONFORMANCE_SHARD',
    kind: 'string',
    help: 'I/N: run the I-th of N shares of the operations',
  },
  baseline: {
    flag: 'baseline',
    env: 'CONFORMANCE_BASELINE',
    kind: 'path',
    help: 'a previous summary.json to compare with',
  },
  failOn: {
    flag: 'fail-on',
    env: 'CONFORMANCE_FAIL_ON',
    kind: 'string',
    help: 'new | any (default any)',
  },
} as const satisfies Record<
  string,
  { flag: string; env: string; kind: Kind; min?: number; max?: number; help: string }
>;

export type SettingKey = keyof typeof SETTINGS;
/** Raw values, as text (flags and env alike), before they are checked. */
export type RawSettings = Partial<Record<SettingKey, string | string[] | boolean>>;

export const DEFAULTS = {
  target: 'mock',
  runs: 20,
  timeoutMs: 10_000,
  shrinkBudget: 100,
  maxBodyMb: 10,
  maxWaitS: 60,
  failOn: 'any' as FailOn,
};

export function parseInteger(raw: string, what: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`${what}: '${raw}' is not an integer`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`${what}: ${n} is out of range (${min}..${max})`);
  return n;
}

const truthy = (v: string | string[] | boolean | undefined): boolean =>
  v === true || (typeof v === 'string' && /^(1|true|yes)$/i.test(v));

export function newRunId(): string {
  return `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

const list = (v: string | string[] | boolean | undefined): string[] | undefined => {
  const items = (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
};

export function parseShard(raw: string, what: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!m) throw new UsageError(`${what}: '${raw}' is not I/N (e.g. 1/2)`);
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || index < 1 || index > count)
    throw new UsageError(`${what}: '${raw}' needs 1 ≤ I ≤ N`);
  return { index, count };
}

/**
 * A config from raw settings (flags or env), every value checked: a bad one is a one-line
 * UsageError naming the flag (or variable) and the value.
 */
export function configFrom(raw: RawSettings, name: (key: SettingKey) => string): RunConfig {
  const str = (k: SettingKey): string | undefined => {
    const v = raw[k];
    return typeof v === 'string' && v !== '' ? v : Array.isArray(v) ? v[v.length - 1] : undefined;
  };
  const int = (k: SettingKey, fallback: number): number => {
    const setting = SETTINGS[k] as { min?: number; max?: number };
    const v = str(k);
    return v === undefined
      ? fallback
      : parseInteger(v, name(k), setting.min ?? 0, setting.max ?? Number.MAX_SAFE_INTEGER);
  };
  const failOn = (str('failOn') ?? DEFAULTS.failOn) as FailOn;
  if (!FAIL_ON_VALUES.includes(failOn))
    throw new UsageError(`${name('failOn')}: expected new or any, got '${failOn}'`);
  const operationsRaw = raw.operations;
  const operations = list(operationsRaw);
  if (operationsRaw !== undefined && operationsRaw !== false && !operations)
    throw new UsageError(`${name('operations')}: empty list`);
  const shardText = str('shard');
  return {
    specPath: path.resolve(str('specPath') ?? DEFAULT_SPEC_PATH),
    target: str('target') ?? DEFAULTS.target,
    seed: int('seed', Math.floor(Math.random() * 2 ** 31)),
    runs: int('runs', DEFAULTS.runs),
    operations,
    reportDir: path.resolve(str('reportDir') ?? 'reports'),
    rateLimitProbe: truthy(raw.rateLimitProbe),
    allowProduction: truthy(raw.allowProduction),
    timeoutMs: int('timeoutMs', DEFAULTS.timeoutMs),
    shrinkBudget: int('shrinkBudget', DEFAULTS.shrinkBudget),
    maxBodyMb: int('maxBodyMb', DEFAULTS.maxBodyMb),
    maxWaitS: int('maxWaitS', DEFAULTS.maxWaitS),
    checks: list(raw.checks),
    excludeChecks: list(raw.excludeChecks),
    checksFiles: list(raw.checksFiles)?.map((f) => path.resolve(f)),
    shard: shardText ? parseShard(shardText, name('shard')) : undefined,
    baseline: str('baseline') ? path.resolve(str('baseline') as string) : undefined,
    failOn,
    runId: newRunId(),
  };
}

/** A config from environment variables (what plain `npx jest` runs see). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const raw: RawSettings = {};
  for (const [key, setting] of Object.entries(SETTINGS) as Array<
    [SettingKey, (typeof SETTINGS)[SettingKey]]
  >) {
    const v = env[setting.env];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const config = configFrom(raw, (k) => SETTINGS[k].env);
  return env.CONFORMANCE_RUN_ID ? { ...config, runId: env.CONFORMANCE_RUN_ID } : config;
}

/** The same config as environment variables (for jest, started after the engine). */
export function envFromConfig(config: RunConfig): Record<string, string> {
  const env: Record<string, string> = {
    [SETTINGS.specPath.env]: config.specPath,
    [SETTINGS.target.env]: config.target,
    [SETTINGS.seed.env]: String(config.seed),
    [SETTINGS.runs.env]: String(config.runs),
    [SETTINGS.reportDir.env]: config.reportDir,
    [SETTINGS.rateLimitProbe.env]: config.rateLimitProbe ? '1' : '0',
    [SETTINGS.allowProduction.env]: config.allowProduction ? '1' : '0',
    [SETTINGS.timeoutMs.env]: String(config.timeoutMs),
    [SETTINGS.shrinkBudget.env]: String(config.shrinkBudget),
    [SETTINGS.maxBodyMb.env]: String(config.maxBodyMb),
    [SETTINGS.maxWaitS.env]: String(config.maxWaitS),
    [SETTINGS.failOn.env]: config.failOn,
    CONFORMANCE_RUN_ID: config.runId,
  };
  if (config.operations) env[SETTINGS.operations.env] = config.operations.join(',');
  if (config.checks) env[SETTINGS.checks.env] = config.checks.join(',');
  if (config.excludeChecks) env[SETTINGS.excludeChecks.env] = config.excludeChecks.join(',');
  if (config.checksFiles) env[SETTINGS.checksFiles.env] = config.checksFiles.join(',');
  if (config.shard) env[SETTINGS.shard.env] = `${config.shard.index}/${config.shard.count}`;
  if (config.baseline) env[SETTINGS.baseline.env] = config.baseline;
  return env;
}

export interface TargetInfo {
  /** `mock`, a server name from the spec (`qal`), or `url`. */
  name: string;
  kind: 'mock' | 'remote';
  baseUrl?: string;
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
