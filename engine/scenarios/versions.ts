import { documentedRejection } from '../../checks/documented-rejection';
import { positiveAcceptance } from '../../checks/positive-acceptance';
import { compareSentToRead } from '../../checks/round-trip';
import { fail, pass, skip } from '../../checks/types';
import {
  documentedOutcome,
  propertiesOf,
  roleOf,
  type JsonSchema,
  type OperationModel,
} from '../../model';
import { exchangeFor, judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { anyCreated, createObject, createOperation, withPathId } from '../resources';
import { httpRequestOf, validSamples } from '../samples';
import { compareOptionsFor, readObject, readView } from './round-trip';

type Json = Record<string, unknown>;
type SchemaObject = { [k: string]: unknown };
const obj = (s: unknown): SchemaObject | undefined =>
  typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as SchemaObject) : undefined;

/** The same operation in the other version: the successor of a deprecated one, or what it succeeds. */
export function versionPeer(op: OperationModel, all: OperationModel[]): OperationModel | undefined {
  if (op.successor) return all.find((o) => o.operationId === op.successor?.operationId);
  return all.find((o) => o.successor?.operationId === op.operationId);
}

/** Enum-valued fields (`/offerLines/0/revenueType`) with their values, at any depth. */
function enumFields(schema: JsonSchema | undefined, at = '', depth = 0): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (depth > 6) return out;
  const s = obj(schema);
  if (Array.isArray(s?.enum))
    out.set(
      at,
      (s?.enum as unknown[]).filter((v): v is string => typeof v === 'string'),
    );
  const items = obj(s?.items);
  if (items)
    for (const [k, v] of enumFields(items as JsonSchema, `${at}/0`, depth + 1)) out.set(k, v);
  for (const [name, prop] of Object.entries(propertiesOf(schema))) {
    for (const [k, v] of enumFields(prop, `${at}/${name}`, depth + 1)) out.set(k, v);
  }
  return out;
}

/** The first field whose vocabulary differs, and a value only `op`'s version has. */
export function vocabularyDifference(
  op: OperationModel,
  peer: OperationModel,
): { pointer: string; value: string } | undefined {
  const mine = enumFields(op.requestBody?.json?.schema);
  const theirs = enumFields(peer.requestBody?.json?.schema);
  for (const [pointer, values] of mine) {
    const other = theirs.get(pointer);
    if (!other) continue;
    const only = values.find((v) => !other.includes(v));
    if (only) return { pointer, value: only };
  }
  return undefined;
}

/** Set a value at a data pointer where `0` means "every item of the list"; how many were set. */
function setEverywhere(node: unknown, parts: string[], value: unknown): number {
  if (parts.length === 0 || typeof node !== 'object' || node === null) return 0;
  const [head, ...rest] = parts;
  if (head === '0' && Array.isArray(node)) {
    let n = 0;
    node.forEach((item, i) => {
      if (rest.length === 0) {
        node[i] = value;
        n++;
      } else n += setEverywhere(item, rest, value);
    });
    return n;
  }
  const o = node as Json;
  if (rest.length === 0) {
    o[head] = value;
    return 1;
  }
  return setEverywhere(o[head], rest, value);
}

/** A valid sample that has the field (optional lists may be absent or empty). */
function sampleWithField(ctx: ScenarioContext, pointer: string, value: string) {
  for (const sample of validSamples(ctx.session, ctx.op, 20, 'vocab')) {
    const body = structuredClone(sample.body) as Json;
    if (setEverywhere(body, pointer.split('/').filter(Boolean), value) > 0) return { sample, body };
  }
  return undefined;
}

/** A request valid for `op` except that it uses a value only `op`'s version knows: accepted here, rejected by the peer. */
async function vocabularyIsVersioned(ctx: ScenarioContext, peer: OperationModel): Promise<void> {
  const { op, session } = ctx;
  const diff = vocabularyDifference(op, peer);
  if (!diff)
    return judge(
      ctx,
      CHECKS.versions,
      skip(`no vocabulary difference between ${op.operationId} and ${peer.operationId}`),
    );
  const found = sampleWithField(ctx, diff.pointer, diff.value);
  if (!found)
    return judge(ctx, CHECKS.versions, skip(`no generated request carries ${diff.pointer}`));
  const { sample, body } = found;
  const role = roleOf(op);
  const mineTarget =
    role === 'update' ? await anyCreated(ctx, CHECKS.versions, op.version) : undefined;
  const peerTarget =
    role === 'update' ? await anyCreated(ctx, CHECKS.versions, peer.version) : undefined;
  if (role === 'update' && (!mineTarget || !peerTarget))
    return judge(ctx, CHECKS.versions, skip('no objects to update'));
  let mineRequest = httpRequestOf(op, { ...sample, body });
  if (mineTarget) mineRequest = withPathId(op, mineRequest, mineTarget.dsLeadOpportunityId);
  const accepted = await exchangeFor(ctx, CHECKS.versions, mineRequest);
  if (accepted) {
    const v = positiveAcceptance({ spec: session.spec, op, exchange: accepted });
    judge(
      ctx,
      CHECKS.versions,
      v.kind === 'fail'
        ? fail(
            `${diff.pointer}=${diff.value} (${op.version} vocabulary) on ${op.operationId}: ${v.reason}`,
          )
        : v,
      accepted,
    );
  }
  // A partner id of its own: the same one twice would be rejected as a duplicate (ERR801),
  // which is not the rejection this check is about.
  const peerBody = structuredClone(body);
  const fresh = validSamples(session, op, 1, 'vocab-peer')[0].body as Json;
  const freshLead = fresh.leadOpportunity as Json | undefined;
  if (
    freshLead &&
    typeof (peerBody.leadOpportunity as Json | undefined)?.partnerLeadOpportunityId === 'string'
  ) {
    (peerBody.leadOpportunity as Json).partnerLeadOpportunityId =
      freshLead.partnerLeadOpportunityId;
  }
  let peerRequest = httpRequestOf(peer, {
    ...sample,
    operationId: peer.operationId,
    body: peerBody,
  });
  if (peerTarget) peerRequest = withPathId(peer, peerRequest, peerTarget.dsLeadOpportunityId);
  const rejected = await exchangeFor(ctx, CHECKS.versions, peerRequest, {}, peer);
  if (rejected) {
    const expected = documentedOutcome(peer, 'enum', `/body${diff.pointer}`);
    const v = documentedRejection({ spec: session.spec, op: peer, exchange: rejected }, expected);
    judge(
      ctx,
      CHECKS.versions,
      v.kind === 'fail'
        ? fail(
            `${diff.pointer}=${diff.value} (${op.version} vocabulary) sent to ${peer.operationId}: ${v.reason}`,
          )
        : v,
      rejected,
    );
  }
}

/** One object, two views: created through the peer's version, read through both, translated. */
async function oneObjectTwoViews(ctx: ScenarioContext, peer: OperationModel): Promise<void> {
  const create = createOperation(ctx, peer.version);
  if (!create) return judge(ctx, CHECKS.versions, skip(`no ${peer.version} create operation`));
  const { record } = await createObject(ctx, create, CHECKS.versions, undefined, 'views');
  if (!record)
    return judge(ctx, CHECKS.versions, skip(`${create.operationId} did not create an object`));
  for (const reader of [ctx.op, peer]) {
    const exchange = await readObject(ctx, reader, record.dsLeadOpportunityId, CHECKS.versions);
    if (!exchange) continue;
    if (exchange.response.status !== 200) {
      judge(
        ctx,
        CHECKS.versions,
        fail(
          `${reader.operationId} of an object created by ${create.operationId} answered ${exchange.response.status}`,
        ),
        exchange,
      );
      continue;
    }
    const { translate, excused } = compareOptionsFor(create, reader, record.body);
    const mismatches = compareSentToRead(record.body, readView(exchange.response.body), {
      translate,
      excused,
    });
    judge(
      ctx,
      CHECKS.versions,
      mismatches.length
        ? fail(
            `${reader.operationId} view of an object created by ${create.operationId}: ${mismatches.slice(0, 3).join('; ')}`,
          )
        : pass(),
      exchange,
    );
  }
}

export async function versionsScenario(ctx: ScenarioContext): Promise<void> {
  const peer = versionPeer(ctx.op, ctx.operations);
  if (!peer) return judge(ctx, CHECKS.versions, skip('no other version of this operation'));
  if (!ctx.session.writesAllowed)
    return judge(ctx, CHECKS.versions, skip('needs writes: not on production'));
  const role = roleOf(ctx.op);
  if (role === 'create' || role === 'update') await vocabularyIsVersioned(ctx, peer);
  if (role === 'read') await oneObjectTwoViews(ctx, peer);
}
