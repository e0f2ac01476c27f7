/**
 * judgeRateLimitSequence: across consecutive answers inside one window, Limit is constant,
 * Remaining goes down and Reset (seconds until the window resets) does not grow; once the
 * previous answer's Reset has run out, a new window may start.
 */
import { judgeRateLimitSequence } from '../../checks/rate-limit-remaining-decreases';
import { getSpec, type AnsweredExchange, type SpecModel } from '../../model';
import type { CheckContext, Verdict } from '../../checks';
import {
  answer,
  at,
  failed,
  failedShowing,
  OPS,
  PASSED,
  scenarioCheck,
  skipped,
  summary,
  type Summary,
} from './exchanges';

let spec: SpecModel;
beforeAll(async () => {
  spec = await getSpec();
});

/** One answer per [seconds after T0, Limit, Remaining, Reset]. */
function answers(...readings: Array<[number, number, number, number]>): AnsweredExchange[] {
  const op = spec.operation(OPS.readV1);
  return readings.map(([seconds, limit, remaining, reset]) =>
    answer(op, 200, {}, { startedAt: at(seconds), rateLimit: { limit, remaining, reset } }),
  );
}

const judge = (exchanges: AnsweredExchange[]) => summary(judgeRateLimitSequence(exchanges).verdict);

describe('judgeRateLimitSequence', () => {
  it('passes Remaining going down and Reset counting down inside one window', () => {
    expect(judge(answers([0, 100, 42, 27], [1, 100, 41, 26], [2, 100, 40, 25]))).toEqual(PASSED);
  });

  it('passes Remaining going down by more than one (other clients share the quota)', () => {
    expect(judge(answers([0, 100, 42, 27], [1, 100, 30, 26]))).toEqual(PASSED);
  });

  it('does not compare answers that overlapped in flight: the server may have served them in either order', () => {
    const exchanges = answers([0, 100, 41, 27], [1, 100, 42, 26]);
    exchanges[0].response.durationMs = 2000;
    expect(judgeRateLimitSequence(exchanges).verdict.kind).not.toBe('fail');
  });

  it('counts the window from when the earlier request left, not when its slow answer came back', () => {
    // Served at once (Reset 3 s, rounded up), answered 2 s later; the next request, served 2.2 s
    // after the first one left, may be in a new window with a full quota.
    const exchanges = answers([0, 60, 10, 3], [2.1, 60, 59, 3]);
    exchanges[0].response.durationMs = 2000;
    exchanges[1].response.durationMs = 100;
    expect(judgeRateLimitSequence(exchanges).verdict.kind).not.toBe('fail');
  });

  it('names the answers it compared', () => {
    const exchanges = answers([0, 100, 42, 27], [1, 100, 41, 26]);
    expect(judgeRateLimitSequence(exchanges).at).toEqual(exchanges);
  });

  it('fails Remaining stuck inside a window', () => {
    const exchanges = answers([0, 100, 42, 27], [1, 100, 41, 26], [2, 100, 41, 25]);
    const result = judgeRateLimitSequence(exchanges);
    expect(summary(result.verdict)).toEqual(
      failedShowing(
        'remaining-not-decreasing',
        '/headers/x-ratelimit-remaining',
        'X-RateLimit-Remaining goes down with each request inside one window',
        '41 then 41, 1.0 s apart while Reset said 26 s were left',
      ),
    );
    expect(result.at).toEqual(exchanges.slice(1));
  });

  it('fails Remaining going up inside a window', () => {
    expect(judge(answers([0, 100, 42, 27], [3, 100, 50, 24]))).toEqual(
      failed('remaining-not-decreasing', '/headers/x-ratelimit-remaining', 'goes down'),
    );
  });

  it('accepts Remaining staying at 0 (the quota is spent: 429s)', () => {
    expect(judge(answers([0, 100, 0, 27], [1, 100, 0, 26]))).toEqual(PASSED);
  });

  it('passes Remaining back up once the previous Reset has run out: a new window', () => {
    expect(
      judge(answers([0, 100, 3, 2], [1, 100, 2, 1], [5, 100, 99, 60], [6, 100, 98, 59])),
    ).toEqual(PASSED);
  });

  it('allows a second of rounding in Reset before calling it a new window', () => {
    // Reset said 3 s; 2.5 s later Remaining is back up: the window may have turned (±1 s).
    expect(judge(answers([0, 100, 3, 3], [2.5, 100, 99, 60], [3.5, 100, 98, 59]))).toEqual(PASSED);
  });

  it('skips when no two answers fall inside one window', () => {
    expect(judge(answers([0, 100, 3, 1], [5, 100, 99, 1]))).toEqual(
      skipped('no two consecutive answers inside one window'),
    );
  });

  it('fails Reset growing inside a window', () => {
    expect(judge(answers([0, 100, 42, 27], [1, 100, 41, 40]))).toEqual(
      failedShowing(
        'reset-grew',
        '/headers/x-ratelimit-reset',
        'does not grow inside one window',
        '27 then 40',
      ),
    );
  });

  it('tolerates a second of rounding in Reset', () => {
    expect(judge(answers([0, 100, 42, 27], [0.2, 100, 41, 28]))).toEqual(PASSED);
  });

  it('fails an epoch-like Reset with Remaining stuck: the window never seems to end', () => {
    expect(judge(answers([0, 100, 42, 1733100000], [30, 100, 42, 1733100000]))).toEqual(
      failed('remaining-not-decreasing', '/headers/x-ratelimit-remaining', 'goes down'),
    );
  });

  it('fails a Limit that changes, whatever the window', () => {
    expect(judge(answers([0, 100, 42, 1], [10, 200, 199, 60]))).toEqual(
      failedShowing(
        'limit-changed',
        '/headers/x-ratelimit-limit',
        'one X-RateLimit-Limit',
        '100 then 200',
      ),
    );
  });

  it('skips with fewer than two answers carrying the headers, and ignores the others', () => {
    const op = spec.operation(OPS.readV1);
    const bare = answer(op, 401, { message: 'Missing API key in request' }, { rateLimit: null });
    expect(judge([...answers([0, 100, 42, 27]), bare])).toEqual(
      skipped('fewer than two answers carried the rate-limit headers'),
    );
    expect(judge([...answers([0, 100, 42, 27]), bare, ...answers([1, 100, 41, 26])])).toEqual(
      PASSED,
    );
  });

  it('reads time as start plus duration: a slow answer can end the window', () => {
    const op = spec.operation(OPS.readV1);
    const first = answer(
      op,
      200,
      {},
      { startedAt: at(0), rateLimit: { limit: 100, remaining: 3, reset: 5 } },
    );
    // Started 1 s later, but answered 10 s after it started: past the Reset of the first.
    const slow = answer(
      op,
      200,
      {},
      {
        startedAt: at(1),
        durationMs: 10_000,
        rateLimit: { limit: 100, remaining: 99, reset: 60 },
      },
    );
    expect(judge([first, slow])).toEqual(skipped('no two consecutive answers inside one window'));
  });
});

describe('rate_limit_remaining_decreases', () => {
  it("records judgeRateLimitSequence's verdict on the operation's own exchanges", async () => {
    const exchanges = answers([0, 100, 42, 27], [1, 100, 42, 26]);
    const recorded: Summary[] = [];
    const ctx = {
      ownExchanges: () => exchanges,
      record: (verdict: Verdict) => {
        recorded.push(summary(verdict));
      },
    };
    await scenarioCheck('rate_limit_remaining_decreases').run(ctx as unknown as CheckContext);
    expect(recorded).toEqual([
      failed('remaining-not-decreasing', '/headers/x-ratelimit-remaining', 'goes down'),
    ]);
  });
});
