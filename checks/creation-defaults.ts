import {
  creationDefaults,
  requiredOf,
  enumOf,
  itemsOf,
  propertiesOf,
  requestWithId,
  roleOf,
  type AnsweredExchange,
  type OperationModel,
  type SchemaObject,
} from '../model';
import {
  DATE_READ_AS_DAY,
  EMPTY_READ_AS_ABSENT,
  LIST_ORDER,
  ONLY_USED_FOR,
  schemaInRead,
} from './compare-read';
import {
  asJson,
  createStep,
  forecastRulesOf,
  operationById,
  operationWith,
  readResource,
  resourceSchema,
  RESOURCE,
  translator,
} from './scenario-kit';
import { fail, pass, skip, type JudgeContext, type ScenarioCheck, type Verdict } from './types';

type Json = Record<string, unknown>;
const FORECAST = 'forecastCategory';

/** A default that names a value of an enum is checked exactly; "the primary 3DS PSM" only for presence. */
function isLiteral(schema: SchemaObject | undefined): boolean {
  return enumOf(schema?.type === 'array' ? itemsOf(schema) : schema) !== undefined;
}

/** List items of the write body whose schema gives a property a `default` (offerLines[].revenueType: PxC). */
function listDefaults(
  writer: OperationModel,
): Array<{ list: string; property: string; value: unknown }> {
  const out: Array<{ list: string; property: string; value: unknown }> = [];
  for (const [list, schema] of Object.entries(propertiesOf(writer.requestBody?.json?.schema))) {
    for (const [property, prop] of Object.entries(propertiesOf(itemsOf(schema)))) {
      if ('default' in prop) out.push({ list, property, value: prop.default });
    }
  }
  return out;
}

/** The create body without the fields whose defaults are checked, with the status under test. */
function bodyWithoutDefaults(
  writer: OperationModel,
  body: Json,
  status: string,
  forecast?: string,
): Json {
  const lead = { ...(asJson(body[RESOURCE]) ?? {}) };
  for (const name of [
    ...Object.keys(creationDefaults(resourceSchema(writer) as SchemaObject)),
    FORECAST,
  ])
    delete lead[name];
  lead.status = status;
  if (forecast !== undefined) lead[FORECAST] = forecast;
  const out: Json = { ...body, [RESOURCE]: lead };
  for (const { list, property } of listDefaults(writer)) {
    if (Array.isArray(out[list]))
      out[list] = (out[list] as Json[]).map((item) => {
        const copy = { ...item };
        delete copy[property];
        return copy;
      });
  }
  return out;
}

const defect = (pointer: string, expected: string, actual: string, source: string): Verdict =>
  fail({ kind: 'default-not-applied', pointer, expected, actual, source });

function judgeDefaults(
  [created, read]: AnsweredExchange[],
  params: Json,
  ctx: JudgeContext,
): Verdict {
  const writer = operationById(ctx, params.writer);
  const reader = operationById(ctx, params.reader);
  if (!writer || !reader || !created || !read) return skip('sequence incomplete');
  if (read.response.status !== 200) {
    return fail({
      kind: 'unreadable',
      pointer: '/status',
      expected: `${reader.operationId} answers 200 for an object just created`,
      actual: String(read.response.status),
      source: `${reader.pointer}/responses/200`,
    });
  }
  const seen = readResource(read.response.body) ?? {};
  const resource = resourceSchema(writer) as SchemaObject | undefined;
  const properties = propertiesOf(resource);
  const source = `${writer.pointer}/requestBody: "${RESOURCE}" property descriptions`;
  for (const [name, value] of Object.entries(creationDefaults(resource))) {
    const actual = seen[name];
    const pointer = `/${RESOURCE}/${name}`;
    if (!isLiteral(properties[name])) {
      if (actual === undefined || actual === null || actual === '')
        return defect(
          pointer,
          `${name} defaulted at creation (its description)`,
          JSON.stringify(actual),
          source,
        );
    } else if (JSON.stringify(actual) !== JSON.stringify(value)) {
      return defect(
        pointer,
        `${name} defaulted to ${JSON.stringify(value)} (its description)`,
        JSON.stringify(actual),
        source,
      );
    }
  }
  // A `default` in the request schema is what the server assumes when the value is left out.
  const sent = asJson(created.request.body) ?? {};
  const readLists = readResource(read.response.body) ?? {};
  for (const { list, property, value } of listDefaults(writer)) {
    const items = sent[list];
    const readItems = readLists[list];
    if (!Array.isArray(items) || !Array.isArray(readItems)) continue;
    // Each read item that matches a sent one by the item's required text fields (offerNameId).
    const keys = requiredOf(itemsOf(propertiesOf(writer.requestBody?.json?.schema)[list])).filter(
      (k) => items.every((i) => typeof (i as Json)[k] === 'string'),
    );
    const readSchema = propertiesOf(
      itemsOf(schemaInRead(reader.responses['200']?.json?.schema, list)),
    )[property];
    const accepted = translator(ctx.spec)(property, String(value), undefined, readSchema) ?? [
      String(value),
    ];
    for (const item of items as Json[]) {
      const match = (readItems as Json[]).find((r) =>
        keys.every((k) => asJson(r)?.[k] === item[k]),
      );
      if (match && !accepted.includes(match[property] as string)) {
        return defect(
          `/${list}/*/${property}`,
          `${property} defaulted to ${accepted.join(' or ')} (schema default ${JSON.stringify(value)})`,
          `read ${JSON.stringify(match[property])}`,
          `${writer.requestBody?.json?.schemaPointer}: default`,
        );
      }
    }
  }
  const rules = forecastRulesOf(writer);
  const row = rules.rows.get(String(params.status));
  const forecast = seen[FORECAST];
  if (row && (params.sentForecast === undefined || row.systemSet) && forecast !== row.default) {
    const why =
      params.sentForecast === undefined
        ? 'not provided at creation: defaults by the matrix'
        : `"${row.default} (set by the system)", whatever was sent (${String(params.sentForecast)})`;
    return defect(
      `/${RESOURCE}/${FORECAST}`,
      `${FORECAST} ${row.default} for status ${row.status} (${why})`,
      JSON.stringify(forecast),
      `${resource ? 'forecastCategory' : ''} description: status matrix`,
    );
  }
  return pass(`status ${String(params.status)}: defaults applied`);
}

function judgeIgnored(exchanges: AnsweredExchange[], params: Json): Verdict {
  const [, , first, second] = exchanges;
  if (!first || !second) return skip('sequence incomplete');
  if (first.response.status !== 200 || second.response.status !== 200)
    return skip('a read of the objects did not answer 200');
  const [a, b] = [
    readResource(first.response.body)?.[FORECAST],
    readResource(second.response.body)?.[FORECAST],
  ];
  if (JSON.stringify(a) === JSON.stringify(b))
    return pass(`${String(params.status)}: ${FORECAST} ignored`);
  return fail({
    kind: 'value-not-ignored',
    pointer: `/${RESOURCE}/${FORECAST}`,
    expected: `${FORECAST} ignored at creation for ${String(params.status)}: the same stored value whatever was sent`,
    actual: `sent ${String(params.a)} then ${String(params.b)}, read ${JSON.stringify(a)} and ${JSON.stringify(b)}`,
    source:
      'forecastCategory description: "Value is ignored at creation if status is ‘LEAD_OPEN’,’QUALIFIED’ or ’ACCEPTED’"',
  });
}

/**
 * Create without the defaulted fields, then read: each default stated in a description
 * (reasonWon, reasonLost, dsOwnerEmail) or a schema (revenueType PxC) is applied,
 * forecastCategory follows the status matrix (the system sets WON and LOST whatever was sent),
 * and for the statuses where it is "ignored at creation" what was sent makes no difference.
 */
export const creationDefaultsCheck: ScenarioCheck = {
  kind: 'scenario',
  name: 'creation_defaults',
  asserts:
    'defaults stated in descriptions (reasonWon STRNG_VAL_PROP, reasonLost NO_PROJECT, dsOwnerEmail set) and schemas (revenueType PxC) are applied; forecastCategory follows the status matrix, is set by the system for WON/LOST whatever was sent, and is ignored at creation for LEAD_OPEN/QUALIFIED/ACCEPTED',
  appliesTo: (op) => roleOf(op) === 'create',
  excuses: [DATE_READ_AS_DAY, LIST_ORDER, EMPTY_READ_AS_ABSENT, ONLY_USED_FOR],
  sequences: { defaults: judgeDefaults, forecast_ignored: judgeIgnored },
  async run(ctx) {
    if (!ctx.caps.writes) return ctx.record(skip('needs a create: no writes on production'));
    const reader = operationWith(ctx, ctx.op, 'read');
    if (!reader) return ctx.record(skip('no read operation to observe defaults'));
    const rules = forecastRulesOf(ctx.op);
    const members = (enumOf(propertiesOf(resourceSchema(ctx.op))[FORECAST]) ?? []).filter(
      (v): v is string => typeof v === 'string',
    );
    const step = (purpose: string, status: string, forecast?: string, captures = 'id') => {
      const base = createStep(
        ctx,
        ctx.op,
        purpose,
        undefined,
        captures === 'id' ? '{{partnerId}}' : '{{partnerId2}}',
        'example',
      );
      return {
        ...base,
        captures,
        request: {
          ...base.request,
          body: bodyWithoutDefaults(ctx.op, asJson(base.request.body) ?? {}, status, forecast),
        },
      };
    };
    const params = { writer: ctx.op.operationId, reader: reader.operationId };
    for (const row of rules.rows.values()) {
      await ctx.sequence(
        'defaults',
        [
          step(`def-${row.status}`, row.status),
          { operationId: reader.operationId, request: requestWithId(reader, '{{id}}') },
        ],
        { ...params, status: row.status },
      );
      const other = members.find((m) => m !== row.default && m !== rules.empty);
      if (row.systemSet && other) {
        await ctx.sequence(
          'defaults',
          [
            step(`sys-${row.status}`, row.status, other),
            { operationId: reader.operationId, request: requestWithId(reader, '{{id}}') },
          ],
          { ...params, status: row.status, sentForecast: other },
        );
      }
    }
    const [a, b] = members.filter((m) => m !== rules.empty);
    for (const status of rules.ignoredAtCreation) {
      if (!a || !b) break;
      await ctx.sequence(
        'forecast_ignored',
        [
          step(`ign-a-${status}`, status, a),
          step(`ign-b-${status}`, status, b, 'id2'),
          { operationId: reader.operationId, request: requestWithId(reader, '{{id}}') },
          { operationId: reader.operationId, request: requestWithId(reader, '{{id2}}') },
        ],
        { status, a, b },
      );
    }
  },
};
