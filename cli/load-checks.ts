import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CheckDefinition } from '../checks/types';
import { UsageError } from '../model';

/** What a checks file must export, checked so a mistake is one line naming the file. */
function checkShape(file: string, value: unknown, at: string): CheckDefinition {
  const c = value as Partial<CheckDefinition> | null;
  const bad = (what: string): never => {
    throw new UsageError(`${file}: ${at}: ${what}`);
  };
  if (typeof c !== 'object' || c === null) bad('expected a check object');
  if (typeof c?.name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(c.name))
    bad('name must be snake_case text');
  if (typeof c?.asserts !== 'string')
    bad('asserts must say, in one sentence, what the check asserts');
  if (c?.kind === 'response') {
    if (typeof c.judge !== 'function') bad('a response check needs judge(exchange, ctx)');
  } else if (c?.kind === 'scenario') {
    if (typeof c.run !== 'function' || typeof c.appliesTo !== 'function')
      bad('a scenario check needs appliesTo(op) and run(ctx)');
  } else bad(`kind must be 'response' or 'scenario', got ${JSON.stringify(c?.kind)}`);
  return c as CheckDefinition;
}

/**
 * A user's own checks, from modules that export them (`export default [check]` or
 * `export const checks = [...]`): registered exactly like the built-in ones. TypeScript files
 * load through the commands' own TypeScript loader, so no build step is needed.
 */
export function loadChecksFiles(files: string[] | undefined): CheckDefinition[] {
  if (!files?.length) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./load-typescript.cjs');
  return files.flatMap((file) => {
    const full = path.resolve(file);
    if (!existsSync(full)) throw new UsageError(`--checks-file ${file}: file not found`);
    let mod: Record<string, unknown>;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require(full) as Record<string, unknown>;
    } catch (err) {
      throw new UsageError(
        `--checks-file ${file}: cannot load (${String((err as Error).message).split('\n')[0]})`,
      );
    }
    // A module's `checks` or default export; a CommonJS `module.exports = [...]` is the list.
    const exported = mod.checks ?? mod.default ?? mod;
    const list = Array.isArray(exported) ? exported : [exported];
    return list.map((c, i) => checkShape(file, c, `export ${i}`));
  });
}
