import { contentTypeConformance } from '../checks/content-type-conformance';
import { notAServerError } from '../checks/not-a-server-error';
import { rateLimitHeaders } from '../checks/rate-limit-headers';
import { responseSchemaConformance } from '../checks/response-schema-conformance';
import { statusCodeConformance } from '../checks/status-code-conformance';
import type { ResponseCheck, Verdict } from '../checks/types';
import { skip } from '../checks/types';
import type { Exchange, HttpRequest } from '../model/exchange';
import { roleOf, type OperationModel } from '../model';
import type { CheckBook } from './check-book';
import type { SendOptions, Session } from './session';

export const RESPONSE_CHECK_FUNCTIONS: ResponseCheck[] = [
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  rateLimitHeaders,
  notAServerError,
];

/** Objects this run created, per operation version, for later reads, updates and searches. */
export interface CreatedRecord {
  version: string;
  createdBy: string;
  dsLeadOpportunityId: string;
  partnerLeadOpportunityId?: string;
  /** The body that created it. */
  body: Record<string, unknown>;
}

export interface RunState {
  created: CreatedRecord[];
  /** Exchanges sent with the run's own key and client, per operation, in order. */
  ownExchanges: Map<string, Exchange[]>;
}

export function newRunState(): RunState {
  return { created: [], ownExchanges: new Map() };
}

export interface ScenarioContext {
  session: Session;
  book: CheckBook;
  op: OperationModel;
  operations: OperationModel[];
  state: RunState;
}

/**
 * Send a request on behalf of `op`: every answer goes through the response checks, and an
 * inconclusive one (still rate limited) is recorded as a skip of `check`.
 */
export async function exchangeFor(
  ctx: ScenarioContext,
  check: string,
  request: HttpRequest,
  options: SendOptions = {},
  op: OperationModel = ctx.op,
): Promise<Exchange | undefined> {
  const result = await ctx.session.send(request, options);
  const exchange = result.exchange;
  if (exchange && options.apiKey === undefined && options.client === undefined) {
    const list = ctx.state.ownExchanges.get(op.operationId) ?? [];
    list.push(exchange);
    ctx.state.ownExchanges.set(op.operationId, list);
  }
  if (exchange) {
    for (const rc of RESPONSE_CHECK_FUNCTIONS) {
      ctx.book.record(
        op.operationId,
        rc.name,
        rc.run({ spec: ctx.session.spec, op, exchange }),
        exchange,
      );
    }
  }
  if (result.kind === 'inconclusive') {
    ctx.book.record(op.operationId, check, skip(result.reason), exchange);
    return undefined;
  }
  return exchange;
}

export function judge(
  ctx: ScenarioContext,
  check: string,
  verdict: Verdict,
  exchange?: Exchange,
  op = ctx.op,
): void {
  ctx.book.record(op.operationId, check, verdict, exchange);
}

/**
 * Creates and updates are never sent to production: for a write operation there, each of the
 * given checks is recorded as skipped, and the caller stops.
 */
export function writesRefused(ctx: ScenarioContext, ...checks: string[]): boolean {
  const role = roleOf(ctx.op);
  if ((role !== 'create' && role !== 'update') || ctx.session.writesAllowed) return false;
  for (const check of checks) judge(ctx, check, skip('write operation: not sent to production'));
  return true;
}
