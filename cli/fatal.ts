import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT } from '../reporting/gate';
import { UsageError } from '../model';

/**
 * The last word of a command that met an error: a usage error is one line and exit 2; anything
 * else is the suite's own defect, one line naming the file the full trace went to, and exit 3.
 * Never a stack trace on the terminal.
 */
export function fatal(err: unknown, command: string, reportDir = 'reports'): number {
  if (err instanceof UsageError) {
    process.stderr.write(`${command}: ${err.message}\n`);
    return err.exitCode;
  }
  const error = err as Error;
  let where = '';
  try {
    mkdirSync(reportDir, { recursive: true });
    const file = path.join(reportDir, 'errors.log');
    writeFileSync(file, `${new Date().toISOString()} ${command}\n${error?.stack ?? String(err)}\n`);
    where = ` (trace: ${path.relative(process.cwd(), file) || file})`;
  } catch {
    where = '';
  }
  process.stderr.write(
    `${command}: internal error: ${String(error?.message ?? err).split('\n')[0]}${where}\n`,
  );
  return EXIT.internal;
}
