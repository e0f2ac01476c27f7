import { API_KEY_ENV, configFrom, type RawSettings } from '../../engine/config';
import { runConformance, type RunResult } from '../../engine/run';
import type { RunSummary } from '../../engine/summary';
import { createMock, type ListeningMock } from '../../mock';
import { getSpec } from '../../model';
import {
  MISBEHAVIOURS,
  startHostileServer,
  type HostileServer,
  type Misbehaviour,
} from '../fixtures/hostile-server';

/**
 * A gate must never hang, crash, or certify a broken server when the server misbehaves on the
 * wire. Each test runs the engine in-process against the hostile proxy (one misbehaviour, in
 * front of the mock) with small settings, and asserts what a user needs: the run ends, the
 * verdict is not CONFORMANT, exactly the checks that should see the breakage fail (with a kind
 * that names it), and the suite itself neither crashes (`error` status) nor leaks stack traces.
 */

const KEY = 'hostile-key';
const SEED = '20261201';
const READ = 'getLeadsOpportunities_v1';
const LIST = 'searchPortfolioItems';
const SEARCH = 'searchLeadsOpportunities';
const LIST_PATH = '/sales/api4partners/v0/portfolio-items';
const TIMEOUT_MS = 2000;
const MAX_WAIT_S = 2;
const MB = 1024 * 1024;
/** Each test's own bound: far above what a run that ends by its deadlines takes. */
const TEST_TIMEOUT_MS = 30_000;

let upstream: ListeningMock | undefined;
const hostileServers: HostileServer[] = [];

beforeAll(async () => {
  const mock = createMock(await getSpec(), {
    apiKeys: [KEY],
    rateLimit: { limit: 1_000_000, windowSeconds: 60 },
  });
  upstream = await mock.listen(0, '127.0.0.1');
});

afterAll(async () => {
  await Promise.all(hostileServers.splice(0).map((server) => server.close()));
  await upstream?.close();
});

interface Scenario {
  misbehaviour: Misbehaviour;
  operations: string[];
  silentPath?: string;
  settings?: RawSettings;
}

interface Outcome {
  result: RunResult;
  summary: RunSummary;
  /** Every wait the run asked for, in ms (the sleep is a recorder: nothing really waits). */
  sleeps: number[];
  /** The highest resident set size seen during the run, minus the one before it. */
  rssGrowth: number;
}

/** One run of the engine against a fresh hostile proxy; the key reaches it as the env would. */
async function runAgainst(scenario: Scenario): Promise<Outcome> {
  if (!upstream) throw new Error('upstream mock not started');
  const hostile = await startHostileServer({
    upstream: upstream.url,
    misbehaviour: scenario.misbehaviour,
    silentPath: scenario.silentPath,
  });
  hostileServers.push(hostile);
  const config = configFrom(
    {
      target: hostile.url,
      seed: SEED,
      runs: '1',
      operations: scenario.operations,
      timeoutMs: String(TIMEOUT_MS),
      maxWaitS: String(MAX_WAIT_S),
      shrinkBudget: '0',
      maxBodyMb: '1',
      ...scenario.settings,
    },
    (k) => k,
  );
  const sleeps: number[] = [];
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 25);
  try {
    const result = await runConformance(config, {
      env: { [API_KEY_ENV]: KEY },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, summary: result.summary, sleeps, rssGrowth: peak - before };
  } finally {
    clearInterval(sampler);
    await hostile.close();
  }
}

/** What a user reads first: the verdict, every failure as `operation > check: kind`, the suite's own crashes. */
function digest(summary: RunSummary): {
  verdict: string;
  failing: string[];
  suiteErrors: string[];
} {
  const failing = new Set(summary.failures.map((f) => `${f.operationId} > ${f.check}: ${f.kind}`));
  return {
    verdict: summary.verdict,
    failing: [...failing].sort(),
    suiteErrors: summary.checks
      .filter((c) => c.status === 'error')
      .map((c) => `${c.operationId} > ${c.check}: ${c.message}`),
  };
}

/** What a run that must fail looks like in digest(): NOT CONFORMANT, these pairs, no suite error. */
const notConformant = (failing: string[]) => ({
  verdict: 'NOT CONFORMANT',
  failing,
  suiteErrors: [],
});

/** The same check failing the same way on the read and on the list, the two operations most tests run. */
const onReadAndList = (failure: string): string[] => [
  `${READ} > ${failure}`,
  `${LIST} > ${failure}`,
];

/**
 * Holds for every misbehaviour: the run is not certified, the suite did not crash on any check,
 * a failed check shows its failures, and no text a user reads is a stack trace.
 */
function expectSurvived(outcome: Outcome): void {
  const { summary } = outcome;
  expect(summary.verdict).not.toBe('CONFORMANT');
  expect(digest(summary).suiteErrors).toEqual([]);
  const withFailures = new Set(summary.failures.map((f) => `${f.operationId} > ${f.check}`));
  const failedWithout = summary.checks
    .filter((c) => c.status === 'failed')
    .map((c) => `${c.operationId} > ${c.check}`)
    .filter((pair) => !withFailures.has(pair));
  expect(failedWithout).toEqual([]);
  const texts = [
    ...summary.checks.flatMap((c) => [c.message, ...(c.observations ?? [])]),
    ...summary.failures.flatMap((f) => [f.expected, f.actual]),
    ...summary.observations.map((o) => o.text),
  ];
  expect(texts.filter((text) => text.includes('    at '))).toEqual([]);
  expect(outcome.result.traces).toEqual([]);
}

const checksOf = (summary: RunSummary, operationId: string) =>
  summary.checks.filter((c) => c.operationId === operationId);

const failuresOf = (summary: RunSummary, check: string) =>
  summary.failures.filter((f) => f.check === check);

const tested = new Set<Misbehaviour>();

/**
 * One test per misbehaviour (the last test proves none is left out). Those that spend their
 * time waiting out deadlines (`waits`) run side by side: jest starts them together, and one's
 * wait is not added to the other's. Each has its own hostile server.
 */
function hostileTest(
  misbehaviour: Misbehaviour,
  title: string,
  body: () => Promise<void>,
  waits = false,
): void {
  tested.add(misbehaviour);
  (waits ? it.concurrent : it)(`${misbehaviour}: ${title}`, body, TEST_TIMEOUT_MS);
}

describe('hostile targets: the gate survives servers that misbehave on the wire', () => {
  hostileTest(
    'truncated-json',
    'bodies cut in half fail response_schema_conformance as not JSON',
    async () => {
      const outcome = await runAgainst({
        misbehaviour: 'truncated-json',
        operations: [READ, LIST],
      });
      expectSurvived(outcome);
      for (const failure of failuresOf(outcome.summary, 'response_schema_conformance'))
        expect(failure.actual).toMatch(/^not JSON \(/);
      expect(digest(outcome.summary)).toEqual(
        notConformant(onReadAndList('response_schema_conformance: not-json')),
      );
    },
  );

  hostileTest(
    'silent-operation',
    'the silent operation has no verdict, the others are judged as usual',
    async () => {
      const outcome = await runAgainst({
        misbehaviour: 'silent-operation',
        silentPath: LIST_PATH,
        operations: [READ, LIST],
      });
      expectSurvived(outcome);
      const { summary } = outcome;
      // The silent operation costs at most two deadlines, then is no longer sent to.
      expect(summary.durationMs).toBeLessThan(3 * TIMEOUT_MS + 10_000);
      // The other operation is judged normally: its checks pass, none is held back.
      const other = checksOf(summary, READ);
      expect(other.filter((c) => c.status === 'passed').map((c) => c.check)).toEqual(
        expect.arrayContaining([
          'content_type_conformance',
          'response_schema_conformance',
          'rate_limit_headers',
          'stateful_round_trip',
        ]),
      );
      expect(other.filter((c) => c.inconclusive).map((c) => c.check)).toEqual([]);
      // The silent one has no verdict: nothing passed, nothing failed, the rest held back.
      const silent = checksOf(summary, LIST).filter((c) => c.check !== 'rate_limit_exhaustion');
      expect(
        silent.filter((c) => c.status !== 'skipped').map((c) => `${c.check}: ${c.status}`),
      ).toEqual([]);
      expect(silent.some((c) => c.inconclusive && /unanswered/.test(c.message))).toBe(true);
      expect(digest(summary)).toEqual({ verdict: 'INCONCLUSIVE', failing: [], suiteErrors: [] });
    },
    true,
  );

  hostileTest(
    'cut-body',
    'POST answers cut mid-body fail response_schema_conformance as incomplete',
    async () => {
      const outcome = await runAgainst({ misbehaviour: 'cut-body', operations: [SEARCH, READ] });
      expectSurvived(outcome);
      for (const failure of failuresOf(outcome.summary, 'response_schema_conformance'))
        expect(failure.actual).toMatch(/^connection closed after 10 of 500 bytes/);
      expect(digest(outcome.summary)).toEqual(
        notConformant([`${SEARCH} > response_schema_conformance: incomplete-body`]),
      );
    },
  );

  it(
    'cut-body: reads judged alone are not certified while the creates they need are cut',
    async () => {
      const outcome = await runAgainst({ misbehaviour: 'cut-body', operations: [READ] });
      expectSurvived(outcome);
      const { summary } = outcome;
      // The reads themselves are fine, but every check that needs an object of the run could
      // not conclude: the target kept it from concluding, which is not a clean pass.
      const heldBack = checksOf(summary, READ).filter(
        (c) => c.status === 'skipped' && /createLeadsOpportunities|no object/.test(c.message),
      );
      expect(heldBack.length).toBeGreaterThan(0);
      expect(
        heldBack.filter((c) => !c.inconclusive).map((c) => `${c.check}: ${c.message}`),
      ).toEqual([]);
      expect(digest(summary)).toEqual({ verdict: 'INCONCLUSIVE', failing: [], suiteErrors: [] });
    },
    TEST_TIMEOUT_MS,
  );

  hostileTest('huge-body', 'the read stops at --max-body-mb and memory stays flat', async () => {
    const outcome = await runAgainst({ misbehaviour: 'huge-body', operations: [READ, LIST] });
    expectSurvived(outcome);
    const { summary, result } = outcome;
    expect(outcome.rssGrowth).toBeLessThan(300 * MB);
    for (const exchange of result.exchanges) {
      expect(exchange.response?.text.length ?? 0).toBeLessThanOrEqual(MB);
      expect(exchange.response?.bytes ?? 0).toBeLessThan(2 * MB);
    }
    for (const failure of failuresOf(summary, 'response_schema_conformance'))
      expect(failure.actual).toMatch(/^body larger than 1 MB: not read further/);
    // Every answer is 200, whatever was sent: invalid and keyless requests are "served" too.
    expect(digest(summary)).toEqual(
      notConformant([
        `${READ} > documented_error_codes: accepted-invalid`,
        `${READ} > rate_limit_headers: missing-header`,
        `${READ} > response_schema_conformance: body-too-large`,
        `${LIST} > auth_missing_key_401: served-without-valid-key`,
        `${LIST} > auth_unknown_key_403: served-without-valid-key`,
        `${LIST} > documented_error_codes: accepted-invalid`,
        `${LIST} > negative_data_rejection: accepted-invalid`,
        `${LIST} > rate_limit_headers: missing-header`,
        `${LIST} > response_schema_conformance: body-too-large`,
      ]),
    );
  });

  hostileTest(
    'redirect-self',
    'an undocumented 302 fails status_code_conformance and is not followed',
    async () => {
      const outcome = await runAgainst({ misbehaviour: 'redirect-self', operations: [READ, LIST] });
      expectSurvived(outcome);
      const { summary, result } = outcome;
      expect(result.exchanges.length).toBe(summary.requests);
      expect(result.exchanges.map((e) => e.response?.status)).toEqual(
        result.exchanges.map(() => 302),
      );
      // The missing and unknown keys were answered 302, not 401 / 403: the auth checks see it.
      for (const failure of failuresOf(summary, 'status_code_conformance')) {
        expect(failure.pointer).toBe('/status/302');
        expect(failure.actual).toMatch(/^302 \(Location: http:\/\/127\.0\.0\.1:\d+\//);
      }
      expect(digest(summary)).toEqual(
        notConformant([
          `${READ} > status_code_conformance: undocumented-status`,
          `${LIST} > auth_missing_key_401: wrong-auth-status`,
          `${LIST} > auth_unknown_key_403: wrong-auth-status`,
          `${LIST} > status_code_conformance: undocumented-status`,
        ]),
      );
    },
  );

  hostileTest(
    'html-200',
    'an HTML welcome page fails content type and schema, and serves what it should refuse',
    async () => {
      const outcome = await runAgainst({ misbehaviour: 'html-200', operations: [READ, LIST] });
      expectSurvived(outcome);
      const { summary } = outcome;
      for (const failure of failuresOf(summary, 'content_type_conformance'))
        expect(failure.actual).toBe('text/html; charset=utf-8');
      for (const failure of failuresOf(summary, 'response_schema_conformance'))
        expect(failure.actual).toContain('<!DOCTYPE html>');
      expect(digest(summary)).toEqual(
        notConformant([
          `${READ} > content_type_conformance: undocumented-content-type`,
          `${READ} > documented_error_codes: accepted-invalid`,
          `${READ} > rate_limit_headers: missing-header`,
          `${READ} > response_schema_conformance: not-json`,
          `${LIST} > auth_missing_key_401: served-without-valid-key`,
          `${LIST} > auth_unknown_key_403: served-without-valid-key`,
          `${LIST} > content_type_conformance: undocumented-content-type`,
          `${LIST} > documented_error_codes: accepted-invalid`,
          `${LIST} > negative_data_rejection: accepted-invalid`,
          `${LIST} > rate_limit_headers: missing-header`,
          `${LIST} > response_schema_conformance: not-json`,
        ]),
      );
    },
  );

  hostileTest(
    'slow-drip',
    'bodies dripping a byte a second end at the deadline, and the run does not wait on each',
    async () => {
      const timeoutMs = 1000;
      const outcome = await runAgainst({
        misbehaviour: 'slow-drip',
        operations: [READ, LIST],
        settings: { timeoutMs: String(timeoutMs) },
      });
      expectSurvived(outcome);
      const { summary, result } = outcome;
      const timedOut = result.exchanges.filter((e) => e.response?.incomplete?.kind === 'timeout');
      expect(timedOut.length).toBeGreaterThan(0);
      for (const exchange of timedOut)
        expect(exchange.response?.durationMs ?? 0).toBeLessThan(timeoutMs + 1000);
      // Each operation is given up after two unfinished bodies: three operations are sent to
      // (the read's object comes from createLeadsOpportunities_v1).
      expect(timedOut.length).toBeLessThanOrEqual(3 * 2);
      expect(summary.durationMs).toBeLessThan(10 * timeoutMs);
      for (const failure of failuresOf(summary, 'response_schema_conformance'))
        expect(failure.actual).toMatch(/^body incomplete after 1000 ms/);
      expect(digest(summary)).toEqual(
        notConformant(onReadAndList('response_schema_conformance: incomplete-body')),
      );
    },
    true,
  );

  hostileTest(
    'wrong-content-length',
    'a body read to its declared half length fails response_schema_conformance',
    async () => {
      const outcome = await runAgainst({
        misbehaviour: 'wrong-content-length',
        operations: [READ, LIST],
      });
      expectSurvived(outcome);
      expect(digest(outcome.summary)).toEqual(
        notConformant(onReadAndList('response_schema_conformance: not-json')),
      );
    },
  );

  hostileTest(
    'gzip-no-header',
    'a gzipped body without Content-Encoding is not UTF-8 JSON',
    async () => {
      const outcome = await runAgainst({
        misbehaviour: 'gzip-no-header',
        operations: [READ, LIST],
      });
      expectSurvived(outcome);
      // The gzip magic number: its second byte (0x8b) is where UTF-8 breaks.
      for (const failure of failuresOf(outcome.summary, 'response_schema_conformance'))
        expect(failure.actual).toMatch(/^byte 1 is not UTF-8/);
      expect(digest(outcome.summary)).toEqual(
        notConformant(onReadAndList('response_schema_conformance: not-utf8')),
      );
    },
  );

  hostileTest(
    'invalid-utf8',
    'Latin-1 bytes in a string fail as not UTF-8, and what they spoil is seen',
    async () => {
      const outcome = await runAgainst({ misbehaviour: 'invalid-utf8', operations: [READ, LIST] });
      expectSurvived(outcome);
      // The first string of each body is spoiled: the 500's error.code (left unread, so
      // not_a_server_error has no verdict on it) and the created object's id (which then cannot
      // be read back).
      for (const failure of failuresOf(outcome.summary, 'response_schema_conformance'))
        expect(failure.actual).toMatch(/^byte \d+ is not UTF-8 \(RFC 8259 §8\.1\)/);
      expect(digest(outcome.summary)).toEqual(
        notConformant([
          `${READ} > response_schema_conformance: not-utf8`,
          `${READ} > stateful_round_trip: unreadable`,
          `${READ} > version_differences: unreadable`,
          `${LIST} > response_schema_conformance: not-utf8`,
        ]),
      );
    },
  );

  hostileTest(
    'duplicate-rate-limit-headers',
    'rate_limit_headers fails naming the repeated header',
    async () => {
      const outcome = await runAgainst({
        misbehaviour: 'duplicate-rate-limit-headers',
        operations: [READ, LIST],
      });
      expectSurvived(outcome);
      const { summary } = outcome;
      for (const failure of failuresOf(summary, 'rate_limit_headers')) {
        expect(failure.pointer).toMatch(/^\/headers\/x-ratelimit-(limit|remaining|reset)$/);
        expect(failure.expected).toMatch(/^one X-RateLimit-(Limit|Remaining|Reset) field$/);
        expect(failure.actual).toMatch(/^2 fields: \S+ \| \S+$/);
      }
      expect(digest(summary)).toEqual(
        notConformant(onReadAndList('rate_limit_headers: repeated-header')),
      );
    },
  );

  hostileTest(
    'retry-after-hour',
    'a 429 asking for an hour is not waited for: the run is inconclusive',
    async () => {
      const outcome = await runAgainst({
        misbehaviour: 'retry-after-hour',
        operations: [READ, LIST],
      });
      expectSurvived(outcome);
      const { summary, sleeps } = outcome;
      expect(Math.max(0, ...sleeps)).toBeLessThanOrEqual(MAX_WAIT_S * 1000);
      const held = summary.checks.filter((c) => c.inconclusive);
      expect(held.length).toBeGreaterThan(0);
      for (const check of held)
        expect(check.message).toContain(
          `rate limited for 3600 s, longer than --max-wait-s ${MAX_WAIT_S}`,
        );
      expect(digest(summary)).toEqual({ verdict: 'INCONCLUSIVE', failing: [], suiteErrors: [] });
    },
  );

  it('every misbehaviour of the fixture has its test', () => {
    expect(MISBEHAVIOURS.filter((m) => !tested.has(m))).toEqual([]);
  });
});
