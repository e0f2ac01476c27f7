import type { ErrorObject } from 'ajv';
import { ajvErrorsText, documentedResponse } from './response-doc';
import { fail, pass, skip, type FailureDetail, type ResponseCheck } from './types';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The first bytes of a body, on one line, for a reader to recognise what came instead. */
export function bodyPreview(text: string, max = 120): string {
  const line = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${JSON.stringify(line.slice(0, max))}…` : JSON.stringify(line);
}

/** Where an ajv error sits in the body: a missing property at the property itself. */
function errorPointer(error: ErrorObject): string {
  const missing =
    error.keyword === 'required'
      ? (error.params as { missingProperty?: string }).missingProperty
      : undefined;
  return `/body${error.instancePath}${missing !== undefined ? `/${missing}` : ''}`;
}

/**
 * The body is whole, is UTF-8 JSON, and validates against the schema documented for its status.
 * A body cut short, too large, in another encoding, or not JSON at all is a failure here,
 * with the first bytes shown.
 */
export const responseSchemaConformance: ResponseCheck = {
  kind: 'response',
  name: 'response_schema_conformance',
  asserts:
    'the body arrives whole, as UTF-8 JSON, and validates (ajv, draft 2020-12, ajv-formats) against the schema documented for its status',
  judge(exchange, { op }) {
    const response = exchange.response;
    const documented = documentedResponse(op, response.status);
    if (!documented)
      return skip(`${response.status} is not documented: no schema to validate against`);
    const media = documented.json;
    if (!media) return skip(`no JSON schema documented for ${response.status}`);
    const base = {
      expected: `a body valid against ${media.schemaPointer}`,
      source: media.schemaPointer,
    };
    const broken = (detail: Omit<FailureDetail, 'expected' | 'source'>) =>
      fail({ ...base, ...detail });
    if (response.incomplete) {
      return broken({
        kind: response.incomplete.kind === 'too-large' ? 'body-too-large' : 'incomplete-body',
        pointer: '/body',
        actual: `${response.incomplete.detail}; first bytes ${bodyPreview(response.text)}`,
      });
    }
    if (response.invalidUtf8At !== undefined) {
      return broken({
        kind: 'not-utf8',
        pointer: '/body',
        actual: `byte ${response.invalidUtf8At} is not UTF-8 (RFC 8259 §8.1); first bytes ${bodyPreview(response.text)}`,
      });
    }
    if (response.body === undefined) {
      return broken({
        kind: 'not-json',
        pointer: '/body',
        actual:
          response.text.trim() === ''
            ? 'an empty body'
            : `not JSON (${response.jsonError ?? 'unparseable'}): ${bodyPreview(response.text)}`,
      });
    }
    const validate = media.validate;
    if (validate(response.body)) return pass();
    const errors = validate.errors ?? [];
    const first = errors[0];
    return fail({
      kind: 'schema-violation',
      pointer: first ? errorPointer(first) : '/body',
      expected: `${first?.keyword ?? 'valid'}: ${first?.message ?? 'valid'} (${media.schemaPointer})`,
      actual: ajvErrorsText(errors),
      source: `${media.schemaPointer}${first?.schemaPath.replace(/^#/, '') ?? ''}`,
    });
  },
};
