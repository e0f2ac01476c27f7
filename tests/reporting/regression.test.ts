import type { CheckRecord, CheckStatus, RunSummary } from '../../engine/types';
import {
  compareRuns,
  regressionExitCode,
  renderComparisonMarkdown,
  renderComparisonText,
} from '../../reporting';
import { summary } from './fixtures';

const check = (operationId: string, name: string, status: CheckStatus): CheckRecord => ({
  operationId,
  check: name,
  status,
  message: `${name} ${status}`,
  exchanges: 1,
});

const run = (...checks: CheckRecord[]): RunSummary => summary({ checks });

const baseline = run(
  check('opA', 'stable', 'passed'),
  check('opA', 'regressed', 'passed'),
  check('opA', 'repaired', 'failed'),
  check('opA', 'broken', 'failed'),
  check('opB', 'dropped', 'passed'),
  check('opB', 'lost-coverage', 'failed'),
  check('opB', 'was-skipped', 'skipped'),
);
const current = run(
  check('opA', 'stable', 'passed'),
  check('opA', 'regressed', 'failed'),
  check('opA', 'repaired', 'passed'),
  check('opA', 'broken', 'failed'),
  check('opB', 'lost-coverage', 'skipped'),
  check('opB', 'was-skipped', 'passed'),
  check('opC', 'new-and-passing', 'passed'),
  check('opC', 'new-and-failing', 'failed'),
);

const keys = (list: Array<{ key: string }>): string[] => list.map((e) => e.key);

test('compareRuns classifies each check by its baseline and current status', () => {
  const c = compareRuns(baseline, current);
  expect(keys(c.newFailures)).toEqual(['opA > regressed', 'opC > new-and-failing']);
  expect(keys(c.fixed)).toEqual(['opA > repaired']);
  expect(keys(c.stillFailing)).toEqual(['opA > broken']);
  expect(keys(c.added)).toEqual(['opC > new-and-passing', 'opC > new-and-failing']);
  expect(keys(c.removed)).toEqual(['opB > dropped']);
  expect(keys(c.unchangedPassing)).toEqual(['opA > stable']);
  expect(keys(c.nowSkipped)).toEqual(['opB > lost-coverage']);
  expect(keys(c.nowPassing)).toEqual(['opB > was-skipped']);
  expect(c.newFailures[0]).toMatchObject({ baseline: 'passed', current: 'failed' });
  expect(c.removed[0]).toMatchObject({ baseline: 'passed', current: undefined });
});

test('a check recorded twice counts with its worse status', () => {
  const c = compareRuns(
    run(check('op', 'x', 'passed')),
    run(check('op', 'x', 'passed'), check('op', 'x', 'failed')),
  );
  expect(keys(c.newFailures)).toEqual(['op > x']);
  expect(c.unchangedPassing).toEqual([]);
});

describe('regressionExitCode', () => {
  const gate = (before: RunSummary, after: RunSummary, failOn: 'new' | 'any'): number =>
    regressionExitCode(compareRuns(before, after), failOn, after);

  test('new: only failures the baseline did not have fail the gate', () => {
    expect(gate(baseline, current, 'new')).toBe(1);
    const knownOnly = run(check('opA', 'broken', 'failed'), check('opA', 'stable', 'passed'));
    expect(gate(baseline, knownOnly, 'new')).toBe(0);
  });

  test('any: every failure fails the gate', () => {
    const knownOnly = run(check('opA', 'broken', 'failed'), check('opA', 'stable', 'passed'));
    expect(gate(baseline, knownOnly, 'any')).toBe(1);
    expect(gate(baseline, run(check('opA', 'stable', 'passed')), 'any')).toBe(0);
  });

  test('a run that verified nothing fails either way', () => {
    const allSkipped = run(check('opA', 'stable', 'skipped'), check('opA', 'broken', 'skipped'));
    expect(gate(baseline, allSkipped, 'new')).toBe(1);
    expect(gate(baseline, allSkipped, 'any')).toBe(1);
    expect(gate(baseline, run(), 'new')).toBe(1);
  });
});

test('the renderers name the checks that changed and count the unchanged ones', () => {
  const c = compareRuns(baseline, current);
  const text = renderComparisonText(c);
  expect(text).toMatch(/^new failures: 2, fixed: 1, still failing: 1/);
  expect(text).toContain(
    'New failures (2):\n  opA > regressed  [passed -> failed]  regressed failed',
  );
  expect(text).toContain('Removed checks (1):\n  opB > dropped  [passed -> absent]');
  expect(text).not.toContain('opA > stable');
  const md = renderComparisonMarkdown(c, baseline);
  expect(md).toContain('| Unchanged passing | 1 |');
  expect(md).toContain('| opA \\> regressed | ✅ passed | ❌ failed | regressed failed |');
});
