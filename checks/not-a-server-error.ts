import { exampleErrorCodes, unreadableBody } from '../model';
import { errorCodeOf } from './error-body';
import { documentedStatuses } from './response-doc';
import { fail, inconclusive, pass, type ResponseCheck } from './types';

/**
 * No 5xx but the documented ones, each as documented: a read's 500 is ERROR_048 ("No access or
 * inexistant lead-opportunity id"), a 503 is ERR899 (maintenance). A crash that happens to use
 * a documented status is still a crash.
 */
export const notAServerError: ResponseCheck = {
  kind: 'response',
  name: 'not_a_server_error',
  asserts:
    'no 5xx but the documented ones, each with the error code its example documents (500 ERROR_048 on reads, 503 ERR899)',
  judge(exchange, { op }) {
    const { status, body } = exchange.response;
    if (status < 500) return pass();
    const source = `${op.pointer}/responses/${status}`;
    if (!documentedStatuses(op).includes(String(status))) {
      return fail({
        kind: 'server-error',
        pointer: `/status/${status}`,
        expected: `no 5xx other than the documented ones (${
          documentedStatuses(op)
            .filter((s) => s.startsWith('5'))
            .join(', ') || 'none'
        })`,
        actual: String(status),
        source: `${op.pointer}/responses`,
      });
    }
    const codes = exampleErrorCodes(op, status);
    if (codes.length === 0) return pass(`documented ${status}`);
    const unreadable = unreadableBody(exchange.response);
    if (unreadable)
      return inconclusive(
        `documented ${status}, its error code unread: ${unreadable} (response_schema_conformance judges that)`,
      );
    const code = errorCodeOf(body);
    if (code !== undefined && codes.includes(code)) return pass(`documented ${status} ${code}`);
    return fail({
      kind: 'undocumented-server-error',
      pointer: `/status/${status}`,
      expected: `${status} only as documented, with error.code ${codes.join(' or ')}`,
      actual: `${status} with error.code ${code ?? '(none)'}`,
      source,
    });
  },
};
