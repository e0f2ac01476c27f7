/**
 * The v0 -> v1 deprecation diff: for each deprecated operation, what changes for a partner who
 * moves to its successor, each change classified breaking or not.
 *
 *   npm run conformance -- diff [--spec PATH] [--out DIR] [--json]
 *
 * Writes DIR/deprecation-diff.md and DIR/deprecation-diff.json (DIR defaults to `reports`) and
 * prints the markdown, or the JSON with --json, to stdout.
 *
 * Exit code: 0 when the diff was produced (breaking changes are the expected content of a
 * deprecation, not a failure), 2 for a usage error (unknown flag, unreadable or invalid spec,
 * unwritable DIR), reported as one line on stderr; 3 for an unexpected failure.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffDeprecated, renderJson, renderMarkdown } from '../analysis/diff';
import { DEFAULT_SPEC_PATH, loadSpec, UsageError } from '../model';

const EXIT_INTERNAL = 3;
const USAGE = 'usage: diff [--spec PATH] [--out DIR] [--json]';
export const DIFF_FILES = {
  markdown: 'deprecation-diff.md',
  json: 'deprecation-diff.json',
} as const;

interface Options {
  spec: string;
  out: string;
  json: boolean;
}

function parseOptions(argv: string[]): Options {
  let values: { spec?: string; out?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { spec: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    // node:util's messages are one sentence plus advice; the sentence names the flag.
    const first = String((err as Error).message)
      .split('\n')[0]
      .split('. ')[0];
    throw new UsageError(`${first} (${USAGE})`);
  }
  for (const flag of ['spec', 'out'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag} needs a value (${USAGE})`);
  }
  return {
    spec: values.spec ?? DEFAULT_SPEC_PATH,
    out: values.out ?? 'reports',
    json: values.json === true,
  };
}

function writeReports(dir: string, markdown: string, json: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, DIFF_FILES.markdown), markdown);
    writeFileSync(path.join(dir, DIFF_FILES.json), json);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(`--out ${dir}: cannot write the reports (${reason})`);
  }
}

/** Runs the command; returns the exit code. Usage errors are thrown as UsageError. */
export async function runDiff(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const spec = await loadSpec(options.spec);
  const diff = diffDeprecated(spec);
  const markdown = renderMarkdown(spec, diff);
  const json = renderJson(spec, diff);
  writeReports(options.out, markdown, json);
  process.stdout.write(options.json ? json : markdown);
  return 0;
}

/**
 * `npm run conformance -- diff ...`: runs the command and returns its exit code; every failure
 * is reported here as one line on stderr, never thrown.
 */
export async function runDiffCommand(argv: string[]): Promise<number> {
  try {
    return await runDiff(argv);
  } catch (err) {
    const usage = err instanceof UsageError;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`diff: ${usage ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
    return usage ? (err as UsageError).exitCode : EXIT_INTERNAL;
  }
}

if (require.main === module) {
  void runDiffCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
