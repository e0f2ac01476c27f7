import {
  itemsOf,
  parseForecastRules,
  propertiesOf,
  requestWithId,
  roleOf,
  sibling,
  translationsFor,
  type ForecastRules,
  type HttpRequest,
  type JsonSchema,
  type OperationModel,
  type OperationRole,
  type SpecModel,
} from '../model';
import {
  inconclusive,
  type CheckContext,
  type JudgeContext,
  type RequestShape,
  type Step,
  type Verdict,
} from './types';

/** The run has no object to read or update: its creates failed, which the target caused, so no verdict (never a skip). */
export const noObjectToWorkOn = (): Verdict =>
  inconclusive('no object of this run to read or update: the target created none');

/*
 * What scenario checks share: finding the operations a scenario needs (by what they do, never
 * by name), building the steps of sequences, and reading the bodies of this API's envelopes.
 */

type Json = Record<string, unknown>;
export const asJson = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;

/** The created resource inside a write body: the body's one object-valued property that carries the partner's id. */
export const RESOURCE = 'leadOpportunity';
export const PARTNER_ID = 'partnerLeadOpportunityId';
/** The id the API gives an object: what a create answers and what reads take. */
export const OBJECT_ID = 'dsLeadOpportunityId';

/** The id a create answered with (at any depth of its body). */
export function createdIdOf(body: unknown): string | undefined {
  const b = asJson(body);
  if (!b) return undefined;
  if (typeof b[OBJECT_ID] === 'string' && b[OBJECT_ID]) return b[OBJECT_ID] as string;
  for (const v of Object.values(b)) {
    const inner = createdIdOf(v);
    if (inner) return inner;
  }
  return undefined;
}

/** The object in a read's body (`data.leadOpportunity` in this spec's envelope). */
export function readResource(body: unknown): Json | undefined {
  const data = asJson(asJson(body)?.data);
  return asJson(data?.[RESOURCE]) ?? data;
}

export function operationWith(
  ctx: Pick<JudgeContext, 'operations'>,
  of: OperationModel,
  role: OperationRole,
  version = of.version,
): OperationModel | undefined {
  return sibling(ctx.operations, of, role, version);
}

/** The create of a version (the object's writer), else any create. */
export function createOf(
  ctx: Pick<JudgeContext, 'operations'>,
  version: string,
): OperationModel | undefined {
  return (
    ctx.operations.find((o) => roleOf(o) === 'create' && o.version === version) ??
    ctx.operations.find((o) => roleOf(o) === 'create')
  );
}

export const operationById = (
  ctx: Pick<JudgeContext, 'operations'>,
  id: unknown,
): OperationModel | undefined => ctx.operations.find((o) => o.operationId === id);

/** A write body whose partner id is a placeholder, filled in fresh each time the step runs. */
export function withPartnerPlaceholder(
  request: HttpRequest,
  placeholder = '{{partnerId}}',
): HttpRequest {
  const body = asJson(request.body);
  const resource = asJson(body?.[RESOURCE]);
  if (!body || !resource || typeof resource[PARTNER_ID] !== 'string') return request;
  return { ...request, body: { ...body, [RESOURCE]: { ...resource, [PARTNER_ID]: placeholder } } };
}

/** A create step with a fresh partner id; its answer's id flows on as `{{id}}`. */
export function createStep(
  ctx: CheckContext,
  create: OperationModel,
  purpose: string,
  edit?: (body: Json) => Json,
  placeholder = '{{partnerId}}',
  shape: RequestShape = 'random',
): Step {
  const request = withPartnerPlaceholder(
    ctx.validRequest(purpose, create, shape).request,
    placeholder,
  );
  const body = asJson(request.body);
  return {
    operationId: create.operationId,
    request: edit && body ? { ...request, body: edit(structuredClone(body)) } : request,
    captures: 'id',
  };
}

export const readStep = (reader: OperationModel, key?: Step['key']): Step => ({
  operationId: reader.operationId,
  request: requestWithId(reader, '{{id}}'),
  ...(key ? { key } : {}),
});

/**
 * A write body whose lists carry one item per value of their items' first enum property (one
 * offer line per revenue type): every value of a vocabulary is then written and read back,
 * whatever the draw.
 */
export function withEveryItemValue(body: Json, writer: OperationModel): Json {
  const out: Json = { ...body };
  for (const [list, schema] of Object.entries(propertiesOf(writer.requestBody?.json?.schema))) {
    const items = out[list];
    if (!Array.isArray(items) || items.length === 0) continue;
    const itemProps = propertiesOf(itemsOf(schema));
    const field = Object.keys(itemProps).find((name) => Array.isArray(itemProps[name].enum));
    if (!field) continue;
    const values = (itemProps[field].enum as unknown[]).filter((v) => typeof v === 'string');
    const template = asJson(items[0]) ?? {};
    out[list] = values.map((value) => ({ ...template, [field]: value }));
  }
  return out;
}

/** The request-body schema of the resource a write operation sends. */
export function resourceSchema(writer: OperationModel): JsonSchema | undefined {
  return propertiesOf(writer.requestBody?.json?.schema)[RESOURCE];
}

export function forecastRulesOf(writer: OperationModel): ForecastRules {
  const lead = propertiesOf(resourceSchema(writer));
  return parseForecastRules(lead.forecastCategory, lead.status);
}

/** Translation between the writer's and the reader's vocabularies, as the spec pairs them. */
export function translator(spec: SpecModel) {
  return (field: string, sent: string, from: unknown, to: unknown): string[] | undefined => {
    if (!asJson(to) || !Array.isArray(asJson(to)?.enum)) return undefined;
    const found = translationsFor(spec, field, sent, from as JsonSchema, to as JsonSchema);
    return found.length > 0 ? found : undefined;
  };
}

/** The status a judge reports for an answer that should have been a 200 read. */
export const statusLine = (status: number | undefined): string =>
  status === undefined ? 'no answer' : String(status);
