/**
 * npm run conformance -- [run] [flags]      run the suites against a target (default: the mock)
 * npm run conformance -- diff [flags]       v0/v1 deprecation diff of the spec
 * npm run conformance -- compare OLD NEW    regression between two stored summary.json files
 * npm run conformance -- replay ID [flags]  send a saved failure again and re-judge it
 * npm run conformance -- lint [flags]       the spec lint
 *
 * Exit codes: 0 every check passed or was skipped (and something was verified), 1 a check
 * failed (or nothing at all was verified), 2 usage or configuration error, 3 internal error.
 */
import { runCLI } from 'jest';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_RUNS,
  DEFAULT_TIMEOUT_MS,
  MAX_RUNS,
  envFromConfig,
  newRunId,
  parseInteger,
  resolveTarget,
  checkTargetAllowed,
  type RunConfig,
} from '../engine/config';
import { getSpec, UsageError, DEFAULT_SPEC_PATH } from '../model';

const EXIT_INTERNAL = 3;
import { TargetUnreachableError, assertReachable } from '../engine/http/client';
import { finishRun } from '../reporting/finish-run';
import { renderMatrix } from '../reporting/matrix';
import { readSummaryFile } from '../reporting/summary-file';
import {
  compareRuns,
  FAIL_ON_VALUES,
  regressionExitCode,
  renderComparisonText,
  type FailOn,
} from '../reporting/regression';
import type { RunSummary } from '../engine/types';
import { runCompareCommand } from './compare';
import { runDiffCommand } from './diff';
import { runReplayCommand } from './replay';

export const RUN_USAGE = `usage: npm run conformance -- [--target mock|prd|ppt|qal|ptd|ppd|URL] [--operations id1,id2]
  [--runs N] [--seed S] [--report-dir DIR] [--spec PATH] [--rate-limit-probe] [--allow-production]
  [--timeout-ms MS] [--baseline SUMMARY.json] [--fail-on new|any]
  other commands: diff | compare OLD NEW | replay ID | lint`;

const RUN_OPTIONS = {
  target: { type: 'string' },
  operations: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  'report-dir': { type: 'string' },
  spec: { type: 'string' },
  'rate-limit-probe': { type: 'boolean' },
  'allow-production': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  baseline: { type: 'string' },
  'fail-on': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface RunArgs {
  config: RunConfig;
  baseline?: string;
  failOn: FailOn;
}

/** `--runs -3` reads as a flag named `-3` to parseArgs: keep negative numbers as values. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (
      argv[i].startsWith('--') &&
      !argv[i].includes('=') &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

function parseRunArgs(argv: string[]): RunArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(argv),
      options: RUN_OPTIONS,
      allowPositionals: false,
      strict: true,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.help) return 'help';
  const str = (k: string): string | undefined => values[k] as string | undefined;
  const failOn = (str('fail-on') ?? 'any') as FailOn;
  if (!FAIL_ON_VALUES.includes(failOn))
    throw new UsageError(`--fail-on: expected new or any, got '${failOn}'`);
  const operations = str('operations')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (operations && operations.length === 0) throw new UsageError('--operations: empty list');
  return {
    config: {
      specPath: path.resolve(str('spec') ?? DEFAULT_SPEC_PATH),
      target: str('target') ?? 'mock',
      seed:
        str('seed') !== undefined
          ? parseInteger(str('seed') as string, '--seed', 0, 2 ** 31 - 1)
          : Math.floor(Math.random() * 2 ** 31),
      runs:
        str('runs') !== undefined
          ? parseInteger(str('runs') as string, '--runs', 1, MAX_RUNS)
          : DEFAULT_RUNS,
      operations,
      reportDir: path.resolve(str('report-dir') ?? 'reports'),
      rateLimitProbe: values['rate-limit-probe'] === true,
      allowProduction: values['allow-production'] === true,
      timeoutMs:
        str('timeout-ms') !== undefined
          ? parseInteger(str('timeout-ms') as string, '--timeout-ms', 1, 600_000)
          : DEFAULT_TIMEOUT_MS,
      runId: newRunId(),
    },
    baseline: str('baseline'),
    failOn,
  };
}

/** Everything that can be wrong before a request is sent is found here, with exit code 2. */
async function preflight(args: RunArgs): Promise<RunSummary | undefined> {
  const { config } = args;
  const spec = await getSpec(config.specPath);
  const target = resolveTarget(config.target, spec.servers);
  checkTargetAllowed(config, target);
  const known = spec.operations.map((o) => o.operationId);
  for (const id of config.operations ?? []) {
    if (!known.includes(id)) {
      throw new UsageError(`--operations: unknown operation '${id}' (known: ${known.join(', ')})`);
    }
  }
  const baseline = args.baseline ? readSummaryFile(args.baseline) : undefined;
  if (target.baseUrl) {
    try {
      await assertReachable(target.baseUrl, config.timeoutMs);
    } catch (err) {
      if (err instanceof TargetUnreachableError) {
        throw new UsageError(`--target ${config.target}: ${err.message}`);
      }
      throw err;
    }
  }
  return baseline;
}

async function runConformance(argv: string[]): Promise<number> {
  const args = parseRunArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${RUN_USAGE}\n`);
    return 0;
  }
  const baseline = await preflight(args);
  const { config } = args;
  const startedAt = new Date().toISOString();
  Object.assign(process.env, envFromConfig(config), {
    CONFORMANCE_SKIP_REPORTS: '1',
    CONFORMANCE_STARTED_AT: startedAt,
  });
  process.stderr.write(
    `conformance run ${config.runId}: target ${config.target}, seed ${config.seed}, runs ${config.runs}\n`,
  );
  const remote = config.target !== 'mock';
  const { results } = await runCLI(
    {
      _: [],
      $0: 'conformance',
      selectProjects: ['conformance'],
      // One request at a time against a real server: its rate-limit headers then read in order.
      runInBand: remote,
      silent: true,
    },
    [path.join(__dirname, '..')],
  );
  const unreachable = results.testResults
    .map((r) => /target \S+ is unreachable: [^\n]*/.exec(r.failureMessage ?? '')?.[0])
    .find(Boolean);
  if (unreachable) {
    process.stderr.write(`conformance: ${unreachable}: run stopped\n`);
    return 2;
  }
  const summary = await finishRun(config, startedAt, Date.now() - Date.parse(startedAt), baseline);
  if (!summary) {
    process.stderr.write('no check ran: the suites failed to start (see the errors above)\n');
    return 1;
  }
  process.stdout.write(`\n${renderMatrix(summary)}\n`);
  process.stdout.write(
    `reports: ${path.relative(process.cwd(), config.reportDir) || '.'}/ (summary.json, junit.xml, traffic.har, certification.md/html, deprecation-diff.md/json, allure-results/ for npm run report)\n`,
  );
  if (results.numRuntimeErrorTestSuites > 0) {
    process.stderr.write(`${results.numRuntimeErrorTestSuites} suite file(s) failed to run\n`);
    return 1;
  }
  if (baseline) {
    const comparison = compareRuns(baseline, summary);
    process.stdout.write(
      `\nregression against ${args.baseline}:\n${renderComparisonText(comparison)}\n`,
    );
    return regressionExitCode(comparison, args.failOn, summary);
  }
  if (summary.totals.failed > 0) return 1;
  if (summary.totals.passed === 0) {
    process.stderr.write('nothing was verified (every check skipped): not a green gate\n');
    return 1;
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'diff':
      return runDiffCommand(rest);
    case 'compare':
      return runCompareCommand(rest);
    case 'replay':
      return runReplayCommand(rest);
    case 'lint':
      return (await import('./lint-spec')).runLintCommand(rest);
    case 'run':
      return runConformance(rest);
    default:
      return runConformance(argv);
  }
}

if (require.main === module) {
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`conformance: ${err.message}\n`);
        process.exit(err.exitCode);
      }
      process.stderr.write(
        `conformance: internal error: ${(err as Error).message ?? String(err)}\n`,
      );
      process.exit(EXIT_INTERNAL);
    });
}
