import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTs as runFromFixture } from '../fixtures/node-ts';

/**
 * The commands' TypeScript loader (cli/load-typescript.cjs), as the npm scripts use it: a child
 * node with `--require`, its cache in a folder of the test's own (CONFORMANCE_CACHE_DIR).
 */
let work: string;
let cacheRoot: string;
const cacheFolder = (): string => path.join(cacheRoot, 'typescript');
const entries = (): string[] => readdirSync(cacheFolder()).map((n) => path.join(cacheFolder(), n));

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'load-typescript-'));
  cacheRoot = path.join(work, 'cache');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A child node with the loader, its cache in the test's own folder. */
const runTs = (args: string[], cwd?: string) =>
  runFromFixture(args, { cwd, env: { ...process.env, CONFORMANCE_CACHE_DIR: cacheRoot } });

const write = (name: string, text: string): string => {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
};

/** An entry point importing a TypeScript module without its extension, as the project's own do. */
function writeProgram(): string {
  write(
    'shout.ts',
    'export enum Tone { Loud = 1 }\nexport const shout = (text: string): string => `${text.toUpperCase()}!`;\n',
  );
  return write(
    'main.ts',
    "import { shout, Tone } from './shout';\nconst n: number = Tone.Loud;\nconsole.log(shout('typed'), n);\n",
  );
}
const PROGRAM_OUTPUT = { code: 0, stdout: 'TYPED! 1\n', stderr: '' };

/** What a kept entry looks like: the code, then the SHA-256 of it. */
const keptEntry = (code: string): string =>
  `${code}\nsha256=${createHash('sha256').update(code).digest('hex')}`;

/** Every kept entry replaced by whole entries of other code: what runs next shows whether it was read. */
function replaceEntries(code = 'console.log("from the cache");'): void {
  for (const file of entries()) writeFileSync(file, keptEntry(code), { mode: 0o600 });
}

it('runs TypeScript (types, enums, extensionless imports) and keeps one entry per file', async () => {
  const main = writeProgram();
  expect(await runTs([main])).toEqual(PROGRAM_OUTPUT);
  expect(entries().filter((n) => n.endsWith('.js'))).toHaveLength(2);
}, 30_000);

it('reads a kept entry instead of transpiling again, and transpiles a changed file afresh', async () => {
  const main = writeProgram();
  await runTs([main]);
  replaceEntries();
  expect((await runTs([main])).stdout).toBe('from the cache\n');
  writeFileSync(main, "console.log('edited');\n");
  expect((await runTs([main])).stdout).toBe('edited\n');
}, 30_000);

it('a damaged entry (emptied, cut short) is transpiled again, never run', async () => {
  const main = writeProgram();
  await runTs([main]);
  const [first, second] = entries();
  writeFileSync(first, '');
  writeFileSync(second, readFileSync(second).subarray(0, 100));
  expect(await runTs([main])).toEqual(PROGRAM_OUTPUT);
}, 30_000);

describe('never runs code that someone else could have written', () => {
  it.each([
    ['the cache folder is writable by others', () => chmodSync(cacheFolder(), 0o777)],
    ['the cache root is writable by group', () => chmodSync(cacheRoot, 0o770)],
    ['the entries are writable by others', () => entries().forEach((f) => chmodSync(f, 0o666))],
  ])(
    '%s',
    async (_case, loosen) => {
      const main = writeProgram();
      await runTs([main]);
      replaceEntries();
      loosen();
      expect(await runTs([main])).toEqual(PROGRAM_OUTPUT);
    },
    30_000,
  );

  it('an entry that is a link to another file', async () => {
    const main = writeProgram();
    await runTs([main]);
    const elsewhere = write('elsewhere.js', keptEntry('console.log("linked");'));
    for (const file of entries()) {
      rmSync(file);
      symlinkSync(elsewhere, file);
    }
    expect(await runTs([main])).toEqual(PROGRAM_OUTPUT);
  }, 30_000);

  (process.getuid?.() === 0 ? it : it.skip)(
    'entries owned by another user',
    async () => {
      const main = writeProgram();
      await runTs([main]);
      replaceEntries();
      for (const file of entries()) chownSync(file, 65534, 65534);
      expect(await runTs([main])).toEqual(PROGRAM_OUTPUT);
    },
    30_000,
  );
});

it('no .swcrc changes what runs: the options are the ones jest uses', async () => {
  // A .swcrc that would replace a global: read, it would print "replaced".
  write(
    '.swcrc',
    JSON.stringify({
      jsc: { transform: { optimizer: { globals: { vars: { WHO: '"replaced"' } } } } },
    }),
  );
  const main = write(
    'who.ts',
    'declare const WHO: string | undefined;\nconsole.log(typeof WHO);\n',
  );
  // Run from the folder that has it, where swc would look for it.
  expect((await runTs([main], work)).stdout).toBe('undefined\n');
}, 30_000);

it('a stack trace points at the TypeScript line, fresh and from the cache', async () => {
  const file = write(
    'throws.ts',
    'type T = { a: number };\n\nconst t: T = { a: 1 };\nthrow new Error(`boom ${t.a}`);\n',
  );
  for (let run = 0; run < 2; run++) {
    const done = await runTs([file]);
    expect(done.code).toBe(1);
    expect(done.stderr).toContain(`${file}:4:7`);
  }
}, 30_000);

it('a syntax error is one line naming the file, line, and column where it counts characters', async () => {
  const bad = write('bad.ts', 'const a = 1;\nexport const checks = [ {;\n');
  const tabbed = write('tabbed.ts', 'const a = 1;\n\tconst b = [ {;\n');
  const show = (file: string) =>
    `try { require(${JSON.stringify(file)}); } catch (err) { console.log((err as Error).name + ': ' + (err as Error).message); }`;
  const main = write('main.ts', `${show(bad)}\n${show(tabbed)}\n`);
  const message =
    'Unexpected token `;`. Expected identifier, string literal, numeric literal or [ for the computed key';
  expect((await runTs([main])).stdout).toBe(
    `SyntaxError: ${bad}:2:26: ${message}\nSyntaxError: ${tabbed}:2: ${message}\n`,
  );
}, 30_000);

it('loads the forms of --checks-file a user writes', async () => {
  const check = (name: string) =>
    `{ kind: 'response', name: '${name}', asserts: 'nothing', judge: () => undefined }`;
  write('helper.ts', `export const helped = ${check('from_a_helper')};\n`);
  const files = [
    write('default.ts', `export default [${check('default_export')}];\n`),
    write('named.mts', `export const checks = [${check('named_export')}];\n`),
    write('assigned.cts', `export = [${check('export_assigned')}];\n`),
    write('common.js', `module.exports = [${check('module_exports')}];\n`),
    write('esm-style.ts', "import { helped } from './helper.js';\nexport default [helped];\n"),
  ];
  const script = `const { loadChecksFiles } = require('./cli/load-checks');
for (const file of ${JSON.stringify(files)}) {
  try { console.log(loadChecksFiles([file]).map((c) => c.name).join()); }
  catch (err) { console.log('refused: ' + err.message); }
}`;
  expect((await runTs(['-e', script])).stdout.trim().split('\n')).toEqual([
    'default_export',
    'named_export',
    'export_assigned',
    'module_exports',
    'from_a_helper',
  ]);
}, 30_000);
