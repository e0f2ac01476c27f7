/**
 * Lint the spec against itself: examples vs schemas, headers across operations, deprecations vs
 * successors, and the other rules in analysis/lint/checks.
 *
 *   npm run lint:spec -- [--spec PATH] [--json]
 *
 * Output: one line per finding, `SEVERITY POINTER MESSAGE [rule]`, sorted by pointer, then a
 * summary line; with --json, `{ spec: {path, title, version, sha256}, findings: [...] }`.
 *
 * Exit code: 0 when there is no finding of severity `error` (warnings and info do not fail),
 * 1 when there is at least one error, 2 for a usage error (unknown flag, unreadable or invalid
 * spec), reported as one line on stderr. An unexpected failure (a bug here) prints one line
 * and exits 3, so it is never mistaken for "the spec has errors".
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SPEC_PATH, loadSpec, UsageError } from '../model';
import { exitCodeOf, lintSpec, renderJson, renderText } from '../analysis/lint';

const EXIT_INTERNAL = 3;
const USAGE = 'usage: lint-spec [--spec PATH] [--json]';

interface Options {
  spec: string;
  json: boolean;
}

function parseOptions(argv: string[]): Options {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { spec: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.spec === '') throw new UsageError(`--spec needs a path (${USAGE})`);
    return { spec: values.spec ?? DEFAULT_SPEC_PATH, json: values.json === true };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    // node:util's messages are one sentence plus advice; the sentence names the flag.
    const first = String((err as Error).message)
      .split('\n')[0]
      .split('. ')[0];
    throw new UsageError(`${first} (${USAGE})`);
  }
}

/** Runs the lint; returns the exit code. Usage errors are thrown as UsageError. */
export async function runLint(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const spec = await loadSpec(options.spec);
  const findings = lintSpec(spec);
  process.stdout.write(options.json ? renderJson(spec, findings) : renderText(spec, findings));
  return exitCodeOf(findings);
}

/** Runs the lint and returns its exit code; every failure is reported as one line on stderr. */
export async function runLintCommand(argv: string[]): Promise<number> {
  try {
    return await runLint(argv);
  } catch (err) {
    const usage = err instanceof UsageError;
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(
      `lint-spec: ${usage ? '' : 'internal error: '}${message.split('\n')[0]}\n`,
    );
    return usage ? (err as UsageError).exitCode : EXIT_INTERNAL;
  }
}

if (require.main === module) {
  void runLintCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
