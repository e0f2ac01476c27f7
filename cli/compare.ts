/**
 * npm run compare -- OLD_SUMMARY.json NEW_SUMMARY.json [--fail-on new|any] [--json]
 *
 * The regression between two stored runs, by failure signature. Exit 0 when the gate passes,
 * 1 when it fails, 2 for bad input.
 */
import { FAIL_ON_VALUES, type FailOn } from '../engine/config';
import { UsageError } from '../model/errors';
import { gate } from '../reporting/gate';
import { compareRuns, renderComparisonText } from '../reporting/regression';
import { readSummaryFile } from '../reporting/summary-file';
import { fatal } from './fatal';

const USAGE = 'usage: compare OLD_SUMMARY.json NEW_SUMMARY.json [--fail-on new|any] [--json]';

interface CompareArgs {
  baseline: string;
  current: string;
  failOn: FailOn;
  json: boolean;
}

function parseFailOn(value: string | undefined): FailOn {
  if (!FAIL_ON_VALUES.includes(value as FailOn)) {
    throw new UsageError(
      `--fail-on: expected ${FAIL_ON_VALUES.join(' or ')}, got ${JSON.stringify(value ?? '')}`,
    );
  }
  return value as FailOn;
}

export function parseCompareArgs(argv: string[]): CompareArgs {
  const files: string[] = [];
  let failOn: FailOn = 'new';
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--fail-on') failOn = parseFailOn(argv[++i]);
    else if (arg.startsWith('--fail-on=')) failOn = parseFailOn(arg.slice('--fail-on='.length));
    else if (arg.startsWith('-')) throw new UsageError(`unknown flag ${arg} (${USAGE})`);
    else files.push(arg);
  }
  if (files.length !== 2)
    throw new UsageError(`expected 2 summary files, got ${files.length} (${USAGE})`);
  return { baseline: files[0], current: files[1], failOn, json };
}

export async function runCompareCommand(argv: string[]): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const args = parseCompareArgs(argv);
    const current = readSummaryFile(args.current);
    const comparison = compareRuns(readSummaryFile(args.baseline), current);
    const result = gate(current, comparison, args.failOn);
    const output = args.json
      ? JSON.stringify(
          { failOn: args.failOn, exitCode: result.code, reason: result.reason, ...comparison },
          null,
          2,
        )
      : `${renderComparisonText(comparison)}\n\ngate (--fail-on ${args.failOn}): ${result.code === 0 ? 'PASS' : 'FAIL'}, ${result.reason}`;
    process.stdout.write(`${output}\n`);
    return result.code;
  } catch (err) {
    return fatal(err, 'compare');
  }
}

if (require.main === module) {
  void runCompareCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
