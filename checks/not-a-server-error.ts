import { documentedStatuses } from './response-doc';
import { fail, pass, type ResponseCheck } from './types';

/** No 5xx other than those the operation documents (500 ERROR_048 on reads, 503 maintenance). */
export const notAServerError: ResponseCheck = {
  name: 'not_a_server_error',
  run({ op, exchange }) {
    const status = exchange.response.status;
    if (status < 500) return pass();
    if (documentedStatuses(op).includes(String(status))) return pass(`documented ${status}`);
    return fail(`server error ${status}, not documented for ${op.operationId}`);
  },
};
