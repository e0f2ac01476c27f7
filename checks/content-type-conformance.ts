import { documentedResponse, headerValue } from './response-doc';
import { fail, pass, skip, type ResponseCheck } from './types';

const baseType = (value: string): string => value.split(';')[0].trim().toLowerCase();

/** A response documented with a media type comes with that Content-Type. */
export const contentTypeConformance: ResponseCheck = {
  name: 'content_type_conformance',
  run({ op, exchange }) {
    const documented = documentedResponse(op, exchange.response.status);
    if (!documented || documented.contents.length === 0) {
      return skip(`no media type documented for ${exchange.response.status}`);
    }
    const actual = headerValue(exchange.response.headers, 'content-type');
    if (!actual) return fail(`no Content-Type (documented: ${documented.contents[0].contentType})`);
    const allowed = documented.contents.map((c) => baseType(c.contentType));
    if (allowed.includes(baseType(actual))) return pass();
    return fail(`Content-Type ${actual} is not documented (documented: ${allowed.join(', ')})`);
  },
};
