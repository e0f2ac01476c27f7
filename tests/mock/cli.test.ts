import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_MOCK_API_KEY, DEFAULT_RATE_LIMIT } from '../../mock';
import { parseCli } from '../../mock/cli-options';
import { UsageError } from '../../model';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'cli', 'mock.ts');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [...TS_LOADER, CLI, ...args], { cwd: ROOT });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('cli/mock.ts', () => {
  it('serves on an ephemeral port, prints its URL and key, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      NODE,
      [...TS_LOADER, CLI, '--port', '0', '--rate-limit', '3', '--fault', 'create-returns-200'],
      { cwd: ROOT },
    );
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code} before listening`)));
    });
    expect(stdout).toContain(DEFAULT_MOCK_API_KEY);
    expect(stdout).toContain('create-returns-200');
    const res = await fetch(`${url}/sales/api4partners/v0/portfolio-items/search?top=1`, {
      headers: { 'X-API-Key': DEFAULT_MOCK_API_KEY },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBe('3');
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 20_000);

  it('never prints a key given on the command line', async () => {
    const child = spawn(
      NODE,
      [...TS_LOADER, CLI, '--port', '0', '--api-key', 'secret-partner-key'],
      {
        cwd: ROOT,
      },
    );
    let stdout = '';
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('\n')) resolve();
      }),
    );
    const exit = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    await exit;
    expect(stdout).not.toContain('secret-partner-key');
    expect(stdout).toMatch(/API key/);
  }, 20_000);

  // Spawned side by side (each run is mostly node starting up); finer flag cases are below.
  const BAD: Array<[string[], RegExp]> = [
    [['--port', 'abc'], /--port: expected an integer/],
    [['--bogus'], /Unknown option '--bogus'/],
    [
      ['--fault', 'no-such-fault'],
      /--fault: unknown fault "no-such-fault" \(known: create-returns-200, /,
    ],
    [['--spec', '/nonexistent/openapi.yaml'], /\/nonexistent\/openapi\.yaml: file not found/],
  ];

  it('bad flags or a bad spec: one clear line on stderr naming the culprit, exit code 2', async () => {
    const runs = await Promise.all(BAD.map(([args]) => runCli(args)));
    runs.forEach((run, i) => {
      const [args, message] = BAD[i];
      expect({ args, code: run.code, lines: run.stderr.trim().split('\n').length }).toEqual({
        args,
        code: 2,
        lines: 1,
      });
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
      expect(run.stdout).toBe('');
    });
  }, 30_000);
});

describe('parseCli', () => {
  it('defaults to 127.0.0.1:4010, the default rate limit, no faults', () => {
    expect(parseCli([])).toMatchObject({
      port: 4010,
      host: '127.0.0.1',
      apiKeys: undefined,
      rateLimit: DEFAULT_RATE_LIMIT,
      maintenance: false,
      faults: [],
    });
  });

  it('takes repeated keys and faults', () => {
    const options = parseCli([
      '--api-key',
      'a',
      '--api-key',
      'b',
      '--fault',
      'no-rate-limit',
      '--fault',
      'auth-ignored',
      '--rate-limit',
      '7',
      '--rate-window',
      '2',
      '--maintenance',
      '--port',
      '0',
    ]);
    expect(options).toMatchObject({
      apiKeys: ['a', 'b'],
      faults: ['no-rate-limit', 'auth-ignored'],
      rateLimit: { limit: 7, windowSeconds: 2 },
      maintenance: true,
      port: 0,
    });
  });

  it.each([
    [['--port', '70000'], /^--port: expected an integer from 0 to 65535, got "70000"$/],
    [['--port=-1'], /^--port: expected an integer/],
    [['--rate-limit', '1.5'], /^--rate-limit/],
    [['--rate-window', '0'], /^--rate-window: expected an integer from 1/],
    [['--api-key', ''], /^--api-key: the key must not be empty$/],
    [['--seed', 'x'], /^--seed/],
    [['extra'], /Unexpected argument 'extra'/],
    [
      ['--fault', 'nope', '--fault', 'auth-ignored'],
      /^--fault: unknown fault "nope" \(known: .*auth-ignored/,
    ],
  ])('%j is a UsageError (exit code 2) naming the flag', (args, message) => {
    let error: unknown;
    try {
      parseCli(args as string[]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toMatch(message);
    expect((error as UsageError).message).not.toContain('\n');
  });
});
