import { compareSentToRead } from '../../checks/round-trip';
import { fail, pass, skip } from '../../checks/types';
import {
  enumTranslations,
  parseForecastRules,
  propertiesOf,
  roleOf,
  type JsonSchema,
  type OperationModel,
} from '../../model';
import { exchangeFor, judge, type CreatedRecord, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { createObject, freshObject, requestWithId, siblingOf } from '../resources';
import { httpRequestOf, validSamples } from '../samples';
import { schemaAtDataPath } from '../schema-walk';

type Json = Record<string, unknown>;
const asJson = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;

/** The object in a read's body: `data` in this spec's envelope, or the body itself. */
export function readView(body: unknown): Json | undefined {
  const b = asJson(body);
  return asJson(b?.data) ?? b;
}

/** The read schema of a sent field: under `data`, or one level further down, as the comparison looks. */
function readSchemaAt(readSchema: JsonSchema | undefined, pointer: string): JsonSchema | undefined {
  const direct = schemaAtDataPath(readSchema, `/data${pointer}`);
  if (direct !== undefined) return direct;
  for (const child of Object.keys(propertiesOf(schemaAtDataPath(readSchema, '/data')))) {
    const nested = schemaAtDataPath(readSchema, `/data/${child}${pointer}`);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

/**
 * How a value sent to `writer` may legitimately read through `reader`: enums translate
 * between versions; a forecastCategory the spec says is ignored or set by the system.
 */
export function compareOptionsFor(writer: OperationModel, reader: OperationModel, sentBody: Json) {
  const writeSchema = writer.requestBody?.json?.schema;
  const readSchema = reader.responses['200']?.json?.schema;
  const lead = propertiesOf(schemaAtDataPath(writeSchema, '/leadOpportunity'));
  const rules = parseForecastRules(lead.forecastCategory, lead.status);
  return {
    translate: (pointer: string, sent: unknown): unknown[] | undefined => {
      if (typeof sent !== 'string') return undefined;
      const from = schemaAtDataPath(writeSchema, pointer);
      const to = readSchemaAt(readSchema, pointer);
      if (!to || typeof to !== 'object' || !Array.isArray((to as { enum?: unknown }).enum))
        return undefined;
      const t = enumTranslations(sent, from, to);
      return t.length ? t : undefined;
    },
    excused: (pointer: string): string | undefined => {
      if (pointer !== '/leadOpportunity/forecastCategory') return undefined;
      const status = asJson(sentBody.leadOpportunity)?.status;
      if (typeof status !== 'string') return undefined;
      if (rules.ignoredAtCreation.has(status)) {
        return `forecastCategory is ignored at creation for ${status}`;
      }
      if (rules.rows.get(status)?.systemSet)
        return `forecastCategory is set by the system for ${status}`;
      return undefined;
    },
  };
}

export async function readObject(
  ctx: ScenarioContext,
  reader: OperationModel,
  id: string,
  check: string,
) {
  return exchangeFor(ctx, check, requestWithId(reader, id), {}, reader);
}

function judgeRead(
  ctx: ScenarioContext,
  check: string,
  record: CreatedRecord,
  writer: OperationModel,
  reader: OperationModel,
  exchange: NonNullable<Awaited<ReturnType<typeof readObject>>>,
  opForVerdict: OperationModel,
  sentOverride?: Json,
) {
  if (exchange.response.status !== 200) {
    judge(
      ctx,
      check,
      fail(
        `read of ${record.dsLeadOpportunityId} (created by ${record.createdBy}) answered ${exchange.response.status}`,
      ),
      exchange,
      opForVerdict,
    );
    return;
  }
  const sent = sentOverride ?? record.body;
  const { translate, excused } = compareOptionsFor(
    writer,
    reader,
    sentOverride ? merge(record.body, sentOverride) : record.body,
  );
  const mismatches = compareSentToRead(sent, readView(exchange.response.body), {
    translate,
    excused,
  });
  judge(
    ctx,
    check,
    mismatches.length
      ? fail(
          `${reader.operationId} of ${record.dsLeadOpportunityId} differs from what was sent: ${mismatches.slice(0, 3).join('; ')}`,
        )
      : pass(),
    exchange,
    opForVerdict,
  );
}

/** create, then read through the same version: what was sent is what is read. */
async function createThenRead(ctx: ScenarioContext): Promise<void> {
  const reader = siblingOf(ctx, ctx.op, 'read');
  if (!reader)
    return judge(ctx, CHECKS.roundTrip, skip('no read operation for this resource and version'));
  const { record } = await createObject(ctx, ctx.op, CHECKS.roundTrip, undefined, 'rt');
  if (!record)
    return judge(ctx, CHECKS.roundTrip, skip('create did not succeed: nothing to read back'));
  const exchange = await readObject(ctx, reader, record.dsLeadOpportunityId, CHECKS.roundTrip);
  if (exchange) judgeRead(ctx, CHECKS.roundTrip, record, ctx.op, reader, exchange, ctx.op);
}

/** An object created by this run can be read (Schemathesis' ensure_resource_availability). */
async function readAfterCreate(ctx: ScenarioContext): Promise<void> {
  const record = await freshObject(ctx, CHECKS.roundTrip, ctx.op.version);
  if (!record) return judge(ctx, CHECKS.roundTrip, skip('no object of this run to read'));
  const writer = ctx.operations.find((o) => o.operationId === record.createdBy) as OperationModel;
  const exchange = await readObject(ctx, ctx.op, record.dsLeadOpportunityId, CHECKS.roundTrip);
  if (exchange) judgeRead(ctx, CHECKS.roundTrip, record, writer, ctx.op, exchange, ctx.op);
}

function merge(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    out[k] = asJson(v) && asJson(base[k]) ? merge(base[k] as Json, v as Json) : v;
  }
  return out;
}

/** patch, then read again: the change persisted. */
async function patchThenRead(ctx: ScenarioContext): Promise<void> {
  const reader = siblingOf(ctx, ctx.op, 'read');
  if (!reader)
    return judge(ctx, CHECKS.roundTrip, skip('no read operation for this resource and version'));
  const record = await freshObject(ctx, CHECKS.roundTrip, ctx.op.version);
  if (!record) return judge(ctx, CHECKS.roundTrip, skip('no object of this run to update'));
  const sample = validSamples(ctx.session, ctx.op, 1, 'rt-patch')[0];
  const patch = (sample.body ?? {}) as Json;
  const patched = await exchangeFor(
    ctx,
    CHECKS.roundTrip,
    requestWithId(ctx.op, record.dsLeadOpportunityId, patch),
  );
  if (!patched) return;
  if (patched.response.status !== 200) {
    return judge(
      ctx,
      CHECKS.roundTrip,
      skip(`update answered ${patched.response.status}: nothing to read back`),
      patched,
    );
  }
  const exchange = await readObject(ctx, reader, record.dsLeadOpportunityId, CHECKS.roundTrip);
  if (!exchange) return;
  // Only what the patch set is compared: lists in a PATCH may replace or extend, the spec does not say.
  const lead = asJson(patch.leadOpportunity);
  const sent: Json = lead ? { leadOpportunity: lead } : {};
  judgeRead(ctx, CHECKS.roundTrip, record, ctx.op, reader, exchange, ctx.op, sent);
  record.body = merge(record.body, sent);
  const newPartnerId = asJson(record.body.leadOpportunity)?.partnerLeadOpportunityId;
  if (typeof newPartnerId === 'string') record.partnerLeadOpportunityId = newPartnerId;
}

function searchBody(criterion: Json): Json {
  return { data: [criterion] };
}

function foundIn(body: unknown, id: string): boolean {
  return JSON.stringify(body ?? null).includes(`"${id}"`);
}

/** search by partnerLeadOpportunityId and by modifiedDate: the object is found. */
async function searchFinds(ctx: ScenarioContext): Promise<void> {
  const record = await freshObject(ctx, CHECKS.roundTrip, ctx.op.version);
  if (!record) return judge(ctx, CHECKS.roundTrip, skip('no object of this run to search for'));
  const now = Date.now();
  const criteria: Array<[string, Json]> = [
    [
      'modifiedDate',
      {
        modifiedDate: {
          fromDate: new Date(now - 3600_000).toISOString(),
          toDate: new Date(now + 3600_000).toISOString(),
        },
      },
    ],
  ];
  if (record.partnerLeadOpportunityId) {
    criteria.unshift([
      'partnerLeadOpportunityId',
      { partnerLeadOpportunityId: [record.partnerLeadOpportunityId] },
    ]);
  }
  for (const [name, criterion] of criteria) {
    const request = httpRequestOf(ctx.op, {
      operationId: ctx.op.operationId,
      pathParams: {},
      query: {},
      body: searchBody(criterion),
    });
    const exchange = await exchangeFor(ctx, CHECKS.roundTrip, request);
    if (!exchange) continue;
    const ok =
      exchange.response.status === 200 &&
      foundIn(exchange.response.body, record.dsLeadOpportunityId);
    judge(
      ctx,
      CHECKS.roundTrip,
      ok
        ? pass()
        : fail(
            `search by ${name} did not find ${record.dsLeadOpportunityId} (status ${exchange.response.status})`,
          ),
      exchange,
    );
  }
}

export async function roundTripScenario(ctx: ScenarioContext): Promise<void> {
  if (!ctx.session.writesAllowed) {
    return judge(
      ctx,
      CHECKS.roundTrip,
      skip('needs objects created by the run: no writes on production'),
    );
  }
  const role = roleOf(ctx.op);
  if (role === 'create') return createThenRead(ctx);
  if (role === 'read') return readAfterCreate(ctx);
  if (role === 'update') return patchThenRead(ctx);
  if (role === 'search') return searchFinds(ctx);
}
