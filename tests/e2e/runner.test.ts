import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { RunSummary } from '../../engine/types';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SECRET = 'e2e-partner-secret-7f3a91';

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Done> {
  return new Promise((resolve) => {
    const child = spawn(TSX, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** A standalone mock with one fault, the partner's key given on its command line. */
async function startFaultyMock(): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(
    TSX,
    [
      'cli/mock.ts',
      '--port',
      '0',
      '--api-key',
      SECRET,
      '--rate-limit',
      '100000',
      '--fault',
      'create-returns-200',
    ],
    { cwd: ROOT },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`mock exited ${code}`)));
  });
  return { url, child };
}

describe('npm run conformance against a faulty server, end to end', () => {
  let mock: { url: string; child: ChildProcessWithoutNullStreams };
  let dir: string;
  let result: Done;
  let summary: RunSummary;

  beforeAll(async () => {
    mock = await startFaultyMock();
    dir = mkdtempSync(path.join(tmpdir(), 'conformance-e2e-'));
    result = await run(
      [
        'cli/conformance.ts',
        '--target',
        mock.url,
        '--operations',
        'createLeadsOpportunities_v1,searchPortfolioItems',
        '--runs',
        '2',
        '--seed',
        '11',
        '--report-dir',
        dir,
      ],
      { API4PARTNERS_API_KEY: SECRET },
    );
    summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as RunSummary;
  }, 120_000);

  afterAll(() => {
    mock?.child.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fails the gate (exit 1) on the check that sees the bug, and prints the matrix', () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /FAIL createLeadsOpportunities_v1 > status_code_conformance \[F[0-9a-f]{8}\]/,
    );
    expect(result.stdout).toMatch(/^checks: \d+ passed, [1-9]\d* failed, \d+ skipped$/m);
  });

  it('writes summary.json in the documented shape, totals matching the checks', () => {
    expect(summary).toMatchObject({
      target: { kind: 'remote', baseUrl: mock.url },
      seed: 11,
      runs: 2,
    });
    expect(summary.spec.sha256).toMatch(/^[0-9a-f]{64}$/);
    const count = (s: string) => summary.checks.filter((c) => c.status === s).length;
    expect(summary.totals).toEqual({
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
    });
    const failure = summary.checks.find((c) => c.status === 'failed');
    expect(failure?.curl).toContain('$API4PARTNERS_API_KEY');
  });

  it('writes junit.xml with one testcase per check and the same counts', () => {
    const xml = new XMLParser({ ignoreAttributes: false }).parse(
      readFileSync(path.join(dir, 'junit.xml'), 'utf8'),
    );
    const suites = [xml.testsuites.testsuite].flat();
    const cases = suites.flatMap((s: { testcase: unknown }) => [s.testcase].flat()) as Array<
      Record<string, unknown>
    >;
    expect(cases).toHaveLength(summary.checks.length);
    expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(summary.totals.failed);
    expect(cases.filter((c) => c.skipped !== undefined)).toHaveLength(summary.totals.skipped);
  });

  it('never writes the API key, anywhere under the report directory', () => {
    const files = filesUnder(dir);
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining([
        'summary.json',
        'junit.xml',
        'traffic.har',
        'certification.md',
        'certification.html',
        'deprecation-diff.md',
      ]),
    );
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it('replays a saved failure: still failing on the faulty server, passing on the mock', async () => {
    const failure = summary.checks.find(
      (c) => c.status === 'failed' && c.check === 'status_code_conformance',
    );
    const id = failure?.failureId as string;
    const from = path.join(dir, 'summary.json');
    const again = await run(
      ['cli/conformance.ts', 'replay', id, '--from', from, '--target', mock.url],
      { API4PARTNERS_API_KEY: SECRET },
    );
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`${id} still fails`);
    const fixed = await run([
      'cli/conformance.ts',
      'replay',
      id,
      '--from',
      from,
      '--target',
      'mock',
    ]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain(`${id} passes on mock`);
  }, 60_000);

  it('compares with a baseline: the same run has no new failure, so --fail-on new passes', async () => {
    const from = path.join(dir, 'summary.json');
    expect((await run(['cli/compare.ts', from, from, '--fail-on', 'new'])).code).toBe(0);
    expect((await run(['cli/compare.ts', from, from, '--fail-on', 'any'])).code).toBe(1);
  }, 60_000);
});

describe('npm run conformance: usage errors', () => {
  it.each([
    [['--runs', '-3'], /--runs: -3 is out of range/],
    [['--target', 'staging'], /unknown target 'staging'/],
    [['--target', 'prd'], /production is refused/],
    [['--operations', 'nope'], /--operations: unknown operation 'nope'/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])(
    '%j: one line, exit 2',
    async (args, message) => {
      const done = await run(['cli/conformance.ts', ...args], { API4PARTNERS_API_KEY: 'k' });
      expect(done.code).toBe(2);
      expect(done.stderr.trim().split('\n')).toHaveLength(1);
      expect(done.stderr).toMatch(message);
    },
    30_000,
  );

  it('a remote target without API4PARTNERS_API_KEY is a usage error', async () => {
    const done = await run(['cli/conformance.ts', '--target', 'qal'], { API4PARTNERS_API_KEY: '' });
    expect(done.code).toBe(2);
    expect(done.stderr).toMatch(/API4PARTNERS_API_KEY is not set/);
  }, 30_000);
});
