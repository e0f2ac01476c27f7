import { configFrom } from '../../engine/config';
import { runConformance } from '../../engine/run';
import type { RunSummary } from '../../engine/summary';
import { createIndependentServer, type RunningServer } from '../fixtures/independent-server';

/*
 * The oracle the suite's own code cannot bias: a server written from the spec alone, by someone
 * who had not read the model, the mock, the generators or the checks (its readings of the open
 * points are in tests/fixtures/independent-server/NOTES.md). A conforming server must come out
 * CONFORMANT: any failure here is a false alarm of the suite, or a reading the spec does not force.
 */
const KEYS = ['oracle-key-1', 'oracle-key-2'];
const env = { API4PARTNERS_API_KEY: KEYS[0], API4PARTNERS_SECOND_API_KEY: KEYS[1] };

let server: RunningServer;
let smallQuota: RunningServer;
beforeAll(async () => {
  // One quota no run spends, one small enough for the exhaustion probe to spend in a second.
  server = await createIndependentServer({
    apiKeys: KEYS,
    rateLimit: { limit: 100_000, windowSeconds: 3600 },
  }).listen(0, '127.0.0.1');
  smallQuota = await createIndependentServer({
    apiKeys: KEYS,
    rateLimit: { limit: 300, windowSeconds: 10 },
  }).listen(0, '127.0.0.1');
});
afterAll(async () => {
  await server?.close();
  await smallQuota?.close();
});

async function run(
  seed: number,
  extra: Record<string, string> = {},
  target = server,
): Promise<RunSummary> {
  const raw = { target: target.url, seed: String(seed), runs: '3', ...extra };
  return (
    await runConformance(
      configFrom(raw, (k) => k),
      { env },
    )
  ).summary;
}

/**
 * The runs on the big-quota server, one after the other (two at once would see each other's
 * objects in searches and pages). The quota probe's server is its own: that run goes alongside,
 * so its wait for the window's Reset is not added to theirs.
 */
let serverFree: Promise<unknown> = Promise.resolve();
function onServer<T>(work: () => Promise<T>): Promise<T> {
  const next = serverFree.then(work);
  serverFree = next.catch(() => undefined);
  return next;
}

const failing = (summary: RunSummary): string[] =>
  summary.failures.map(
    (f) =>
      `${f.operationId} > ${f.check}: ${f.kind} at ${f.pointer}: expected ${f.expected}; got ${f.actual.slice(0, 200)}`,
  );

describe('an independent implementation of the API, written from the spec alone', () => {
  it.concurrent.each([1, 2])(
    'is CONFORMANT at seed %i, every check verified but the maintenance switch',
    async (seed) => {
      const summary = await onServer(() => run(seed));
      expect(failing(summary)).toEqual([]);
      expect(summary.checks.filter((c) => c.status === 'error')).toEqual([]);
      expect(summary.verdict).toBe('CONFORMANT');
      const skipped = [
        ...new Set(summary.checks.filter((c) => c.status === 'skipped').map((c) => c.check)),
      ];
      // No maintenance switch on a remote target; the exhaustion probe needs --rate-limit-probe.
      expect(skipped.sort()).toEqual(['maintenance_503', 'rate_limit_exhaustion']);
      // Coverage says what could not be met, and why: this target cannot be put in maintenance.
      const notMet503 = summary.coverage?.operations.flatMap((op) =>
        op.dimensions.statuses.missing.filter((m) => m.item === '503'),
      );
      expect(notMet503?.length).toBe(7);
      for (const m of notMet503 ?? []) {
        expect(m.kind).toBe('target');
        expect(m.reason).toMatch(/maintenance/);
      }
    },
    120_000,
  );

  it.concurrent(
    'is CONFORMANT with the rate-limit probe: 429 once the quota is spent, served again after Reset',
    async () => {
      const summary = await run(
        3,
        { rateLimitProbe: '1', operations: 'searchPortfolioItems' },
        smallQuota,
      );
      expect(failing(summary)).toEqual([]);
      expect(summary.checks.find((c) => c.check === 'rate_limit_exhaustion')).toMatchObject({
        status: 'passed',
      });
      expect(summary.verdict).toBe('CONFORMANT');
    },
    120_000,
  );
});
