/**
 * npm run conformance -- replay FAILURE_ID [--from reports/summary.json] [--target T] [flags]
 *
 * Reproduces a saved failure against the same or another target (a fixed build, the mock):
 * a stateful failure as its whole sequence (fresh partner ids, the new ids flowing between
 * the steps), a generated one as its shrunk request; then judges it again with the same
 * checks. Exit 0 when the failure no longer shows, 1 when it does, 2 for usage errors.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFrom, SETTINGS, type RawSettings, type SettingKey } from '../engine/config';
import { replayFailure } from '../engine/run';
import { UsageError } from '../model';
import { failureLine } from '../reporting/failure-details';
import { readSummaryFile } from '../reporting/summary-file';
import { loadChecksFiles } from './load-checks';
import { preflight } from './preflight';

const KEYS: SettingKey[] = [
  'target',
  'specPath',
  'timeoutMs',
  'maxBodyMb',
  'maxWaitS',
  'allowProduction',
  'checksFiles',
];

export async function runReplayCommand(argv: string[]): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
    from: { type: 'string' },
  };
  for (const k of KEYS)
    options[SETTINGS[k].flag] = {
      type: SETTINGS[k].kind === 'bool' ? 'boolean' : 'string',
      ...(SETTINGS[k].kind === 'list' ? { multiple: true } : {}),
    };
  let values: Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
  } catch (err) {
    throw new UsageError(`replay: ${(err as Error).message.split('\n')[0]}`);
  }
  const id = positionals[0];
  if (!id)
    throw new UsageError(
      'replay: missing FAILURE_ID (the [F...] ids in the run output, the certification report or summary.json)',
    );
  const from = (values.from as string | undefined) ?? path.join('reports', 'summary.json');
  const summary = readSummaryFile(from);
  const failure = summary.failures.find((f) => f.id === id);
  if (!failure)
    throw new UsageError(
      `replay: ${from}: no failure with id ${id} (${summary.failures.map((f) => f.id).join(', ') || 'it has none'})`,
    );
  const raw: RawSettings = {};
  for (const k of KEYS)
    if (values[SETTINGS[k].flag] !== undefined) raw[k] = values[SETTINGS[k].flag] as string;
  const config = {
    ...configFrom(raw, (k) => `--${SETTINGS[k].flag}`),
    seed: summary.seed,
    shrinkBudget: 0,
  };
  const extraChecks = loadChecksFiles(config.checksFiles);
  await preflight(config, extraChecks);
  process.stdout.write(
    `replaying [${id}] ${failure.operationId} > ${failure.check}: ${failureLine(failure)}\n`,
  );
  process.stdout.write(
    failure.sequence
      ? `  as its sequence '${failure.sequence.name}' of ${failure.sequence.steps.length} steps, with fresh partner ids\n`
      : `  as its ${failure.shrunk ? 'shrunk ' : ''}request\n`,
  );
  const result = await replayFailure(failure, config, { extraChecks });
  for (const e of result.exchanges) {
    process.stdout.write(
      `  ${e.request.method} ${e.request.path} -> ${e.response ? e.response.status : `no answer (${e.failure?.detail})`}\n`,
    );
  }
  for (const f of result.failures)
    process.stdout.write(`FAIL [${f.id}] ${f.operationId} > ${f.check}: ${failureLine(f)}\n`);
  const target =
    result.target.kind === 'mock'
      ? 'the built-in mock'
      : (result.target.baseUrl ?? result.target.name);
  process.stdout.write(
    result.reproduced ? `${id} still fails on ${target}\n` : `${id} does not fail on ${target}\n`,
  );
  return result.reproduced ? 1 : 0;
}
