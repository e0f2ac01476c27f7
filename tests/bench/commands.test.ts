import { spawn } from 'node:child_process';
import path from 'node:path';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

const ROOT = path.join(__dirname, '..', '..');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [...TS_LOADER, ...args], { cwd: ROOT });
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

describe('the benchmark commands', () => {
  it.concurrent.each(['bench/conformance.ts', 'bench/mock.ts', 'bench/generators.ts'])(
    '%s: an unknown flag is one line naming it, exit 2',
    async (script) => {
      const done = await run([script, '--bogus']);
      expect(done.code).toBe(2);
      expect(done.stderr.trim().split('\n')).toHaveLength(1);
      expect(done.stderr).toContain('--bogus');
    },
    30_000,
  );

  // jest maps json-schema-faker's ES module for the tests; a command must load it on its own.
  it('bench:generators loads json-schema-faker as the command runs, outside jest', async () => {
    const script =
      "console.log(typeof require('./bench/json-schema-faker').loadJsonSchemaFaker().createGeneratorSync)";
    expect(await run(['-e', script])).toEqual({ code: 0, stdout: 'function\n', stderr: '' });
  }, 30_000);
});
