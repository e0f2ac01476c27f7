/**
 * A partner's own checks, loaded with `npm run conformance -- --checks-file examples/partner-checks.ts`.
 * They are registered like the built-in ones: one test per operation, in every report, in the
 * gate. These are house rules of one partner, not the spec's words.
 */
import { fail, pass, type ResponseCheck } from '../checks';

const LIMIT_MS = 2000;

export const answersWithinTwoSeconds: ResponseCheck = {
  kind: 'response',
  name: 'answers_within_two_seconds',
  asserts: `every answer arrives within ${LIMIT_MS} ms (a house rule of this partner, not the spec's)`,
  judge(exchange) {
    const ms = exchange.response.durationMs;
    if (ms <= LIMIT_MS) return pass();
    return fail({
      kind: 'slow-answer',
      expected: `an answer within ${LIMIT_MS} ms`,
      actual: `${ms} ms`,
      source: 'house rule (examples/partner-checks.ts)',
    });
  },
};

/** The partner's gateway counts in hourly windows: Reset, in seconds, can never exceed one. */
export const resetWithinTheHour: ResponseCheck = {
  kind: 'response',
  name: 'reset_within_the_hour',
  asserts:
    'X-RateLimit-Reset, where sent, is at most 3600 seconds (the partner gateway works in hourly windows)',
  judge(exchange) {
    const reset = exchange.response.headers['x-ratelimit-reset'];
    if (reset === undefined || Number(reset) <= 3600) return pass();
    return fail({
      kind: 'reset-beyond-the-hour',
      pointer: '/headers/x-ratelimit-reset',
      expected: 'at most 3600 seconds',
      actual: reset,
      source: 'house rule (examples/partner-checks.ts)',
    });
  },
};

export default [answersWithinTwoSeconds, resetWithinTheHour];
