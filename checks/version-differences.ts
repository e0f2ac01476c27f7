import {
  propertiesOf,
  requestWithId,
  roleOf,
  type AnsweredExchange,
  type JsonSchema,
  type OperationModel,
} from '../model';
import {
  compareSentToRead,
  DATE_READ_AS_DAY,
  EMPTY_READ_AS_ABSENT,
  LIST_ORDER,
  ONLY_USED_FOR,
} from './compare-read';
import { judgeAcceptance } from './positive-data-acceptance';
import {
  asJson,
  createOf,
  createStep,
  operationById,
  readStep,
  translator,
  withEveryItemValue,
} from './scenario-kit';
import {
  excusedPass,
  fail,
  inconclusive,
  pass,
  skip,
  type CheckContext,
  type Excuse,
  type JudgeContext,
  type ScenarioCheck,
  type Step,
  type Verdict,
} from './types';

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

/** A valid write of `op` carrying `value` at `pointer` (optional lists may be absent: try a few). */
function stepWithValue(
  ctx: CheckContext,
  op: OperationModel,
  pointer: string,
  value: string,
  purpose: string,
  placeholder: string,
): Step | undefined {
  for (let i = 0; i < 20; i++) {
    const step = createStep(
      ctx,
      op,
      `${purpose}-${i}`,
      undefined,
      placeholder,
      i === 0 ? 'example' : 'complete',
    );
    const body = structuredClone(asJson(step.request.body));
    if (body && setEverywhere(body, pointer.split('/').filter(Boolean), value) > 0) {
      return { ...step, request: { ...step.request, body } };
    }
  }
  return undefined;
}

function judgeVocabulary(exchanges: AnsweredExchange[], params: Json, ctx: JudgeContext): Verdict {
  const mine = operationById(ctx, params.mine);
  const peer = operationById(ctx, params.peer);
  const writes = exchanges.filter((_, i) => (params.update ? i % 2 === 1 : true));
  const [accepted, rejected] = writes;
  if (!mine || !peer || !accepted || !rejected) return skip('sequence incomplete');
  const what = `${String(params.pointer)}=${String(params.value)} (${mine.version} vocabulary)`;
  // That a version accepts its own values is positive_data_acceptance's to judge (it sends every
  // enum value); here it is the precondition of the comparison.
  if (judgeAcceptance(accepted, mine).kind !== 'pass') {
    return skip(
      `${mine.operationId} did not accept ${what} (${accepted.response.status}): nothing to compare`,
    );
  }
  // Which documented rejection is negative_data_rejection's to judge; here: not accepted.
  const { status } = rejected.response;
  if (status === 429) return inconclusive('rate limited (429): nothing concluded');
  if (status >= 500)
    return skip(`${peer.operationId} answered ${status}: says nothing about the value`);
  if (status >= 200 && status < 300) {
    return fail({
      kind: 'other-vocabulary-accepted',
      pointer: `/body${String(params.pointer)}`,
      expected: `${peer.operationId} rejects ${what}: its enum does not have it`,
      actual: `accepted with ${status}`,
      source: `${peer.requestBody?.json?.schemaPointer ?? peer.pointer}: enum`,
    });
  }
  return pass(
    `${what} accepted by ${mine.operationId}, refused by ${peer.operationId} (${status})`,
  );
}

function judgeTwoViews(exchanges: AnsweredExchange[], params: Json, ctx: JudgeContext): Verdict {
  const [created, ...reads] = exchanges;
  const writer = operationById(ctx, params.writer);
  const readers = (params.readers as string[]).map((id) => operationById(ctx, id));
  if (!created || !writer || reads.length < readers.length) return skip('sequence incomplete');
  const sent = asJson(created.request.body) ?? {};
  const excuses = new Set<Excuse>();
  for (let i = 0; i < readers.length; i++) {
    const reader = readers[i];
    const read = reads[i];
    if (!reader) continue;
    if (read.response.status !== 200) {
      return fail({
        kind: 'unreadable',
        pointer: '/status',
        expected: `${reader.operationId} reads an object created by ${writer.operationId}`,
        actual: String(read.response.status),
        source: `${reader.pointer}/responses/200`,
      });
    }
    const lead = asJson(sent.leadOpportunity);
    const withoutForecast = lead
      ? {
          ...sent,
          leadOpportunity: Object.fromEntries(
            Object.entries(lead).filter(([k]) => k !== 'forecastCategory'),
          ),
        }
      : sent;
    const comparison = compareSentToRead(
      withoutForecast,
      read.response.body,
      writer.requestBody?.json?.schema,
      reader.responses['200']?.json?.schema,
      { translate: translator(ctx.spec) },
    );
    if (comparison.mismatches.length > 0) {
      const [first] = comparison.mismatches;
      return fail({
        kind: first.kind,
        pointer: first.pointer,
        expected: `${reader.operationId} shows what ${writer.operationId} sent, in ${reader.version}'s vocabulary (as the spec's HCRQ-F1LLDE examples pair them)`,
        actual: `${first.detail}${comparison.mismatches.length > 1 ? ` (+${comparison.mismatches.length - 1} more)` : ''}`,
        source: `${reader.pointer}/responses/200/content/application~1json/examples`,
      });
    }
    for (const excuse of comparison.excuses.keys()) excuses.add(excuse);
  }
  const note = `one object read through ${readers.map((r) => r?.operationId).join(' and ')}`;
  return excuses.size ? excusedPass([...excuses], note) : pass(note);
}

/**
 * The v0/v1 contract at run time: a value only one version's vocabulary has (UPFRONT in v0,
 * PxC in v1) is accepted by that version and rejected by the other; one object reads the same
 * through both versions, values translated as the spec's own examples pair them.
 */
export const versionDifferences: ScenarioCheck = {
  kind: 'scenario',
  name: 'version_differences',
  asserts:
    "a value only one version's vocabulary has (UPFRONT in v0, PxC in v1) is accepted by that version and rejected by the other; one object reads the same through v0 and v1, values translated as the spec's HCRQ-F1LLDE examples pair them (RENTAL_BOOKING as YxC)",
  appliesTo: (op, all) =>
    versionPeer(op, all) !== undefined && ['create', 'update', 'read'].includes(roleOf(op)),
  excuses: [DATE_READ_AS_DAY, LIST_ORDER, EMPTY_READ_AS_ABSENT, ONLY_USED_FOR],
  sequences: { vocabulary: judgeVocabulary, two_views: judgeTwoViews },
  async run(ctx) {
    const peer = versionPeer(ctx.op, ctx.operations);
    if (!peer) return ctx.record(skip('no other version of this operation'));
    if (!ctx.caps.writes) return ctx.record(skip('needs writes: not on production'));
    const role = roleOf(ctx.op);
    if (role === 'read') {
      const create = createOf(ctx, peer.version);
      if (!create) return ctx.record(skip(`no ${peer.version} create operation`));
      // Every value of every vocabulary, so each translation is read once.
      const step = createStep(
        ctx,
        create,
        'views',
        (body) => withEveryItemValue(body, create),
        '{{partnerId}}',
        'complete',
      );
      await ctx.sequence('two_views', [step, readStep(ctx.op), readStep(peer)], {
        writer: create.operationId,
        readers: [ctx.op.operationId, peer.operationId],
      });
      return;
    }
    const diff = vocabularyDifference(ctx.op, peer);
    if (!diff)
      return ctx.record(
        skip(`no vocabulary difference between ${ctx.op.operationId} and ${peer.operationId}`),
      );
    const mine = stepWithValue(
      ctx,
      ctx.op,
      diff.pointer,
      diff.value,
      'vocab',
      role === 'update' ? '{{partnerId2}}' : '{{partnerId}}',
    );
    const theirs = stepWithValue(
      ctx,
      peer,
      diff.pointer,
      diff.value,
      'vocab-peer',
      role === 'update' ? '{{partnerId4}}' : '{{partnerId2}}',
    );
    if (!mine || !theirs) return ctx.record(skip(`no generated request carries ${diff.pointer}`));
    const params = {
      mine: ctx.op.operationId,
      peer: peer.operationId,
      ...diff,
      update: role === 'update',
    };
    if (role === 'create') {
      await ctx.sequence('vocabulary', [mine, { ...theirs, captures: undefined }], params);
      return;
    }
    const [ownCreate, peerCreate] = [createOf(ctx, ctx.op.version), createOf(ctx, peer.version)];
    if (!ownCreate || !peerCreate)
      return ctx.record(skip('no create operations to make objects to update'));
    await ctx.sequence(
      'vocabulary',
      [
        createStep(ctx, ownCreate, 'vocab-obj', undefined, undefined, 'example'),
        {
          ...mine,
          captures: undefined,
          request: { ...mine.request, path: requestWithId(ctx.op, '{{id}}').path },
        },
        createStep(ctx, peerCreate, 'vocab-peer-obj', undefined, '{{partnerId3}}', 'example'),
        {
          ...theirs,
          captures: undefined,
          request: { ...theirs.request, path: requestWithId(peer, '{{id}}').path },
        },
      ],
      params,
    );
  },
};
