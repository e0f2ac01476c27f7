import { documentedResponse, documentedStatuses } from './response-doc';
import { fail, pass, type ResponseCheck } from './types';

/** Every status the server answers with is documented for the operation. */
export const statusCodeConformance: ResponseCheck = {
  name: 'status_code_conformance',
  run({ op, exchange }) {
    const status = exchange.response.status;
    if (documentedResponse(op, status)) return pass();
    return fail(
      `status ${status} is not documented (documented: ${documentedStatuses(op).join(', ')})`,
    );
  },
};
