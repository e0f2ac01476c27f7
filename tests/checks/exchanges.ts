/**
 * Builders for the checks' fixture tests: exchanges as a target would answer them, bodies taken
 * from the spec's own examples with single fields changed, and verdicts reduced to what a user
 * reads (pass with its excuses, failure kind/pointer/expected, skip reason).
 */
import {
  CHECKS,
  type JudgeContext,
  type ResponseCheck,
  type ScenarioCheck,
  type SequenceJudge,
  type Verdict,
} from '../../checks';
import {
  idParameterOf,
  requestFor,
  requestWithId,
  segmentsOf,
  type AnsweredExchange,
  type HttpRequest,
  type HttpResponse,
  type IncompleteBody,
  type OperationModel,
  type SpecModel,
} from '../../model';

export type Json = Record<string, unknown>;

/** The operations of the spec, by id. */
export const OPS = {
  createV0: 'createLeadsOpportunities',
  readV0: 'getLeadsOpportunities',
  updateV0: 'updateLeadOpportunitiesDetails',
  search: 'searchLeadsOpportunities',
  portfolio: 'searchPortfolioItems',
  createV1: 'createLeadsOpportunities_v1',
  readV1: 'getLeadsOpportunities_v1',
  updateV1: 'updateLeadOpportunitiesDetails_v1',
} as const;

/** What every judge reads: the real spec and one of its operations. */
export function contextFor(spec: SpecModel, operationId: string): JudgeContext {
  return { spec, op: spec.operation(operationId), operations: spec.operations };
}

// ---------------------------------------------------------------------------------------------
// Bodies

/** A copy of a documented response example's value (the first one, or the one named). */
export function responseExample(op: OperationModel, status: string, name?: string): Json {
  const examples = op.responses[status]?.json?.examples ?? [];
  const found = name ? examples.find((e) => e.name === name) : examples[0];
  if (!found) throw new Error(`${op.operationId} documents no ${status} example ${name ?? ''}`);
  return structuredClone(found.value) as Json;
}

/** A copy of a documented request example's value (the first one, or the one named). */
export function requestExample(op: OperationModel, name?: string): Json {
  const examples = op.requestBody?.json?.examples ?? [];
  const found = name ? examples.find((e) => e.name === name) : examples[0];
  if (!found) throw new Error(`${op.operationId} documents no request example ${name ?? ''}`);
  return structuredClone(found.value) as Json;
}

/** Marks a property to delete in `edited`. */
export const REMOVE = Symbol('remove');

/** A copy of `value` with the property at `pointer` (`/info/statusCode`) set, or removed. */
export function edited<T>(value: T, pointer: string, next: unknown): T {
  const copy = structuredClone(value);
  const parts = segmentsOf(pointer);
  const last = parts.pop();
  if (last === undefined) throw new Error(`cannot edit the root (${pointer})`);
  let node: unknown = copy;
  for (const part of parts) {
    if (typeof node !== 'object' || node === null) throw new Error(`no ${pointer} to edit`);
    node = (node as Json)[part];
  }
  if (typeof node !== 'object' || node === null) throw new Error(`no ${pointer} to edit`);
  if (next === REMOVE) delete (node as Json)[last];
  else (node as Json)[last] = next;
  return copy;
}

/** Several edits, in order. */
export function editedAll<T>(value: T, edits: Record<string, unknown>): T {
  return Object.entries(edits).reduce((v, [pointer, next]) => edited(v, pointer, next), value);
}

/**
 * A read (GET 200) body of the object a create or update body describes: the reader's own
 * documented example, its leadOpportunity overlaid with what was sent, the lists and the
 * customer entity where the read shape keeps them (inside leadOpportunity, singular names).
 */
export function readBodyOf(reader: OperationModel, sent: Json): Json {
  const body = responseExample(reader, '200');
  const data = body.data as Json;
  const lead = { ...(data.leadOpportunity as Json), ...(sent.leadOpportunity as Json) };
  if (sent.offerLines !== undefined) lead.offerLines = structuredClone(sent.offerLines);
  if (sent.customerLegalEntity !== undefined)
    lead.customerLegalEntity = structuredClone(sent.customerLegalEntity);
  if (sent.customerContacts !== undefined)
    lead.customerContact = structuredClone(sent.customerContacts);
  if (sent.partnerContacts !== undefined)
    lead.partnerContact = structuredClone(sent.partnerContacts);
  data.leadOpportunity = lead;
  return body;
}

// ---------------------------------------------------------------------------------------------
// Exchanges

export const T0 = '2025-09-01T10:00:00.000Z';

/** `T0` plus some seconds, as an ISO timestamp. */
export const at = (seconds: number): string =>
  new Date(Date.parse(T0) + seconds * 1000).toISOString();

export interface RateLimit {
  limit: number | string;
  remaining: number | string;
  reset: number | string;
}

export const rateLimitHeaders = (r: RateLimit): Record<string, string> => ({
  'x-ratelimit-limit': String(r.limit),
  'x-ratelimit-remaining': String(r.remaining),
  'x-ratelimit-reset': String(r.reset),
});

export interface ResponseParts {
  /** Replaces `application/json`; `null` sends no Content-Type. */
  contentType?: string | null;
  /** The X-RateLimit-* values; `null` sends none. Default: Limit 100, Remaining 42, Reset 27. */
  rateLimit?: RateLimit | null;
  /** More headers (lower-case names). */
  headers?: Record<string, string>;
  repeatedHeaders?: Record<string, string[]>;
  /** The body text, when it is not the JSON of `body`. */
  text?: string;
  incomplete?: IncompleteBody;
  invalidUtf8At?: number;
  jsonError?: string;
  durationMs?: number;
}

/** A response carrying `body` as JSON text (`undefined`: no JSON body, see `parts.text`). */
export function response(status: number, body: unknown, parts: ResponseParts = {}): HttpResponse {
  const text = parts.text ?? (body === undefined ? '' : JSON.stringify(body));
  const headers: Record<string, string> = {
    ...(parts.contentType === null
      ? {}
      : { 'content-type': parts.contentType ?? 'application/json' }),
    ...(parts.rateLimit === null
      ? {}
      : rateLimitHeaders(parts.rateLimit ?? { limit: 100, remaining: 42, reset: 27 })),
    ...parts.headers,
  };
  const out: HttpResponse = {
    status,
    headers,
    text,
    bytes: Buffer.byteLength(text),
    durationMs: parts.durationMs ?? 0,
  };
  if (body !== undefined) out.body = body;
  if (parts.repeatedHeaders) out.repeatedHeaders = parts.repeatedHeaders;
  if (parts.incomplete) out.incomplete = parts.incomplete;
  if (parts.invalidUtf8At !== undefined) out.invalidUtf8At = parts.invalidUtf8At;
  if (parts.jsonError !== undefined) out.jsonError = parts.jsonError;
  return out;
}

/** A request to `op`: to the object `id` where the operation takes one, with `body` if given. */
export function requestTo(op: OperationModel, body?: unknown, id = 'HCRQ-F1LLDE'): HttpRequest {
  if (idParameterOf(op)) return requestWithId(op, id, body);
  return requestFor(op, body === undefined ? {} : { body });
}

export interface ExchangeParts extends ResponseParts {
  request?: HttpRequest;
  /** The request body (ignored when `request` is given). */
  sent?: unknown;
  startedAt?: string;
}

/** `op` answered `status` with `body`. */
export function answer(
  op: OperationModel,
  status: number,
  body?: unknown,
  parts: ExchangeParts = {},
): AnsweredExchange {
  return {
    request: parts.request ?? requestTo(op, parts.sent),
    response: response(status, body, parts),
    startedAt: parts.startedAt ?? T0,
  };
}

/** An error body in the shape of the operation's documented example for `status`, with `code`. */
export function errorBody(op: OperationModel, status: number, code?: string): Json {
  const body = responseExample(op, String(status));
  const key = 'errors' in body ? 'errors' : 'error';
  return { ...body, [key]: code === undefined ? {} : { code, message: `${code} (test)` } };
}

// ---------------------------------------------------------------------------------------------
// Checks

export function responseCheck(name: string): ResponseCheck {
  const check = CHECKS.find((c) => c.name === name);
  if (!check || check.kind !== 'response') throw new Error(`no response check named ${name}`);
  return check;
}

export function scenarioCheck(name: string): ScenarioCheck {
  const check = CHECKS.find((c) => c.name === name);
  if (!check || check.kind !== 'scenario') throw new Error(`no scenario check named ${name}`);
  return check;
}

/** A scenario check's sequence judge, by the names the engine and replays use. */
export function sequenceJudge(check: string, sequence: string): SequenceJudge {
  const judge = scenarioCheck(check).sequences?.[sequence];
  if (!judge) throw new Error(`${check} has no sequence judge named ${sequence}`);
  return judge;
}

// ---------------------------------------------------------------------------------------------
// Verdicts, as a user reads them

export type Summary =
  | { verdict: 'pass'; excused?: string[] }
  | { verdict: 'fail'; kind: string; pointer?: string; expected: string; actual: string }
  | { verdict: 'skip'; reason: string; inconclusive?: true };

/** A verdict reduced to what the tests compare; excuses by name, sorted. */
export function summary(verdict: Verdict): Summary {
  switch (verdict.kind) {
    case 'pass':
      return verdict.excused?.length
        ? { verdict: 'pass', excused: verdict.excused.map((e) => e.name).sort() }
        : { verdict: 'pass' };
    case 'fail': {
      const { kind, pointer, expected, actual } = verdict.failure;
      return { verdict: 'fail', kind, pointer, expected, actual };
    }
    case 'skip':
      return verdict.inconclusive
        ? { verdict: 'skip', reason: verdict.reason, inconclusive: true }
        : { verdict: 'skip', reason: verdict.reason };
  }
}

/** A pass that needed no excuse. */
export const PASSED = { verdict: 'pass' } as const;

/** A pass that took exactly these excuses. */
export const excused = (...names: string[]) => ({ verdict: 'pass', excused: [...names].sort() });

/** A failure of this kind, at this pointer, whose `expected` contains `expectedPart`. */
export function failed(kind: string, pointer: string | undefined, expectedPart: string) {
  return {
    verdict: 'fail',
    kind,
    pointer,
    expected: expect.stringContaining(expectedPart),
    actual: expect.any(String),
  };
}

/** The same, and `actual` contains `actualPart`. */
export function failedShowing(
  kind: string,
  pointer: string | undefined,
  expectedPart: string,
  actualPart: string,
) {
  return { ...failed(kind, pointer, expectedPart), actual: expect.stringContaining(actualPart) };
}

/** A skip (never a pass, never a failure) whose reason contains `reasonPart`. */
export const skipped = (reasonPart: string) => ({
  verdict: 'skip',
  reason: expect.stringContaining(reasonPart),
});

/** A skip because the target kept the check from concluding. */
export const inconclusive = (reasonPart: string) => ({
  ...skipped(reasonPart),
  inconclusive: true,
});
