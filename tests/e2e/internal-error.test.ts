import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunSummary } from '../../engine/summary';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

const ROOT = path.join(__dirname, '..', '..');

function run(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [...TS_LOADER, 'cli/conformance.ts', ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('a check with a defect of its own', () => {
  let dir: string;
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('is an internal error (exit 3) that leaves every other check verdict intact, with no stack in the output', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'internal-error-'));
    const common = ['--operations', 'getLeadsOpportunities_v1', '--runs', '1', '--seed', '4'];
    const broken = await run([
      ...common,
      '--checks-file',
      'tests/fixtures/throwing-check.ts',
      '--report-dir',
      path.join(dir, 'broken'),
    ]);
    const clean = await run([...common, '--report-dir', path.join(dir, 'clean')]);
    const summaryOf = (d: string) =>
      JSON.parse(readFileSync(path.join(dir, d, 'summary.json'), 'utf8')) as RunSummary;
    const withDefect = summaryOf('broken');
    const without = summaryOf('clean');

    expect(broken.code).toBe(3);
    expect(clean.code).toBe(0);
    const statuses = (s: RunSummary) =>
      s.checks
        .filter((c) => c.check !== 'throws_while_judging')
        .map((c) => `${c.operationId} > ${c.check}: ${c.status}`);
    expect(statuses(withDefect)).toEqual(statuses(without));
    const defect = withDefect.checks.find((c) => c.check === 'throws_while_judging');
    expect(defect?.status).toBe('error');
    expect(defect?.message).toMatch(/TypeError: Cannot read properties of undefined/);
    expect(withDefect.verdict).toBe('INCONCLUSIVE');
    expect(broken.out).not.toMatch(/^\s+at .+[:(]\d+/m);
    expect(broken.out).toMatch(/^gate: .*internal.*$/m);
    expect(readFileSync(path.join(dir, 'broken', 'errors.log'), 'utf8')).toMatch(/^\s+at /m);
  }, 120_000);
});
