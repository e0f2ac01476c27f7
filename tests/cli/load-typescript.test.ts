import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

/**
 * The commands' TypeScript loader (cli/load-typescript.cjs), as the npm scripts use it: a child
 * node with `--require`, its cache in a folder of the test's own (CONFORMANCE_CACHE_DIR).
 */
let work: string;
let cacheRoot: string;
const cacheFolder = (): string => path.join(cacheRoot, 'typescript');

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'load-typescript-'));
  cacheRoot = path.join(work, 'cache');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function runTs(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [...TS_LOADER, file], {
      env: { ...process.env, CONFORMANCE_CACHE_DIR: cacheRoot },
    });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** An entry point importing a TypeScript module without its extension, as the project's own do. */
function writeProgram(): string {
  writeFileSync(
    path.join(work, 'shout.ts'),
    'export enum Tone { Loud = 1 }\nexport const shout = (text: string): string => `${text.toUpperCase()}!`;\n',
  );
  const main = path.join(work, 'main.ts');
  writeFileSync(
    main,
    "import { shout, Tone } from './shout';\nconst n: number = Tone.Loud;\nconsole.log(shout('typed'), n);\n",
  );
  return main;
}

/** Every kept entry's code replaced: what runs next shows whether the cache was read. */
function tamperWithEntries(): void {
  for (const name of readdirSync(cacheFolder()))
    writeFileSync(path.join(cacheFolder(), name), 'console.log("from the cache");');
}

it('runs TypeScript (types, enums, extensionless imports) and keeps one entry per file', async () => {
  const main = writeProgram();
  expect(await runTs(main)).toEqual({ code: 0, stdout: 'TYPED! 1\n', stderr: '' });
  expect(readdirSync(cacheFolder()).filter((n) => n.endsWith('.js'))).toHaveLength(2);
}, 30_000);

it('reads a kept entry instead of transpiling again, and transpiles a changed file afresh', async () => {
  const main = writeProgram();
  await runTs(main);
  tamperWithEntries();
  expect((await runTs(main)).stdout).toBe('from the cache\n');
  writeFileSync(main, "console.log('edited');\n");
  expect((await runTs(main)).stdout).toBe('edited\n');
}, 30_000);

it('never runs code from a cache folder others may write to', async () => {
  const main = writeProgram();
  await runTs(main);
  tamperWithEntries();
  chmodSync(cacheFolder(), 0o777);
  expect(await runTs(main)).toEqual({ code: 0, stdout: 'TYPED! 1\n', stderr: '' });
}, 30_000);

it('a stack trace points at the TypeScript line', async () => {
  const file = path.join(work, 'throws.ts');
  writeFileSync(
    file,
    'type T = { a: number };\n\nconst t: T = { a: 1 };\nthrow new Error(`boom ${t.a}`);\n',
  );
  const done = await runTs(file);
  expect(done.code).toBe(1);
  expect(done.stderr).toContain(`${file}:4:7`);
}, 30_000);

it('a syntax error is one line naming the file, line and column', async () => {
  const bad = path.join(work, 'bad.ts');
  writeFileSync(bad, 'const a = 1;\nexport const checks = [ {;\n');
  const main = path.join(work, 'main.ts');
  writeFileSync(
    main,
    `try { require(${JSON.stringify(bad)}); } catch (err) { console.log((err as Error).message); }\n`,
  );
  const done = await runTs(main);
  expect(done.stdout).toBe(
    `${bad}:2:26: Unexpected token \`;\`. Expected identifier, string literal, numeric literal or [ for the computed key\n`,
  );
}, 30_000);
