import { parseArgs } from 'node:util';
import { DEFAULT_SPEC_PATH, UsageError } from '../model';
import { DEFAULT_RATE_LIMIT } from './create-mock';
import { faultIds, isFaultId, type FaultId } from './faults';

/** The standalone mock's flags (cli/mock.ts), parsed and checked: a bad one is a UsageError. */
export const USAGE =
  'usage: mock [--port N] [--host H] [--api-key K ...] [--rate-limit N] [--rate-window SECONDS] ' +
  '[--maintenance] [--fault ID ...] [--seed N] [--spec PATH]';

export interface CliOptions {
  port: number;
  host: string;
  apiKeys?: string[];
  rateLimit: { limit: number; windowSeconds: number };
  maintenance: boolean;
  faults: FaultId[];
  seed?: number;
  specPath: string;
}

function integerFlag(
  name: string,
  raw: string | undefined,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(
      `--${name}: expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return Number(raw);
}

export function parseCli(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        'rate-window': { type: 'string' },
        maintenance: { type: 'boolean' },
        fault: { type: 'string', multiple: true },
        seed: { type: 'string' },
        spec: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]}; ${USAGE}`);
  }
  const faults = values.fault ?? [];
  const unknown = faults.filter((f) => !isFaultId(f));
  if (unknown.length > 0) {
    throw new UsageError(
      `--fault: unknown fault ${unknown.map((f) => JSON.stringify(f)).join(', ')} (known: ${faultIds().join(', ')})`,
    );
  }
  const keys = values['api-key'];
  if (keys?.some((k) => k.trim() === ''))
    throw new UsageError('--api-key: the key must not be empty');
  return {
    port: integerFlag('port', values.port, 0, 65535) ?? 4010,
    host: values.host ?? '127.0.0.1',
    apiKeys: keys,
    rateLimit: {
      limit: integerFlag('rate-limit', values['rate-limit'], 0) ?? DEFAULT_RATE_LIMIT.limit,
      windowSeconds:
        integerFlag('rate-window', values['rate-window'], 1) ?? DEFAULT_RATE_LIMIT.windowSeconds,
    },
    maintenance: values.maintenance ?? false,
    faults: faults.filter(isFaultId),
    seed: integerFlag('seed', values.seed, 0),
    specPath: values.spec ?? DEFAULT_SPEC_PATH,
  };
}
