import { documentedResponse, headerValue } from './response-doc';
import { fail, pass, skip, type ResponseCheck } from './types';

const baseType = (value: string): string => value.split(';')[0].trim().toLowerCase();

/** A response documented with a media type comes with that Content-Type. */
export const contentTypeConformance: ResponseCheck = {
  kind: 'response',
  name: 'content_type_conformance',
  asserts: 'a response documented with a media type comes with that Content-Type',
  judge(exchange, { op }) {
    const { status, headers } = exchange.response;
    const documented = documentedResponse(op, status);
    if (!documented) return skip(`${status} is not documented: no media type to expect`);
    if (documented.contents.length === 0) return skip(`no media type documented for ${status}`);
    const allowed = documented.contents.map((c) => baseType(c.contentType));
    const actual = headerValue(headers, 'content-type');
    const source = `${documented.pointer}/content`;
    if (!actual) {
      return fail({
        kind: 'missing-content-type',
        pointer: '/headers/content-type',
        expected: allowed.join(' or '),
        actual: 'no Content-Type header',
        source,
      });
    }
    if (allowed.includes(baseType(actual))) return pass();
    return fail({
      kind: 'undocumented-content-type',
      pointer: '/headers/content-type',
      expected: allowed.join(' or '),
      actual,
      source,
    });
  },
};
