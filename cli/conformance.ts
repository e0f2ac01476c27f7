/**
 * npm run conformance -- [run] [flags]          run every check against a target (default: the mock)
 * npm run conformance -- merge DIR... [flags]   merge the reports of shards of one run
 * npm run conformance -- diff [flags]           v0/v1 deprecation diff of the spec
 * npm run conformance -- compare OLD NEW        regression between two stored summary.json files
 * npm run conformance -- replay ID [flags]      reproduce a saved failure on a target
 * npm run conformance -- lint [flags]           the spec lint
 *
 * Exit codes: 0 conformant (every verified check passed); 1 a check failed, nothing was verified,
 * or the run could not conclude; 2 usage or configuration error; 3 the suite's own defect.
 */
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCLI } from 'jest';
import {
  API_KEY_ENV,
  configFrom,
  envFromConfig,
  SECOND_KEY_ENV,
  SETTINGS,
  type RawSettings,
  type RunConfig,
  type SettingKey,
} from '../engine/config';
import { keyHeaderOf } from '../engine/target';
import { runConformance } from '../engine/run';
import type { RunSummary } from '../engine/summary';
import { getSpec, UsageError } from '../model';
import { gate } from '../reporting/gate';
import { renderMatrix } from '../reporting/matrix';
import { mergeSummaries } from '../reporting/merge';
import { compareRuns, renderComparisonText } from '../reporting/regression';
import { reportRun } from '../reporting/report-run';
import { readSummaryFile } from '../reporting/summary-file';
import { renderReports, REPORT_FILES, writeReportFiles } from '../reporting/write-reports';
import { RESULTS_ENV } from '../suites/results';
import { runCompareCommand } from './compare';
import { runDiffCommand } from './diff';
import { fatal } from './fatal';
import { loadChecksFiles } from './load-checks';
import { preflight } from './preflight';
import { progressLine } from './progress';
import { runReplayCommand } from './replay';

const ROOT = path.join(__dirname, '..');

export const RUN_USAGE = [
  'usage: npm run conformance -- [flags]',
  ...(Object.values(SETTINGS) as Array<{ flag: string; kind: string; help: string }>).map(
    (s) => `  --${s.flag}${s.kind === 'bool' ? '' : ' VALUE'}`.padEnd(28) + s.help,
  ),
  '  other commands: merge DIR... | diff | compare OLD NEW | replay ID | lint',
].join('\n');

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

/** The flags of SETTINGS, parsed: one table for the CLI, jest's env and the README. */
export function parseRunArgs(
  argv: string[],
  allowPositionals = false,
): { config: RunConfig; positionals: string[] } | 'help' {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; multiple?: boolean; short?: string }
  > = { help: { type: 'boolean', short: 'h' } };
  for (const s of Object.values(SETTINGS)) {
    options[s.flag] = {
      type: s.kind === 'bool' ? 'boolean' : 'string',
      ...(s.kind === 'list' ? { multiple: true } : {}),
    };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (see --help)`);
  }
  if (parsed.values.help) return 'help';
  const raw: RawSettings = {};
  for (const [key, s] of Object.entries(SETTINGS) as Array<
    [SettingKey, (typeof SETTINGS)[SettingKey]]
  >) {
    const v = parsed.values[s.flag];
    if (v !== undefined) raw[key] = v as string | string[] | boolean;
  }
  return {
    config: configFrom(raw, (k) => `--${SETTINGS[k].flag}`),
    positionals: parsed.positionals,
  };
}

/**
 * Only the suite files that show an operation of this run: a file with none would show one
 * placeholder test, and jest's counts would no longer be summary.json's.
 */
function suiteFilesOf(summary: RunSummary): string[] {
  const parts = [...new Set(summary.operations.map((op) => op.part))];
  return parts.map((part) => `suites/operations-${part}\\.suite\\.ts$`);
}

/** jest presents the summary as tests: Allure's results come from the same run, counts alike. */
async function presentWithJest(config: RunConfig, summary: RunSummary): Promise<void> {
  Object.assign(process.env, envFromConfig(config), {
    [RESULTS_ENV]: path.join(config.reportDir, REPORT_FILES.summary),
    CONFORMANCE_FROM_CLI: '1',
  });
  // The conformance project of jest.config.ts, handed over as JSON: jest need not load a
  // TypeScript config. The engine has run (no global setup) and this command prints the gate
  // (no gate reporter); the sequencer only matters to deal the suite files over shards.
  const { conformanceProject } = await import('../jest.config');
  const project = {
    ...conformanceProject(config.reportDir),
    rootDir: ROOT,
    globalSetup: undefined,
    reporters: ['default'],
    ...(config.shard ? { testSequencer: '<rootDir>/cli/jest/sequencer.cjs' } : {}),
  };
  await runCLI(
    {
      _: [],
      $0: 'conformance',
      config: JSON.stringify(project),
      silent: true,
      // The summary is already there: one worker shows it faster than starting several.
      runInBand: true,
      ...(config.shard
        ? { shard: `${config.shard.index}/${config.shard.count}` }
        : { testPathPatterns: suiteFilesOf(summary) }),
    },
    [ROOT],
  );
}

function closing(
  summary: Parameters<typeof renderMatrix>[0],
  config: RunConfig,
  reason: string,
  comparisonText?: string,
): void {
  process.stdout.write(`\n${renderMatrix(summary)}\n`);
  if (comparisonText)
    process.stdout.write(`\nregression against ${config.baseline}:\n${comparisonText}\n`);
  const dir = path.relative(process.cwd(), config.reportDir) || '.';
  process.stdout.write(
    `gate: ${reason}\nreports: ${dir}/ (summary.json, junit.xml, traffic.har, certification.html/md, deprecation-diff.md/json${config.baseline ? ', regression.json' : ''}, allure-results/ for npm run report)\n`,
  );
}

async function runConformanceCommand(argv: string[]): Promise<number> {
  const args = parseRunArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${RUN_USAGE}\n`);
    return 0;
  }
  const { config } = args;
  const extraChecks = loadChecksFiles(config.checksFiles);
  await preflight(config, extraChecks);
  process.stderr.write(
    `conformance run ${config.runId}: target ${config.target}, seed ${config.seed}, runs ${config.runs}${config.shard ? `, shard ${config.shard.index}/${config.shard.count}` : ''}\n`,
  );
  const result = await runConformance(config, { extraChecks, onOperation: progressLine });
  const reported = await reportRun(result, config);
  await presentWithJest(config, reported.summary);
  closing(
    reported.summary,
    config,
    reported.gate.reason,
    reported.comparison && renderComparisonText(reported.comparison),
  );
  return reported.gate.code;
}

/** HAR entries of several runs in one file. */
function mergeHar(dirs: string[]): string {
  const entries: unknown[] = [];
  let creator: unknown;
  for (const dir of dirs) {
    const file = path.join(dir, REPORT_FILES.har);
    if (!existsSync(file)) continue;
    const har = JSON.parse(readFileSync(file, 'utf8')) as {
      log: { creator: unknown; entries: unknown[] };
    };
    creator ??= har.log.creator;
    entries.push(...har.log.entries);
  }
  return `${JSON.stringify({ log: { version: '1.2', creator, entries } }, null, 2)}\n`;
}

/** Shards of one run (`--shard i/n` each into its own --report-dir) as one set of reports and one gate. */
async function runMergeCommand(argv: string[]): Promise<number> {
  const args = parseRunArgs(argv, true);
  if (args === 'help') {
    process.stdout.write(
      'usage: npm run conformance -- merge SHARD_DIR... [--report-dir OUT] [--baseline SUMMARY.json] [--fail-on new|any]\n',
    );
    return 0;
  }
  const { config, positionals } = args;
  if (positionals.length === 0)
    throw new UsageError('merge: name the report directories of the shards (merge DIR...)');
  const parts = positionals.map((dir) => ({
    file: path.join(dir, REPORT_FILES.summary),
    summary: readSummaryFile(path.join(dir, REPORT_FILES.summary)),
  }));
  const summary = mergeSummaries(parts);
  const out = config.reportDir;
  const baseline = config.baseline ? readSummaryFile(config.baseline) : undefined;
  const secrets = [process.env[API_KEY_ENV], process.env[SECOND_KEY_ENV]].filter((s): s is string =>
    Boolean(s),
  );
  const files = renderReports({
    summary,
    exchanges: [],
    keyHeader: keyHeaderOf(await getSpec(config.specPath)),
    secrets,
    baseline,
  });
  files[REPORT_FILES.har] = mergeHar(positionals);
  // The same safety net as a run's reports: nothing is written if any file holds a key.
  writeReportFiles(out, files, secrets);
  // Allure results are one file per test: the shards' together are the whole run's.
  for (const dir of positionals) {
    const results = path.join(dir, 'allure-results');
    if (existsSync(results) && path.resolve(results) !== path.resolve(out, 'allure-results')) {
      for (const name of readdirSync(results))
        cpSync(path.join(results, name), path.join(out, 'allure-results', name));
    }
  }
  const comparison = baseline ? compareRuns(baseline, summary) : undefined;
  const result = gate(summary, comparison, config.failOn);
  closing(
    summary,
    config,
    `${result.reason} (${parts.length} shards merged)`,
    comparison && renderComparisonText(comparison),
  );
  return result.code;
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
    case 'merge':
      return runMergeCommand(rest);
    case 'lint':
      return (await import('./lint-spec')).runLintCommand(rest);
    case 'run':
      return runConformanceCommand(rest);
    default:
      return runConformanceCommand(argv);
  }
}

if (require.main === module) {
  const reportDir = (() => {
    const i = process.argv.indexOf('--report-dir');
    return i > 0 ? process.argv[i + 1] : process.env.CONFORMANCE_REPORT_DIR;
  })();
  main(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err: unknown) => process.exit(fatal(err, 'conformance', reportDir ?? 'reports')));
}
