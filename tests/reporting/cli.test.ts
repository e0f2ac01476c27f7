import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CheckRecord, CheckStatus } from '../../engine/types';
import { summary } from './fixtures';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'cli', script), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const check = (name: string, status: CheckStatus): CheckRecord => ({
  operationId: 'op',
  check: name,
  status,
  message: `${name} ${status}`,
  exchanges: 1,
});

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
  // Each spawn pays tsx's start-up; run them side by side.
  let runs: Record<string, Run>;

  beforeAll(async () => {
    const old = file('old.json', summary({ checks: [check('a', 'passed'), check('b', 'failed')] }));
    const same = file(
      'same.json',
      summary({ checks: [check('a', 'passed'), check('b', 'failed')] }),
    );
    const worse = file(
      'new.json',
      summary({ checks: [check('a', 'failed'), check('b', 'failed')] }),
    );
    const skipped = file('skip.json', summary({ checks: [check('a', 'skipped')] }));
    const badJson = file('bad.json', '{"checks": [');
    const badShape = file('shape.json', {
      checks: [check('a', 'passed'), { ...check('b', 'passed'), status: 'ok' }],
    });
    mkdirSync(path.join(dir, 'a-directory'));
    const cases: Record<string, string[]> = {
      unchanged: [old, same],
      unchangedAny: [old, same, '--fail-on', 'any'],
      regressed: [old, worse],
      regressedJson: [old, worse, '--json'],
      allSkipped: [old, skipped],
      missing: [old, path.join(dir, 'nope.json')],
      directory: [path.join(dir, 'a-directory'), old],
      badJson: [badJson, old],
      badShape: [old, badShape],
      badFlag: [old, same, '--fail-on', 'sometimes'],
      oneFile: [old],
    };
    const results = await Promise.all(
      Object.entries(cases).map(
        async ([name, args]) => [name, await cli('compare.ts', args)] as const,
      ),
    );
    runs = Object.fromEntries(results);
  }, 60_000);

  test('0 when nothing new fails, and the gate line says so', () => {
    expect(runs.unchanged.code).toBe(0);
    expect(runs.unchanged.stdout).toContain('gate (--fail-on new): PASS');
    expect(runs.unchanged.stdout).toContain('still failing: 1');
  });

  test('1 with --fail-on any while a known failure remains', () => {
    expect(runs.unchangedAny.code).toBe(1);
    expect(runs.unchangedAny.stdout).toContain('gate (--fail-on any): FAIL, 1 failure(s)');
  });

  test('1 on a new failure, naming it', () => {
    expect(runs.regressed.code).toBe(1);
    expect(runs.regressed.stdout).toContain('op > a  [passed -> failed]');
  });

  test('--json prints the comparison and the exit code as JSON', () => {
    expect(runs.regressedJson.code).toBe(1);
    const out = JSON.parse(runs.regressedJson.stdout);
    expect(out).toMatchObject({ failOn: 'new', exitCode: 1 });
    expect(out.newFailures.map((e: { key: string }) => e.key)).toEqual(['op > a']);
  });

  test('1 when the new run verified nothing', () => {
    expect(runs.allSkipped.code).toBe(1);
    expect(runs.allSkipped.stdout).toContain('FAIL, nothing was verified');
  });

  test.each([
    ['missing', /nope\.json: file not found$/],
    ['directory', /a-directory: is a directory/],
    ['badJson', /bad\.json: not valid JSON/],
    [
      'badShape',
      /shape\.json: #\/checks\/1\/status: expected one of passed\|failed\|skipped, got "ok"$/,
    ],
    ['badFlag', /--fail-on: expected new or any, got "sometimes"$/],
    ['oneFile', /expected 2 summary files, got 1/],
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
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `report: ${path.join(dir, 'no-results')}: no Allure results (run the suites with the allure-jest environment first)`,
    ]);
  }, 30_000);

  test('builds a single-file report offline, without the analytics tag', async () => {
    const results = path.join(dir, 'allure-results');
    mkdirSync(results);
    const now = Date.now();
    writeFileSync(
      path.join(results, '00000000-0000-4000-8000-000000000001-result.json'),
      JSON.stringify({
        uuid: '00000000-0000-4000-8000-000000000001',
        historyId: 'h1',
        name: 'createLeadsOpportunities_v1 > status-code',
        fullName: 'conformance#createLeadsOpportunities_v1 > status-code',
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
    const html = readFileSync(path.join(output, 'index.html'), 'utf8');
    // Booleans: a failing match would otherwise print the whole 3 MB page.
    expect(html.includes('googletagmanager')).toBe(false);
    expect(/\s(src|href)\s*=\s*["']?(https?:)?\/\//i.test(html)).toBe(false);
    const stats = JSON.parse(readFileSync(path.join(output, 'summary.json'), 'utf8')).stats;
    expect(stats).toEqual({ total: 1, passed: 1 });
  }, 60_000);
});
