import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCompareCommand } from '../../cli/compare';
import { runReportCommand } from '../../cli/report';
import type { CheckRecord, CheckStatus, FailureRecord } from '../../engine/summary';
import { checkRecord, failureRecord, runOf } from './fixtures';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

const ROOT = path.join(__dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [...TS_LOADER, path.join(ROOT, 'cli', script), ...args], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A command run in this process, its output captured: the same code the CLI runs, without the start-up. */
async function inProcess(
  command: (argv: string[]) => Promise<number>,
  args: string[],
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await command(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const check = (name: string, status: CheckStatus, failures?: string[]): CheckRecord =>
  checkRecord('op', name, status, failures ? { failures } : {});
const failure = (id: string, name: string): FailureRecord => failureRecord(id, 'op', name);

let dir: string;
const file = (name: string, content: unknown): string => {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content));
  return target;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'compare-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compare CLI', () => {
  let runs: Record<string, Run>;

  beforeAll(async () => {
    const knownFailure = [check('a', 'passed'), check('b', 'failed', ['Fb'])];
    const old = file('old.json', runOf(knownFailure, [failure('Fb', 'b')]));
    const same = file('same.json', runOf(knownFailure, [failure('Fb', 'b')]));
    const worse = file(
      'new.json',
      runOf(
        [check('a', 'failed', ['Fa']), check('b', 'failed', ['Fb']), check('c', 'passed')],
        [failure('Fa', 'a'), failure('Fb', 'b')],
      ),
    );
    const secondSignature = file(
      'second.json',
      runOf(
        [check('a', 'passed'), check('b', 'failed', ['Fb', 'Fb2'])],
        [failure('Fb', 'b'), failure('Fb2', 'b')],
      ),
    );
    const skipped = file('skip.json', runOf([check('a', 'skipped')]));
    const lostCoverage = file(
      'lost.json',
      runOf([check('a', 'skipped'), check('b', 'passed'), check('c', 'passed')]),
    );
    const suiteError = file('error.json', runOf([check('a', 'passed'), check('b', 'error')]));
    const badJson = file('bad.json', '{"checks": [');
    const badShape = file('shape.json', {
      checks: [check('a', 'passed'), { ...check('b', 'passed'), status: 'ok' }],
      failures: [],
    });
    const { failures: _dropped, ...older } = runOf(knownFailure);
    const oldFormat = file('old-format.json', older);
    mkdirSync(path.join(dir, 'a-directory'));
    const cases: Record<string, string[]> = {
      unchanged: [old, same],
      unchangedAny: [old, same, '--fail-on', 'any'],
      unchangedAnyEquals: [old, same, '--fail-on=any'],
      regressed: [old, worse],
      regressedJson: [old, worse, '--json'],
      secondSignature: [old, secondSignature],
      allSkipped: [old, skipped],
      lostCoverageNew: [old, lostCoverage],
      lostCoverageAny: [old, lostCoverage, '--fail-on', 'any'],
      suiteError: [old, suiteError],
      help: ['--help'],
      missing: [old, path.join(dir, 'nope.json')],
      directory: [path.join(dir, 'a-directory'), old],
      badJson: [badJson, old],
      badShape: [old, badShape],
      oldFormat: [oldFormat, old],
      badFlag: [old, same, '--fail-on', 'sometimes'],
      unknownFlag: [old, same, '--strict'],
      oneFile: [old],
    };
    runs = {};
    for (const [name, args] of Object.entries(cases))
      runs[name] = await inProcess(runCompareCommand, args);
    // The real command, spawned, for a case of each exit code: the same as in process.
    const spawned = ['unchanged', 'regressedJson', 'suiteError', 'badShape'];
    const results = await Promise.all(spawned.map((name) => cli('compare.ts', cases[name])));
    spawned.forEach((name, i) => (runs[`${name}Spawned`] = results[i]));
  }, 120_000);

  test('spawned, the command exits and prints as it does in process', () => {
    for (const name of ['unchanged', 'regressedJson', 'suiteError', 'badShape'])
      expect({ name, ...runs[`${name}Spawned`] }).toEqual({ name, ...runs[name] });
    expect(runs.suiteErrorSpawned.code).toBe(3);
  });

  test('0 when nothing new fails, and the gate line says so', () => {
    expect(runs.unchanged).toMatchObject({ code: 0, stderr: '' });
    expect(runs.unchanged.stdout).toContain('still failing: 1');
    expect(runs.unchanged.stdout).toContain('Still failing (1):\n  op > b [Fb] ');
    expect(runs.unchanged.stdout.trimEnd().split('\n').pop()).toBe(
      'gate (--fail-on new): PASS, no new failure',
    );
  });

  test('1 with --fail-on any while a known failure remains', () => {
    for (const result of [runs.unchangedAny, runs.unchangedAnyEquals]) {
      expect(result.code).toBe(1);
      expect(result.stdout.trimEnd().split('\n').pop()).toBe(
        'gate (--fail-on any): FAIL, 1 check(s) failed',
      );
    }
  });

  test('1 on a new failure, naming it by its signature', () => {
    expect(runs.regressed.code).toBe(1);
    expect(runs.regressed.stdout).toContain(
      'New failures (1):\n  op > a [Fa] undocumented-status at /status: expected a documented status (Fa); got 500',
    );
    expect(runs.regressed.stdout.trimEnd().split('\n').pop()).toBe(
      'gate (--fail-on new): FAIL, 1 new failure(s): Fa',
    );
  });

  test('1 on a second signature under a check that already failed', () => {
    expect(runs.secondSignature.code).toBe(1);
    expect(runs.secondSignature.stdout).toContain('New failures (1):\n  op > b [Fb2] ');
    expect(runs.secondSignature.stdout).toContain('FAIL, 1 new failure(s): Fb2');
  });

  test('--json prints the comparison and the gate as JSON', () => {
    expect(runs.regressedJson.code).toBe(1);
    const out = JSON.parse(runs.regressedJson.stdout);
    expect(out).toMatchObject({
      failOn: 'new',
      exitCode: 1,
      reason: '1 new failure(s): Fa',
      stillFailing: [{ id: 'Fb', key: 'op > b' }],
      fixed: [],
    });
    expect(out.newFailures).toEqual([
      {
        id: 'Fa',
        key: 'op > a',
        line: 'undocumented-status at /status: expected a documented status (Fa); got 500',
      },
    ]);
  });

  test('1 when the new run verified nothing', () => {
    expect(runs.allSkipped.code).toBe(1);
    expect(runs.allSkipped.stdout).toContain(
      'FAIL, nothing was verified (every check skipped): not a green gate',
    );
  });

  test('a check gone from passed to skipped fails --fail-on any, not new', () => {
    expect(runs.lostCoverageNew.code).toBe(0);
    expect(runs.lostCoverageNew.stdout).toContain(
      'Verified before, skipped now (1):\n  op > a  [passed -> skipped]  a skipped',
    );
    expect(runs.lostCoverageNew.stdout).toContain('gate (--fail-on new): PASS, no new failure');
    expect(runs.lostCoverageAny.code).toBe(1);
    expect(runs.lostCoverageAny.stdout.trimEnd().split('\n').pop()).toBe(
      'gate (--fail-on any): FAIL, 1 check(s) verified in the baseline are skipped now',
    );
  });

  test("3 when the new run met the suite's own error", () => {
    expect(runs.suiteError.code).toBe(3);
    expect(runs.suiteError.stdout).toContain(
      "FAIL, internal error in 1 check(s): the suite's own defect (errors.log)",
    );
  });

  test('--help prints the usage', () => {
    expect(runs.help).toEqual({
      code: 0,
      stdout: 'usage: compare OLD_SUMMARY.json NEW_SUMMARY.json [--fail-on new|any] [--json]\n',
      stderr: '',
    });
  });

  test.each([
    ['missing', /^compare: .*nope\.json: file not found$/],
    ['directory', /^compare: .*a-directory: is a directory, not a summary\.json$/],
    ['badJson', /^compare: .*bad\.json: not valid JSON \(.+\)$/],
    [
      'badShape',
      /^compare: .*shape\.json: #\/checks\/1\/status: expected one of passed\|failed\|skipped\|error, got "ok"$/,
    ],
    [
      'oldFormat',
      /^compare: .*old-format\.json: #\/failures: expected an array, got undefined \(a summary\.json written by this version of the suite\?\)$/,
    ],
    ['badFlag', /^compare: --fail-on: expected new or any, got "sometimes"$/],
    ['unknownFlag', /^compare: unknown flag --strict \(usage: compare /],
    ['oneFile', /^compare: expected 2 summary files, got 1 \(usage: compare /],
  ])('2 and one line naming the problem: %s', (name, message) => {
    const result = runs[name];
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('report CLI', () => {
  test('2 and one clear line when there are no Allure results', async () => {
    const result = await cli('report.ts', ['--results', path.join(dir, 'no-results')]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `report: ${path.join(dir, 'no-results')}: no Allure results (run the suites with the allure-jest environment first)\n`,
    });
  }, 60_000);

  test('2 when the results directory holds no results', async () => {
    const empty = path.join(dir, 'empty-results');
    mkdirSync(empty);
    expect(await inProcess(runReportCommand, ['--results', empty])).toEqual({
      code: 2,
      stdout: '',
      stderr: `report: ${empty}: contains no *-result.json files\n`,
    });
  });

  test('2 on a bad argument', async () => {
    const usage = '(usage: report [--results DIR]... [--output DIR])';
    expect(await inProcess(runReportCommand, ['--output'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `report: --output: expects a directory ${usage}\n`,
    });
    expect(await inProcess(runReportCommand, ['--open'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `report: unknown argument --open ${usage}\n`,
    });
  });

  test('builds a single-file report offline, without the analytics tag', async () => {
    const results = path.join(dir, 'allure-results');
    mkdirSync(results);
    const now = Date.now();
    writeFileSync(
      path.join(results, '00000000-0000-4000-8000-000000000001-result.json'),
      JSON.stringify({
        uuid: '00000000-0000-4000-8000-000000000001',
        historyId: 'h1',
        name: 'createLeadsOpportunities_v1 > status_code_conformance',
        fullName: 'conformance#createLeadsOpportunities_v1 > status_code_conformance',
        status: 'passed',
        stage: 'finished',
        start: now,
        stop: now + 5,
        labels: [{ name: 'feature', value: 'createLeadsOpportunities_v1 (v1)' }],
        steps: [],
        attachments: [],
        parameters: [],
        links: [],
      }),
    );
    const output = path.join(dir, 'allure-report');
    const result = await cli('report.ts', ['--results', results, '--output', output]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Allure report: ${path.join(output, 'index.html')}\n`);
    const html = readFileSync(path.join(output, 'index.html'), 'utf8');
    // Booleans: a failing match would otherwise print the whole 3 MB page.
    expect(html.includes('googletagmanager')).toBe(false);
    expect(/\s(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html)).toBe(false);
    const stats = JSON.parse(readFileSync(path.join(output, 'summary.json'), 'utf8')).stats;
    expect(stats).toEqual({ total: 1, passed: 1 });
  }, 120_000);
});
