import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { RunSummary } from '../../engine/summary';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

const ROOT = path.join(__dirname, '..', '..');
const SECRET = 'e2e-partner-secret-7f3a91';

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Done> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [...TS_LOADER, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
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

interface StandaloneMock {
  url: string;
  child: ChildProcessWithoutNullStreams;
}

/** A standalone mock with one fault, the partner's key given on its command line. */
async function startFaultyMock(fault: string): Promise<StandaloneMock> {
  const child = spawn(
    NODE,
    [
      ...TS_LOADER,
      'cli/mock.ts',
      '--port',
      '0',
      '--api-key',
      SECRET,
      '--rate-limit',
      '100000',
      '--fault',
      fault,
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

const summaryOf = (dir: string): RunSummary =>
  JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as RunSummary;

/** jest's own closing line of the presentation: the counts a CI log shows. */
function jestTests(stdout: string): Record<string, number> {
  const line = /^Tests:\s+(.*)$/m.exec(stdout)?.[1] ?? '';
  return Object.fromEntries(
    [...line.matchAll(/(\d+) (passed|failed|skipped|total)/g)].map((m) => [m[2], Number(m[1])]),
  );
}

/** `replay ID` of a saved failure: still failing on the faulty server, passing on the built-in mock. */
async function expectReplayed(id: string, from: string, faultyUrl: string): Promise<void> {
  const replay = (target: string, env: Record<string, string> = {}) =>
    run(['cli/conformance.ts', 'replay', id, '--from', from, '--target', target], env);
  const again = await replay(faultyUrl, { API4PARTNERS_API_KEY: SECRET });
  expect(again.code).toBe(1);
  expect(again.stdout).toContain(`${id} still fails on ${faultyUrl}`);
  const fixed = await replay('mock');
  expect(fixed.code).toBe(0);
  expect(fixed.stdout).toContain(`${id} does not fail on the built-in mock`);
}

const OPERATIONS = 'createLeadsOpportunities_v1,searchPortfolioItems';

describe('npm run conformance against a faulty server, end to end', () => {
  let mock: StandaloneMock;
  let dir: string;
  let cleanDir: string;
  let result: Done;
  let summary: RunSummary;

  beforeAll(async () => {
    mock = await startFaultyMock('create-returns-200');
    dir = mkdtempSync(path.join(tmpdir(), 'conformance-e2e-'));
    cleanDir = mkdtempSync(path.join(tmpdir(), 'conformance-e2e-clean-'));
    const common = ['--operations', OPERATIONS, '--runs', '2', '--seed', '11'];
    result = await run(
      ['cli/conformance.ts', '--target', mock.url, ...common, '--report-dir', dir],
      { API4PARTNERS_API_KEY: SECRET },
    );
    summary = summaryOf(dir);
    await run(['cli/conformance.ts', ...common, '--report-dir', cleanDir]);
  }, 180_000);

  afterAll(() => {
    mock?.child.kill('SIGTERM');
    for (const d of [dir, cleanDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('fails the gate (exit 1) on the one check that sees the bug, and prints the matrix', () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL \[F[0-9a-f]{8}\] cre1 status_code_conformance: /m);
    expect(result.stdout).toMatch(/^NOT CONFORMANT · checks: \d+ passed, 1 failed, \d+ skipped$/m);
    expect(summary.checks.filter((c) => c.status === 'failed').map((c) => c.check)).toEqual([
      'status_code_conformance',
    ]);
    for (const line of result.stdout.split('\n').filter((l) => /^check\s|_conformance\s/.test(l)))
      expect(line.length).toBeLessThanOrEqual(100);
  });

  it('writes summary.json whose totals are the checks, and jest shows the same counts', () => {
    expect(summary).toMatchObject({
      target: { kind: 'remote', baseUrl: mock.url },
      seed: 11,
      runs: 2,
      verdict: 'NOT CONFORMANT',
    });
    expect(summary.spec.sha256).toMatch(/^[0-9a-f]{64}$/);
    const count = (s: string) => summary.checks.filter((c) => c.status === s).length;
    expect(summary.totals).toEqual({
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      errors: count('error'),
    });
    expect(jestTests(result.stdout + result.stderr)).toEqual({
      passed: summary.totals.passed,
      failed: summary.totals.failed,
      skipped: summary.totals.skipped,
      total: summary.checks.length,
    });
    expect(summary.failures[0].curl).toContain('$API4PARTNERS_API_KEY');
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

  it('never writes the API key, anywhere under the report directory or in its output', () => {
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
    const id = summary.failures.find((f) => f.check === 'status_code_conformance')?.id as string;
    const from = path.join(dir, 'summary.json');
    await expectReplayed(id, from, mock.url);
  }, 60_000);

  it('against a clean baseline the failure is new: --fail-on new fails, and the same run twice has nothing new', async () => {
    const clean = path.join(cleanDir, 'summary.json');
    const faulty = path.join(dir, 'summary.json');
    expect(summaryOf(cleanDir).verdict).toBe('CONFORMANT');
    const regression = await run(['cli/compare.ts', clean, faulty, '--fail-on', 'new', '--json']);
    expect(regression.code).toBe(1);
    const comparison = JSON.parse(regression.stdout) as { newFailures: Array<{ id: string }> };
    expect(comparison.newFailures.map((f) => f.id)).toEqual(summary.failures.map((f) => f.id));
    expect((await run(['cli/compare.ts', faulty, faulty, '--fail-on', 'new'])).code).toBe(0);
    expect((await run(['cli/compare.ts', faulty, faulty, '--fail-on', 'any'])).code).toBe(1);
  }, 60_000);
});

describe('a stateful failure replays as its whole sequence', () => {
  let mock: StandaloneMock;
  let dir: string;
  afterAll(() => {
    mock?.child.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a lost update: found, then replayed with fresh ids against the faulty server and the mock', async () => {
    mock = await startFaultyMock('patch-lost-update');
    dir = mkdtempSync(path.join(tmpdir(), 'conformance-e2e-stateful-'));
    const env = { API4PARTNERS_API_KEY: SECRET };
    const found = await run(
      [
        'cli/conformance.ts',
        '--target',
        mock.url,
        '--operations',
        'updateLeadOpportunitiesDetails_v1',
      ].concat(['--runs', '2', '--seed', '3', '--report-dir', dir]),
      env,
    );
    expect(found.code).toBe(1);
    const failure = summaryOf(dir).failures.find((f) => f.check === 'stateful_round_trip');
    expect(failure?.sequence?.steps.length).toBeGreaterThanOrEqual(3);
    const from = path.join(dir, 'summary.json');
    await expectReplayed(failure?.id as string, from, mock.url);
  }, 120_000);
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
