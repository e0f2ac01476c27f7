import { ajvErrorsText, documentedResponse } from './response-doc';
import { fail, pass, skip, type ResponseCheck } from './types';

/** The body validates against the schema documented for its status. */
export const responseSchemaConformance: ResponseCheck = {
  name: 'response_schema_conformance',
  run({ op, exchange }) {
    const { status, body, text } = exchange.response;
    const documented = documentedResponse(op, status);
    if (!documented) return skip(`status ${status} is not documented: nothing to validate against`);
    if (!documented.json) return skip(`no JSON schema documented for ${status}`);
    if (body === undefined) {
      return fail(`${status} body is not JSON: ${JSON.stringify(text.slice(0, 120))}`);
    }
    const validate = documented.json.validate;
    if (validate(body)) return pass();
    return fail(
      `${status} body breaks ${documented.json.schemaPointer}: ${ajvErrorsText(validate.errors)}`,
    );
  },
};
