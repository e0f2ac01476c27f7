import type { AnsweredExchange } from '../model';
import { readingOf, type RateLimitReading } from './rate-limit-headers';
import { fail, pass, skip, type ScenarioCheck, type Verdict } from './types';

interface Timed {
  reading: RateLimitReading;
  /** When the request left, ms since the epoch (our clock). */
  sent: number;
  /** When the answer arrived. */
  at: number;
  exchange: AnsweredExchange;
}

/** Seconds of rounding a server may apply to Reset (ceil, floor). */
const RESET_SLACK_S = 1;

const source =
  'X-RateLimit-Remaining "Remaining quota in the current window", X-RateLimit-Reset "Number of seconds until the quota window resets"';

/**
 * Across consecutive answers inside one window (the previous answer's Reset has not run out):
 * Limit stays the same, Remaining goes down, and Reset, a count of seconds until the window
 * resets, does not grow. Where the previous window may have ended, a new one may begin.
 */
export function judgeRateLimitSequence(exchanges: AnsweredExchange[]): {
  verdict: Verdict;
  at?: AnsweredExchange[];
} {
  const timed: Timed[] = [];
  for (const exchange of exchanges) {
    const reading = readingOf(exchange);
    if (reading)
      timed.push({
        reading,
        sent: Date.parse(exchange.startedAt),
        at: Date.parse(exchange.startedAt) + exchange.response.durationMs,
        exchange,
      });
  }
  if (timed.length < 2)
    return { verdict: skip('fewer than two answers carried the rate-limit headers') };
  let compared = 0;
  for (let i = 1; i < timed.length; i++) {
    const [prev, cur] = [timed[i - 1], timed[i]];
    const pair = [prev.exchange, cur.exchange];
    const failure = (kind: string, expected: string, actual: string) => ({
      verdict: fail({
        kind,
        pointer: `/headers/x-ratelimit-${kind.startsWith('reset') ? 'reset' : kind.startsWith('limit') ? 'limit' : 'remaining'}`,
        expected,
        actual,
        source,
      }),
      at: pair,
    });
    if (cur.reading.limit !== prev.reading.limit) {
      return failure(
        'limit-changed',
        'one X-RateLimit-Limit ("Total allowed quota") across requests',
        `${prev.reading.limit} then ${cur.reading.limit}`,
      );
    }
    // Answers that overlapped in flight may have been served in either order.
    if (cur.sent < prev.at) continue;
    // The widest the gap between the two servings can be: prev served as soon as it was sent,
    // cur as late as its answer came back. Only then is "the same window" certain.
    const elapsed = (cur.at - prev.sent) / 1000;
    if (prev.reading.reset - elapsed <= RESET_SLACK_S) continue; // the window may have turned
    if (cur.reading.remaining >= prev.reading.remaining && prev.reading.remaining > 0) {
      return failure(
        'remaining-not-decreasing',
        'X-RateLimit-Remaining goes down with each request inside one window',
        `${prev.reading.remaining} then ${cur.reading.remaining}, ${elapsed.toFixed(1)} s apart while Reset said ${prev.reading.reset} s were left`,
      );
    }
    if (cur.reading.reset > prev.reading.reset + RESET_SLACK_S) {
      return failure(
        'reset-grew',
        'X-RateLimit-Reset, the seconds until the window resets, does not grow inside one window',
        `${prev.reading.reset} then ${cur.reading.reset}, ${elapsed.toFixed(1)} s apart`,
      );
    }
    compared++;
  }
  if (compared === 0)
    return { verdict: skip('no two consecutive answers inside one window to compare') };
  return {
    verdict: pass(`${compared} consecutive answers compared inside their windows`),
    at: timed.map((t) => t.exchange),
  };
}

export const rateLimitRemainingDecreases: ScenarioCheck = {
  kind: 'scenario',
  name: 'rate_limit_remaining_decreases',
  asserts:
    "across the operation's consecutive answers inside one window (the previous Reset has not run out), Limit is constant, Remaining decreases and Reset does not grow",
  appliesTo: () => true,
  afterOthers: true,
  async run(ctx) {
    const { verdict, at } = judgeRateLimitSequence(ctx.ownExchanges());
    ctx.record(verdict, at);
  },
};
