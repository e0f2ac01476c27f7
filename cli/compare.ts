import { EXIT_USAGE, UsageError } from '../model/errors';
import type { RunSummary } from '../engine/types';
import { readSummaryFile } from '../reporting/summary-file';
import {
  compareRuns,
  FAIL_ON_VALUES,
  regressionExitCode,
  renderComparisonText,
  verifiedAnything,
  type FailOn,
  type RunComparison,
} from '../reporting/regression';

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
  if (files.length !== 2) {
    throw new UsageError(`expected 2 summary files, got ${files.length} (${USAGE})`);
  }
  return { baseline: files[0], current: files[1], failOn, json };
}

function gateLine(
  comparison: RunComparison,
  failOn: FailOn,
  current: RunSummary,
  code: number,
): string {
  if (code === 0) return `gate (--fail-on ${failOn}): PASS`;
  if (!verifiedAnything(current)) return `gate (--fail-on ${failOn}): FAIL, nothing was verified`;
  const failures =
    failOn === 'new'
      ? `${comparison.newFailures.length} new failure(s)`
      : `${current.checks.filter((c) => c.status === 'failed').length} failure(s)`;
  return `gate (--fail-on ${failOn}): FAIL, ${failures}`;
}

/** Compares two stored summary.json files; returns 0 (gate passes), 1 (fails) or 2 (bad input). */
export async function runCompareCommand(argv: string[]): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const args = parseCompareArgs(argv);
    const baseline = readSummaryFile(args.baseline);
    const current = readSummaryFile(args.current);
    const comparison = compareRuns(baseline, current);
    const code = regressionExitCode(comparison, args.failOn, current);
    const output = args.json
      ? JSON.stringify({ failOn: args.failOn, exitCode: code, ...comparison }, null, 2)
      : `${renderComparisonText(comparison)}\n\n${gateLine(comparison, args.failOn, current, code)}`;
    process.stdout.write(`${output}\n`);
    return code;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`compare: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`compare: unexpected error: ${(err as Error).message}\n`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  void runCompareCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
