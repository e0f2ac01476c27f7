import type { DocumentedOutcome, OperationModel } from '../model';
import { errorCodeOf } from './error-body';
import { documentedResponse } from './response-doc';
import { fail, pass, type ExchangeContext, type Verdict } from './types';

/**
 * Excuses: cases where the spec is silent, so a different answer is not a defect. Each is a
 * small predicate, so it can be read and argued about; a check that uses one records it.
 */
export const rejectionExcuses = {
  /** The spec documents no error code for this kind of input: any code (or none) is fine. */
  codeNotDocumented: (expected: DocumentedOutcome): boolean => expected.code === undefined,
  /**
   * The spec does not say which status wins when no specific code is documented (e.g. a bad
   * body answered 406 instead of 400): another documented 4xx other than auth and rate limit
   * is accepted, since both are documented rejections.
   */
  otherDocumentedRejection: (
    op: OperationModel,
    expected: DocumentedOutcome,
    status: number,
  ): boolean =>
    expected.code === undefined &&
    status >= 400 &&
    status < 500 &&
    ![401, 403, 429].includes(status) &&
    documentedResponse(op, status) !== undefined,
};

/**
 * An invalid request is rejected the way the spec documents: never 2xx, never 5xx, the
 * documented status, and the documented error code when there is one.
 */
export function documentedRejection(ctx: ExchangeContext, expected: DocumentedOutcome): Verdict {
  const { status, body } = ctx.exchange.response;
  const wanted = `${expected.statuses.join('/')}${expected.code ? ` ${expected.code}` : ''}`;
  if (status >= 200 && status < 300)
    return fail(`accepted with ${status}; expected ${wanted} (${expected.source})`);
  if (status >= 500 && !expected.statuses.includes(status)) {
    return fail(`server error ${status}; expected ${wanted} (${expected.source})`);
  }
  if (!expected.statuses.includes(status)) {
    if (rejectionExcuses.otherDocumentedRejection(ctx.op, expected, status)) {
      return pass(
        `rejected with documented ${status} instead of ${wanted}: the spec does not rank them`,
      );
    }
    return fail(`answered ${status}; expected ${wanted} (${expected.source})`);
  }
  if (rejectionExcuses.codeNotDocumented(expected)) return pass();
  const code = errorCodeOf(body);
  if (code === expected.code) return pass();
  return fail(`error code ${code ?? '(none)'}; expected ${expected.code} (${expected.source})`);
}
