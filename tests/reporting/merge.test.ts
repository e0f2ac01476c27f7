import type { RunSummary } from '../../engine/summary';
import { UsageError } from '../../model/errors';
import { mergeSummaries } from '../../reporting';
import {
  checkRecord,
  COVERAGE,
  COVERAGE_OPERATIONS,
  failureRecord,
  OPERATIONS,
  runOf,
  sequenceFailure,
  shrunkFailure,
  summary,
} from './fixtures';

/** The fixture's run as two shards: the first two operations, then the last two. */
function shards(): [RunSummary, RunSummary] {
  const whole = summary();
  const first = new Set(OPERATIONS.slice(0, 2).map((o) => o.operationId));
  const mine = <T extends { operationId?: string }>(list: T[], inFirst: boolean): T[] =>
    list.filter((x) => (x.operationId !== undefined && first.has(x.operationId)) === inFirst);
  const part = (index: number): RunSummary => {
    const inFirst = index === 1;
    const records = mine(whole.checks, inFirst);
    return summary({
      shard: { index, count: 2 },
      startedAt: inFirst ? '2025-01-02T10:00:07.000Z' : '2025-01-02T10:00:00.000Z',
      durationMs: inFirst ? 30000 : 65432,
      requests: inFirst ? 100 : 87,
      operations: mine(OPERATIONS, inFirst),
      checks: records,
      failures: mine(whole.failures, inFirst),
      // An excuse both shards took, and one only the second did.
      excuses: inFirst
        ? [{ ...whole.excuses[0], count: 1 }]
        : [{ ...whole.excuses[0], count: 3 }, whole.excuses[1]],
      // Observations at the run's level (no operation) go with the second shard.
      observations: mine(whole.observations, inFirst),
      coverage: {
        operations: COVERAGE_OPERATIONS.filter((o) => first.has(o.operationId) === inFirst),
        // Each shard's own totals: the merge computes them again.
        totals: COVERAGE.totals,
      },
      createdObjects: inFirst ? whole.createdObjects : [],
    });
  };
  return [part(1), part(2)];
}

const merged = (): RunSummary => {
  const [a, b] = shards();
  return mergeSummaries([
    { file: 'shard-1/summary.json', summary: a },
    { file: 'shard-2/summary.json', summary: b },
  ]);
};

test('the shards are what the test means: each is a part of the run, neither the whole', () => {
  const [a, b] = shards();
  expect(a.checks.map((c) => c.operationId)).toEqual([
    'createLeadsOpportunities_v1',
    'createLeadsOpportunities_v1',
    'updateLeadOpportunitiesDetails_v1',
  ]);
  expect(a.verdict).toBe('NOT CONFORMANT');
  expect(b.verdict).toBe('INCONCLUSIVE');
  expect(b.failures).toEqual([]);
});

test('two shards merge into the totals and verdict of one summary holding both', () => {
  const whole = summary();
  const m = merged();
  expect(m.totals).toEqual(whole.totals);
  expect(m.totals).toEqual({ passed: 2, failed: 2, skipped: 2, errors: 1 });
  expect(m.verdict).toBe(whole.verdict);
  expect(m.verdict).toBe('NOT CONFORMANT');
  expect(m.checks).toEqual(whole.checks);
  expect(m.failures).toEqual([shrunkFailure(), sequenceFailure()]);
  expect(m.operations).toEqual(OPERATIONS);
  expect(m.coverage).toEqual(COVERAGE);
  expect(m.createdObjects).toEqual(whole.createdObjects);
});

test('the merge adds up requests and uses, starts at the first shard and lasts as the longest', () => {
  const m = merged();
  expect(m.requests).toBe(187);
  expect(m.startedAt).toBe('2025-01-02T10:00:00.000Z');
  expect(m.durationMs).toBe(65432);
  expect(m.excuses.map((e) => [e.excuse, e.count])).toEqual([
    ['statusCodeAsInExample', 4],
    ['codeNotDocumented', 1],
  ]);
  expect(m.observations).toEqual(summary().observations);
  expect('shard' in m).toBe(false);
  expect(m.seed).toBe(1234);
  expect(m.spec.sha256).toBe('ab'.repeat(32));
});

test('the verdict is computed again, not taken from a shard', () => {
  const nothingVerified = runOf([checkRecord('a', 'x', 'skipped')]);
  const passed = runOf([checkRecord('b', 'x', 'passed')]);
  expect(nothingVerified.verdict).toBe('INCONCLUSIVE');
  const m = mergeSummaries([
    { file: 'a.json', summary: nothingVerified },
    { file: 'b.json', summary: passed },
  ]);
  expect(m.verdict).toBe('CONFORMANT');
  expect(m.totals).toEqual({ passed: 1, failed: 0, skipped: 1, errors: 0 });
});

test('a check or failure in two shards counts once, with the worse status and the counts added', () => {
  const a = runOf(
    [checkRecord('op', 'x', 'passed'), checkRecord('op', 'y', 'failed', { failures: ['F1'] })],
    [failureRecord('F1', 'op', 'y', { count: 2 })],
  );
  const b = runOf(
    [checkRecord('op', 'x', 'skipped'), checkRecord('op', 'y', 'failed', { failures: ['F1'] })],
    [failureRecord('F1', 'op', 'y', { count: 5 })],
  );
  const m = mergeSummaries([
    { file: 'a.json', summary: a },
    { file: 'b.json', summary: b },
  ]);
  expect(m.checks.map((c) => [c.check, c.status])).toEqual([
    ['x', 'passed'],
    ['y', 'failed'],
  ]);
  expect(m.failures).toEqual([failureRecord('F1', 'op', 'y', { count: 7 })]);
  expect(m.totals).toEqual({ passed: 1, failed: 1, skipped: 0, errors: 0 });
});

test('no shard with coverage: no coverage', () => {
  const m = mergeSummaries([{ file: 'a.json', summary: runOf([checkRecord('a', 'x', 'passed')]) }]);
  expect(m.coverage).toBeUndefined();
});

describe('shards of different runs are a usage error', () => {
  const merge = (b: RunSummary) => () =>
    mergeSummaries([
      { file: 'a.json', summary: summary() },
      { file: 'b.json', summary: b },
    ]);

  test('another seed', () => {
    expect(merge(summary({ seed: 99 }))).toThrow(UsageError);
    expect(merge(summary({ seed: 99 }))).toThrow(
      'b.json: seed 99, but a.json has seed 1234: shards of one run share their seed',
    );
  });

  test('another spec', () => {
    const other = summary({ spec: { ...summary().spec, sha256: 'cd'.repeat(32) } });
    expect(merge(other)).toThrow(UsageError);
    expect(merge(other)).toThrow('b.json: another spec (SHA-256 cdcdcdcdcdcd…) than a.json');
  });

  test('nothing to merge', () => {
    expect(() => mergeSummaries([])).toThrow(new UsageError('merge: no summary to merge'));
  });

  // Was a bug (reporting/merge.ts): mergeSummaries says it merges shards of one run, "same
  // spec, target and seed", but only checked the spec and the seed: shards run against two
  // targets merged into one certification of the first target.
  it('another target', () => {
    const other = summary({
      target: { name: 'ppd', kind: 'remote', baseUrl: 'https://apigw-ppd.example.test' },
    });
    expect(merge(other)).toThrow(UsageError);
    expect(merge(other)).toThrow(
      'b.json: target ppd (https://apigw-ppd.example.test), but a.json has target qal (https://apigw-qal.example.test): shards of one run share their target',
    );
  });

  test('the same target name at another base URL', () => {
    const other = summary({
      target: { name: 'qal', kind: 'remote', baseUrl: 'https://apigw-qal2.example.test' },
    });
    expect(merge(other)).toThrow(UsageError);
  });
});

test('shards on the built-in mock merge, each on a port of its own', () => {
  const onMock = (port: number): RunSummary =>
    summary({ target: { name: 'mock', kind: 'mock', baseUrl: `http://127.0.0.1:${port}` } });
  const m = mergeSummaries([
    { file: 'a.json', summary: onMock(40001) },
    { file: 'b.json', summary: onMock(40002) },
  ]);
  expect(m.target.kind).toBe('mock');
  expect(() =>
    mergeSummaries([
      { file: 'a.json', summary: onMock(40001) },
      { file: 'b.json', summary: summary() },
    ]),
  ).toThrow(
    'b.json: target qal (https://apigw-qal.example.test), but a.json has target mock (mock)',
  );
});
