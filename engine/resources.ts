import type { Exchange, HttpRequest } from '../model/exchange';
import { roleOf, sibling, type OperationModel } from '../model';
import { exchangeFor, type CreatedRecord, type ScenarioContext } from './context';
import { httpRequestOf, validSamples } from './samples';

type Json = Record<string, unknown>;
const asJson = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;

/** The id a create answered with (the 201 body's `dsLeadOpportunityId`, at any depth). */
export function createdIdOf(body: unknown): string | undefined {
  const b = asJson(body);
  if (!b) return undefined;
  if (typeof b.dsLeadOpportunityId === 'string' && b.dsLeadOpportunityId)
    return b.dsLeadOpportunityId;
  for (const v of Object.values(b)) {
    const inner = createdIdOf(v);
    if (inner) return inner;
  }
  return undefined;
}

export function partnerIdOf(body: unknown): string | undefined {
  const lead = asJson(asJson(body)?.leadOpportunity);
  return typeof lead?.partnerLeadOpportunityId === 'string'
    ? lead.partnerLeadOpportunityId
    : undefined;
}

/** A request for an operation whose only input is the resource id in the path. */
export function requestWithId(op: OperationModel, id: string, body?: unknown): HttpRequest {
  const pathParam = op.parameters.find((p) => p.in === 'path')?.name ?? 'id';
  return httpRequestOf(op, {
    operationId: op.operationId,
    pathParams: { [pathParam]: id },
    query: {},
    ...(body !== undefined ? { body } : {}),
  });
}

export function withPathId(op: OperationModel, request: HttpRequest, id: string): HttpRequest {
  const pathParam = op.parameters.find((p) => p.in === 'path')?.name ?? 'id';
  return { ...request, path: op.path.replace(`{${pathParam}}`, encodeURIComponent(id)) };
}

export function createOperation(ctx: ScenarioContext, version: string): OperationModel | undefined {
  return ctx.operations.find((o) => roleOf(o) === 'create' && o.version === version) ?? undefined;
}

export function siblingOf(
  ctx: ScenarioContext,
  op: OperationModel,
  role: Parameters<typeof sibling>[2],
  version?: string,
) {
  return sibling(ctx.operations, op, role, version);
}

/**
 * Create one object through `create` with a generated valid body, recording it in the run
 * state and the report's list of created objects.
 */
export async function createObject(
  ctx: ScenarioContext,
  create: OperationModel,
  check: string,
  body?: Json,
  purpose = 'create',
): Promise<{ record?: CreatedRecord; exchange?: Exchange }> {
  if (!ctx.session.writesAllowed) return {};
  const sample = validSamples(ctx.session, create, 1, `${purpose}-${ctx.state.created.length}`)[0];
  const request = httpRequestOf(create, body ? { ...sample, body } : sample);
  const exchange = await exchangeFor(ctx, check, request, {}, create);
  if (!exchange) return {};
  const id =
    exchange.response.status === 201 || exchange.response.status === 200
      ? createdIdOf(exchange.response.body)
      : undefined;
  if (!id) return { exchange };
  const sent = (request.body ?? {}) as Json;
  const record: CreatedRecord = {
    version: create.version,
    createdBy: create.operationId,
    dsLeadOpportunityId: id,
    partnerLeadOpportunityId: partnerIdOf(sent),
    body: sent,
  };
  ctx.state.created.push(record);
  ctx.session.createdObjects.push({
    operationId: create.operationId,
    dsLeadOpportunityId: id,
    partnerLeadOpportunityId: record.partnerLeadOpportunityId,
  });
  return { record, exchange };
}

/**
 * A new object for a check that compares content: objects made earlier may have been patched
 * by other checks since.
 */
export async function freshObject(
  ctx: ScenarioContext,
  check: string,
  version: string,
): Promise<CreatedRecord | undefined> {
  const create =
    createOperation(ctx, version) ?? ctx.operations.find((o) => roleOf(o) === 'create');
  if (!create) return undefined;
  return (await createObject(ctx, create, check, undefined, `fresh-${check}`)).record;
}

/** An object of this run to read or update: one created in the same version if possible. */
export async function anyCreated(
  ctx: ScenarioContext,
  check: string,
  version: string,
): Promise<CreatedRecord | undefined> {
  const same = ctx.state.created.find((c) => c.version === version);
  if (same) return same;
  const create =
    createOperation(ctx, version) ?? ctx.operations.find((o) => roleOf(o) === 'create');
  if (!create) return ctx.state.created[0];
  return (await createObject(ctx, create, check)).record ?? ctx.state.created[0];
}
