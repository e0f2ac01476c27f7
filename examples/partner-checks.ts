/**
 * A partner's own check, loaded with `npm run conformance -- --checks-file examples/partner-checks.ts`.
 * It is registered like the built-in ones: one test per operation, in every report, in the gate.
 * This one is a house rule, not the spec's: answers must come within two seconds.
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

export default [answersWithinTwoSeconds];
