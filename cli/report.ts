import path from 'node:path';
import { UsageError } from '../model/errors';
import { buildAllureReport } from '../reporting/allure-build';

const USAGE = 'usage: report [--results DIR]... [--output DIR]';
// The same report directory the conformance jest project writes its Allure results under.
const REPORT_DIR = process.env.CONFORMANCE_REPORT_DIR ?? 'reports';
const DEFAULT_RESULTS = path.join(REPORT_DIR, 'allure-results');
const DEFAULT_OUTPUT = path.join(REPORT_DIR, 'allure-report');

interface ReportArgs {
  /** One or more allure-results directories (several shards make one report). */
  results: string[];
  output: string;
}

function valueOf(flag: string, value: string | undefined): string {
  if (!value || value.startsWith('--')) {
    throw new UsageError(`${flag}: expects a directory (${USAGE})`);
  }
  return value;
}

export function parseReportArgs(argv: string[]): ReportArgs {
  const args: ReportArgs = { results: [], output: DEFAULT_OUTPUT };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--results') args.results.push(valueOf(arg, argv[++i]));
    else if (arg === '--output') args.output = valueOf(arg, argv[++i]);
    else throw new UsageError(`unknown argument ${arg} (${USAGE})`);
  }
  if (args.results.length === 0) args.results.push(DEFAULT_RESULTS);
  return args;
}

/** Builds the offline Allure HTML report; 0 built, 1 the build failed, 2 bad input. */
export async function runReportCommand(argv: string[]): Promise<number> {
  try {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const args = parseReportArgs(argv);
    const build = await buildAllureReport(args.results, args.output);
    process.stdout.write(`Allure report: ${build.index}\n`);
    if (build.remote.length > 0) {
      process.stderr.write(`warning: the report still references ${build.remote.join(', ')}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`report: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`report: ${(err as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runReportCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
