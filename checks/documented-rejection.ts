import { answersText, unreadableBody, type DocumentedOutcome, type OperationModel } from '../model';
import type { AnsweredExchange } from '../model/exchange';
import { errorCodeOf } from './error-body';
import { documentedResponse } from './response-doc';
import { excusedPass, fail, inconclusive, pass, skip, type Excuse, type Verdict } from './types';

export const CODE_NOT_DOCUMENTED: Excuse = {
  name: 'codeNotDocumented',
  allows: 'any error code, or none, in a rejection with the documented status',
  when: 'the spec documents the status for this kind of input ("400: Bad request, invalid input") but no error code',
};

export const EITHER_DATE_REJECTION: Excuse = {
  name: 'eitherDateRejection',
  allows: 'a 400, or a 406 with ERR805, for a malformed date field',
  when: 'the field is not one the 406 example names ("Incorrect Close Date/next milestone date Format"): the spec does not say which rejection applies to it',
};

/**
 * An invalid request is rejected the way the spec documents: with one of the documented
 * answers, and that answer's error code when it has one. Statuses the spec does not document
 * (and 5xx) are left to status_code_conformance and not_a_server_error, so one defect fails
 * one check.
 */
export function judgeRejection(
  exchange: AnsweredExchange,
  op: OperationModel,
  expected: DocumentedOutcome,
  what?: { pointer: string; violation: string },
): Verdict {
  const { status, body } = exchange.response;
  const wanted = `${answersText(expected)}${what ? ` for ${what.violation} broken` : ''}`;
  const failure = (kind: string, actual: string): Verdict =>
    fail({ kind, pointer: what?.pointer, expected: wanted, actual, source: expected.source });
  if (status === 429) return inconclusive('rate limited (429): nothing concluded');
  if (status >= 200 && status < 300) return failure('accepted-invalid', `accepted with ${status}`);
  const answer = expected.answers.find((a) => a.status === status);
  if (status >= 500 && !answer)
    return skip(`answered ${status}: a 5xx is judged by not_a_server_error`);
  if (!documentedResponse(op, status))
    return skip(`answered ${status}, which is not documented: judged by status_code_conformance`);
  if (!answer)
    return failure('wrong-status', `${status}${errorCodeOf(body) ? ` ${errorCodeOf(body)}` : ''}`);
  // A documented 5xx (a read's 500 for an unknown id): its body and code are not_a_server_error's.
  if (status >= 500) return pass(`${status} as documented`);
  const code = errorCodeOf(body);
  const unreadable = unreadableBody(exchange.response);
  if (answer.code !== undefined && unreadable)
    return inconclusive(
      `${status} as documented, its error code unread: ${unreadable} (response_schema_conformance judges that)`,
    );
  if (answer.code !== undefined) {
    if (code !== answer.code)
      return failure('wrong-error-code', `${status} with error.code ${code ?? '(none)'}`);
    return expected.answers.length > 1
      ? excusedPass(EITHER_DATE_REJECTION, `${status} ${code}`)
      : pass();
  }
  if (expected.answers.length > 1) return excusedPass(EITHER_DATE_REJECTION, `${status}`);
  return excusedPass(CODE_NOT_DOCUMENTED, `${status}${code ? ` ${code}` : ''}`);
}
