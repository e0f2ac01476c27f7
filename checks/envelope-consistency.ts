import {
  descriptionOf,
  propertiesOf,
  type JsonSchema,
  type ResponseModel,
  type SpecModel,
} from '../model';
import { documentedResponse } from './response-doc';
import {
  excusedPass,
  fail,
  pass,
  skip,
  type Excuse,
  type ResponseCheck,
  type Verdict,
} from './types';

type Json = Record<string, unknown>;
const asJson = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;

const typeIs = (schema: JsonSchema, type: string): boolean => {
  const t = asJson(schema)?.type;
  return t === type || (Array.isArray(t) && t.includes(type));
};

/**
 * Where a response envelope states the HTTP outcome: the object holding an integer the
 * description calls the HTTP code ("HTTP Code of the response") and a boolean that says whether
 * the request succeeded. Found by what the schema's descriptions say, not by name.
 */
export function envelopeFields(
  schema: JsonSchema | undefined,
): { holder: string; statusCode?: string; success?: string } | undefined {
  for (const [holder, holderSchema] of Object.entries(propertiesOf(schema))) {
    const props = propertiesOf(holderSchema);
    let statusCode: string | undefined;
    let success: string | undefined;
    for (const [name, prop] of Object.entries(props)) {
      const text = descriptionOf(prop);
      if (typeIs(prop, 'integer') && /\bHTTP\b/i.test(text) && /code/i.test(text))
        statusCode = name;
      if (typeIs(prop, 'boolean') && /succe|status of the operation/i.test(text)) success = name;
    }
    if (statusCode || success) return { holder, statusCode, success };
  }
  return undefined;
}

type Fields = { holder: string; statusCode?: string; success?: string };
const namesBySpec = new WeakMap<object, Fields | undefined>();

/** The envelope's field names as the spec's described envelopes name them (one spec, one envelope). */
function describedNames(spec: SpecModel): Fields | undefined {
  if (namesBySpec.has(spec)) return namesBySpec.get(spec);
  let found: Fields | undefined;
  for (const op of spec.operations) {
    for (const response of Object.values(op.responses)) {
      const f = envelopeFields(response.json?.schema);
      if (f?.statusCode && f.success) found ??= f;
    }
  }
  namesBySpec.set(spec, found);
  return found;
}

/**
 * The envelope of a schema that does not describe its fields (the read's 500, the update's
 * 400): the same names, of the same types, as the described envelopes use.
 */
function undescribedEnvelope(spec: SpecModel, schema: JsonSchema | undefined): Fields | undefined {
  const names = describedNames(spec);
  const props = propertiesOf(propertiesOf(schema)[names?.holder ?? '']);
  if (!names) return undefined;
  const statusCode =
    names.statusCode && typeIs(props[names.statusCode] ?? {}, 'integer')
      ? names.statusCode
      : undefined;
  const success =
    names.success && typeIs(props[names.success] ?? {}, 'boolean') ? names.success : undefined;
  return statusCode || success ? { holder: names.holder, statusCode, success } : undefined;
}

/** What the spec's own examples for this response show in one envelope field. */
function exampleValues(response: ResponseModel, holder: string, field: string): unknown[] {
  return (response.json?.examples ?? [])
    .map((e) => asJson(asJson(e.value)?.[holder])?.[field])
    .filter((v) => v !== undefined);
}

export const STATUS_CODE_AS_IN_EXAMPLE: Excuse = {
  name: 'statusCodeAsInExample',
  allows:
    "an envelope's info.statusCode (or success) equal to what the spec's own example for that status shows",
  when: 'the example contradicts the field\'s description (both 201 examples say statusCode 200 where the description says "HTTP Code of the response")',
};

function judgeField(
  value: unknown,
  expected: unknown,
  examples: unknown[],
  pointer: string,
  source: string,
  what: string,
): Verdict {
  if (value === undefined || value === null) return skip(`no ${pointer}`);
  if (value === expected) return pass();
  if (examples.includes(value)) {
    return excusedPass(
      STATUS_CODE_AS_IN_EXAMPLE,
      `${pointer} is ${JSON.stringify(value)} as the spec's example shows, although ${what}`,
    );
  }
  return fail({
    kind: 'envelope-mismatch',
    pointer,
    expected: `${JSON.stringify(expected)} (${what})`,
    actual: JSON.stringify(value),
    source,
  });
}

/**
 * The envelope agrees with the HTTP answer: info.statusCode is the HTTP status ("HTTP Code of
 * the response") and info.success is true exactly for a 2xx. Where the spec's own examples
 * show another value for that status, that value is accepted too and the latitude recorded.
 */
export const envelopeConsistency: ResponseCheck = {
  kind: 'response',
  name: 'envelope_consistency',
  asserts:
    'info.statusCode equals the HTTP status and info.success is true exactly for a 2xx (where a spec example shows otherwise, that value is accepted and recorded)',
  excuses: [STATUS_CODE_AS_IN_EXAMPLE],
  judge(exchange, { op, spec }) {
    const { status, body } = exchange.response;
    const documented = documentedResponse(op, status);
    if (!documented?.json) return skip(`no JSON body documented for ${status}`);
    const fields =
      envelopeFields(documented.json.schema) ?? undescribedEnvelope(spec, documented.json.schema);
    if (!fields) return skip(`the ${status} body documents no envelope`);
    const holder = asJson(asJson(body)?.[fields.holder]);
    if (!holder) return skip(`no ${fields.holder} in the body`);
    const source = `${documented.json.schemaPointer}/properties/${fields.holder}`;
    const verdicts: Verdict[] = [];
    if (fields.statusCode) {
      verdicts.push(
        judgeField(
          holder[fields.statusCode],
          status,
          exampleValues(documented, fields.holder, fields.statusCode),
          `/body/${fields.holder}/${fields.statusCode}`,
          `${source}/properties/${fields.statusCode}`,
          'its description: the HTTP code of the response',
        ),
      );
    }
    if (fields.success) {
      const succeeded = status >= 200 && status < 300;
      verdicts.push(
        judgeField(
          holder[fields.success],
          succeeded,
          exampleValues(documented, fields.holder, fields.success),
          `/body/${fields.holder}/${fields.success}`,
          `${source}/properties/${fields.success}`,
          `a ${status} ${succeeded ? 'succeeded' : 'did not succeed'}`,
        ),
      );
    }
    return (
      verdicts.find((v) => v.kind === 'fail') ??
      verdicts.find((v) => v.kind === 'pass' && v.excused) ??
      verdicts.find((v) => v.kind === 'pass') ??
      verdicts[0] ??
      skip('nothing to compare')
    );
  },
};
