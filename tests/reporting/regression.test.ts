import type { CheckRecord, RunSummary } from '../../engine/summary';
import {
  compareRuns,
  gate,
  renderComparisonMarkdown,
  renderComparisonText,
  type RunComparison,
} from '../../reporting';
import { checkRecord as check, failureRecord, runOf } from './fixtures';

const failed = (operationId: string, name: string, ids: string[]): CheckRecord =>
  check(operationId, name, 'failed', { failures: ids });
const fail = (id: string, operationId: string, name: string, kind = 'undocumented-status') =>
  failureRecord(id, operationId, name, { kind });

const baseline = runOf(
  [
    failed('opA', 'X', ['Fx1']),
    check('opA', 'stable', 'passed'),
    failed('opA', 'repaired', ['Fr1']),
    check('opB', 'dropped', 'passed'),
    check('opB', 'lost-coverage', 'passed'),
    failed('opB', 'broken-then-skipped', ['Fb1']),
    check('opB', 'was-skipped', 'skipped'),
    check('opB', 'still-skipped', 'skipped'),
  ],
  [
    fail('Fx1', 'opA', 'X'),
    fail('Fr1', 'opA', 'repaired'),
    fail('Fb1', 'opB', 'broken-then-skipped'),
  ],
  { runId: 'base-run', startedAt: '2025-01-01T00:00:00.000Z' },
);
const current = runOf(
  [
    failed('opA', 'X', ['Fx1', 'Fx2']),
    check('opA', 'stable', 'passed'),
    check('opA', 'repaired', 'passed'),
    check('opB', 'lost-coverage', 'skipped'),
    check('opB', 'broken-then-skipped', 'skipped'),
    check('opB', 'was-skipped', 'passed'),
    check('opB', 'still-skipped', 'skipped'),
    check('opC', 'added', 'passed'),
  ],
  [fail('Fx1', 'opA', 'X'), fail('Fx2', 'opA', 'X', 'lost-value')],
);

const keys = (list: Array<{ key: string }>): string[] => list.map((e) => e.key);
const ids = (list: Array<{ id: string }>): string[] => list.map((e) => e.id);

test('compareRuns compares failures by signature and checks by status', () => {
  const c = compareRuns(baseline, current);
  expect(ids(c.newFailures)).toEqual(['Fx2']);
  expect(ids(c.stillFailing)).toEqual(['Fx1']);
  // Fb1's check was not judged again: it is listed as now skipped, not as fixed.
  expect(ids(c.fixed)).toEqual(['Fr1']);
  expect(keys(c.nowSkipped)).toEqual(['opB > lost-coverage', 'opB > broken-then-skipped']);
  expect(keys(c.nowVerified)).toEqual(['opB > was-skipped']);
  expect(keys(c.added)).toEqual(['opC > added']);
  expect(keys(c.removed)).toEqual(['opB > dropped']);
  expect(keys(c.unchangedPassing)).toEqual(['opA > stable']);
  expect(keys(c.stillSkipped)).toEqual(['opB > still-skipped']);
  expect(c.newFailures[0]).toEqual({
    id: 'Fx2',
    key: 'opA > X',
    line: 'lost-value at /status: expected a documented status (Fx2); got 500',
  });
  expect(c.nowSkipped[1]).toEqual({
    key: 'opB > broken-then-skipped',
    operationId: 'opB',
    check: 'broken-then-skipped',
    baseline: 'failed',
    current: 'skipped',
    message: 'broken-then-skipped skipped',
  });
  expect(c.removed[0]).toMatchObject({ baseline: 'passed', current: undefined });
  expect(c.added[0]).toMatchObject({ baseline: undefined, current: 'passed' });
});

describe('the regression gate, by signature', () => {
  const base = runOf(
    [failed('op', 'X', ['F1']), check('op', 'Y', 'passed')],
    [fail('F1', 'op', 'X')],
  );

  test('a second, different signature under a check that already failed is new', () => {
    const now = runOf(
      [failed('op', 'X', ['F1', 'F2']), check('op', 'Y', 'passed')],
      [fail('F1', 'op', 'X'), fail('F2', 'op', 'X', 'missing-property')],
    );
    const comparison = compareRuns(base, now);
    expect(comparison.newFailures).toEqual([
      {
        id: 'F2',
        key: 'op > X',
        line: 'missing-property at /status: expected a documented status (F2); got 500',
      },
    ]);
    expect(ids(comparison.stillFailing)).toEqual(['F1']);
    expect(gate(now, comparison, 'new')).toEqual({ code: 1, reason: '1 new failure(s): F2' });
    expect(gate(now, comparison, 'any')).toEqual({ code: 1, reason: '1 check(s) failed' });
  });

  test('the same signature again is not new: --fail-on new passes, any fails', () => {
    const now = runOf(
      [failed('op', 'X', ['F1']), check('op', 'Y', 'passed')],
      [fail('F1', 'op', 'X')],
    );
    const comparison = compareRuns(base, now);
    expect(comparison.newFailures).toEqual([]);
    expect(gate(now, comparison, 'new')).toEqual({ code: 0, reason: 'no new failure' });
    expect(gate(now, comparison, 'any')).toEqual({ code: 1, reason: '1 check(s) failed' });
  });

  test('a check gone from passed to skipped is now skipped: --fail-on any fails, new does not', () => {
    const before = runOf([check('op', 'a', 'passed'), check('op', 'b', 'passed')]);
    const now = runOf([check('op', 'a', 'passed'), check('op', 'b', 'skipped')]);
    const comparison = compareRuns(before, now);
    expect(keys(comparison.nowSkipped)).toEqual(['op > b']);
    expect(now.verdict).toBe('CONFORMANT');
    expect(gate(now, comparison, 'any')).toEqual({
      code: 1,
      reason: '1 check(s) verified in the baseline are skipped now',
    });
    expect(gate(now, comparison, 'new')).toEqual({ code: 0, reason: 'no new failure' });
  });

  test('a fixed signature fails neither gate', () => {
    const now = runOf([check('op', 'X', 'passed'), check('op', 'Y', 'passed')]);
    const comparison = compareRuns(base, now);
    expect(ids(comparison.fixed)).toEqual(['F1']);
    expect(gate(now, comparison, 'new')).toEqual({ code: 0, reason: 'no new failure' });
    expect(gate(now, comparison, 'any')).toEqual({
      code: 0,
      reason: 'every verified check passed',
    });
  });
});

describe('gate', () => {
  const withTotals = (
    totals: RunSummary['totals'],
    verdict: RunSummary['verdict'],
    checkRecords: CheckRecord[] = [],
  ): RunSummary => ({ ...runOf(checkRecords), totals, verdict });

  test("the suite's own error is exit 3, whatever else happened", () => {
    const summary = withTotals({ passed: 3, failed: 2, skipped: 0, errors: 1 }, 'NOT CONFORMANT');
    const expected = {
      code: 3,
      reason: "internal error in 1 check(s): the suite's own defect (errors.log)",
    };
    expect(gate(summary)).toEqual(expected);
    expect(gate(summary, compareRuns(summary, summary), 'new')).toEqual(expected);
  });

  test('a run that verified nothing is exit 1, with or without a baseline', () => {
    const allSkipped = runOf([check('op', 'a', 'skipped'), check('op', 'b', 'skipped')]);
    const reason = 'nothing was verified (every check skipped): not a green gate';
    expect(gate(allSkipped)).toEqual({ code: 1, reason });
    expect(gate(allSkipped, compareRuns(allSkipped, allSkipped), 'new')).toEqual({
      code: 1,
      reason,
    });
    expect(gate(runOf([]))).toEqual({ code: 1, reason });
  });

  test('an inconclusive run is exit 1, even when nothing new failed', () => {
    const inconclusive = runOf([
      check('op', 'a', 'passed'),
      check('op', 'b', 'skipped', { inconclusive: true }),
    ]);
    expect(inconclusive.verdict).toBe('INCONCLUSIVE');
    const reason = 'inconclusive: some checks could not conclude (see the skipped ones)';
    expect(gate(inconclusive)).toEqual({ code: 1, reason });
    expect(gate(inconclusive, compareRuns(inconclusive, inconclusive), 'new')).toEqual({
      code: 1,
      reason,
    });
  });

  // Was a bug (reporting/gate.ts): `passed === 0` was taken for "nothing was verified", but a
  // failed check was verified: a run whose every check failed got the reason "nothing was
  // verified (every check skipped)", and with --fail-on new its new failures went unnamed.
  it('a run whose every check failed is reported by its failures', () => {
    const allFailed = runOf([failed('op', 'a', ['F1'])], [fail('F1', 'op', 'a')]);
    expect(gate(allFailed)).toEqual({ code: 1, reason: '1 check(s) failed' });
  });

  test('with --fail-on new, a run whose every check failed names its new signatures', () => {
    const before = runOf([failed('op', 'a', ['F1'])], [fail('F1', 'op', 'a')]);
    const now = runOf(
      [failed('op', 'a', ['F1']), failed('op', 'b', ['F2'])],
      [fail('F1', 'op', 'a'), fail('F2', 'op', 'b')],
    );
    expect(gate(now, compareRuns(before, now), 'new')).toEqual({
      code: 1,
      reason: '1 new failure(s): F2',
    });
    // Only known failures: verified, nothing new, so --fail-on new lets it through.
    expect(gate(before, compareRuns(before, before), 'new')).toEqual({
      code: 0,
      reason: 'no new failure',
    });
  });

  test('a conformant run is exit 0', () => {
    const conformant = runOf([check('op', 'a', 'passed'), check('op', 'b', 'skipped')]);
    expect(conformant.verdict).toBe('CONFORMANT');
    expect(gate(conformant)).toEqual({ code: 0, reason: 'every verified check passed' });
  });

  test('failures are exit 1; without a baseline --fail-on new counts every failure as new', () => {
    const summary = withTotals({ passed: 4, failed: 2, skipped: 1, errors: 0 }, 'NOT CONFORMANT');
    expect(gate(summary)).toEqual({ code: 1, reason: '2 check(s) failed' });
    expect(gate(summary, undefined, 'new')).toEqual({ code: 1, reason: '2 check(s) failed' });
  });
});

test('a check recorded twice counts with its worse status', () => {
  const once = runOf([check('op', 'x', 'passed')]);
  for (const twice of [
    runOf([check('op', 'x', 'skipped'), check('op', 'x', 'passed')]),
    runOf([check('op', 'x', 'passed'), check('op', 'x', 'skipped')]),
  ]) {
    const c = compareRuns(once, twice);
    expect(keys(c.unchangedPassing)).toEqual(['op > x']);
    expect(c.nowSkipped).toEqual([]);
  }
  const c = compareRuns(once, runOf([check('op', 'x', 'skipped'), check('op', 'x', 'skipped')]));
  expect(keys(c.nowSkipped)).toEqual(['op > x']);
});

describe('renderers', () => {
  const c: RunComparison = compareRuns(baseline, current);

  test('the text names what changed, by signature and by check, and counts the rest', () => {
    const text = renderComparisonText(c);
    expect(text.split('\n')[0]).toBe(
      'new failures: 1, fixed: 1, still failing: 1, verified before, skipped now: 2, skipped before, verified now: 1, added checks: 1, removed checks: 1, unchanged passing: 1, still skipped: 1',
    );
    expect(text).toContain(
      'New failures (1):\n  opA > X [Fx2] lost-value at /status: expected a documented status (Fx2); got 500',
    );
    expect(text).toContain(
      'Fixed (1):\n  opA > repaired [Fr1] undocumented-status at /status: expected a documented status (Fr1); got 500',
    );
    expect(text).toContain(
      'Verified before, skipped now (2):\n  opB > lost-coverage  [passed -> skipped]  lost-coverage skipped\n  opB > broken-then-skipped  [failed -> skipped]  broken-then-skipped skipped',
    );
    expect(text).toContain(
      'Removed checks (1):\n  opB > dropped  [passed -> absent]  dropped passed',
    );
    expect(text).toContain('Added checks (1):\n  opC > added  [absent -> passed]  added passed');
    // Counted, not listed.
    expect(text).not.toContain('opA > stable');
    expect(text).not.toContain('opB > still-skipped');
  });

  test('the text of an unchanged run is its counts and what still fails', () => {
    expect(renderComparisonText(compareRuns(current, current))).toBe(
      [
        'new failures: 0, fixed: 0, still failing: 2, verified before, skipped now: 0, skipped before, verified now: 0, added checks: 0, removed checks: 0, unchanged passing: 4, still skipped: 3',
        '',
        'Still failing (2):',
        '  opA > X [Fx1] undocumented-status at /status: expected a documented status (Fx1); got 500',
        '  opA > X [Fx2] lost-value at /status: expected a documented status (Fx2); got 500',
      ].join('\n'),
    );
  });

  test('the markdown has a count table, a failure table and a status table', () => {
    const md = renderComparisonMarkdown(c, baseline);
    expect(md).toContain('Baseline: run base-run of 2025-01-01T00:00:00.000Z.');
    expect(md).toContain('| Unchanged passing | 1 |');
    expect(md).toContain(
      '| Fx2 | opA \\> X | lost-value at /status: expected a documented status (Fx2); got 500 |',
    );
    expect(md).toContain(
      '| opB \\> broken-then-skipped | ❌ failed | ⏭️ skipped | broken-then-skipped skipped |',
    );
    expect(md).toContain('| opB \\> dropped | ✅ passed | - | dropped passed |');
  });
});
