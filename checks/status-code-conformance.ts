import { documentedResponse, documentedStatuses } from './response-doc';
import { fail, pass, skip, type ResponseCheck } from './types';

/** Every status below 500 the server answers with is documented for the operation. */
export const statusCodeConformance: ResponseCheck = {
  kind: 'response',
  name: 'status_code_conformance',
  asserts:
    'every status below 500 the server answers is documented for the operation (a 3xx is not followed: it is judged here)',
  judge(exchange, { op }) {
    const { status } = exchange.response;
    // One defect, one failing check: 5xx answers are not_a_server_error's to judge.
    if (status >= 500) return skip(`a ${status} is judged by not_a_server_error`);
    if (documentedResponse(op, status)) return pass();
    const location = exchange.response.headers.location;
    return fail({
      kind: 'undocumented-status',
      pointer: `/status/${status}`,
      expected: `a documented status (${documentedStatuses(op).join(', ')})`,
      actual: `${status}${location ? ` (Location: ${location})` : ''}`,
      source: `${op.pointer}/responses`,
    });
  },
};
