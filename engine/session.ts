import type { KeyChoice } from '../checks/types';
import { readRateLimit } from '../checks/rate-limit-headers';
import {
  isAnswered,
  type AnsweredExchange,
  type Exchange,
  type HttpRequest,
  type OperationModel,
} from '../model';
import type { HttpClient } from './http/client';
import type { Target } from './target';

export interface SendOptions {
  op: OperationModel;
  key?: KeyChoice;
  /** The maintenance check wants its 503 as is. */
  expect503?: boolean;
  /** The exhaustion probe wants its 429s: no waiting, no retry. */
  expectRateLimit?: boolean;
  /** Another client of the same target (the probe's small-quota twin). */
  client?: HttpClient;
}

export type SendOutcome =
  | { kind: 'answered'; exchange: AnsweredExchange }
  /** The target did not answer (timeout, reset): the check that sent it fails. */
  | { kind: 'no-answer'; exchange: Exchange }
  /** Nothing can be concluded (still rate limited, operation unresponsive): the check skips. */
  | { kind: 'inconclusive'; reason: string; exchange?: Exchange };

/**
 * Consecutive requests left unanswered, or whose body was still unfinished at the deadline
 * (a server dripping bytes), after which an operation is no longer sent to: each costs a
 * whole --timeout-ms, and a run must not spend one on every request it would make.
 */
const UNRESPONSIVE_AFTER = 2;
const RETRIES_ON_503 = 2;

export interface SessionHooks {
  /** Every exchange, retries included: each is judged by the response checks. */
  onExchange(exchange: Exchange, op: OperationModel, key: KeyChoice): void;
  /** Something the run did that a reader should know (a wait, a retry). */
  note(op: OperationModel, text: string): void;
  sleep(ms: number): Promise<void>;
}

export interface Session {
  send(request: HttpRequest, options: SendOptions): Promise<SendOutcome>;
  /** Requests actually sent. */
  readonly sent: number;
}

/** The deadline passed before the body was whole: as costly as no answer at all. */
const unfinished = (exchange: AnsweredExchange): boolean =>
  exchange.response.incomplete?.kind === 'timeout';

function waitFromHeaders(exchange: AnsweredExchange): number | undefined {
  const retryAfter = exchange.response.headers['retry-after'];
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  const reading = readRateLimit(exchange.response.headers);
  return reading ? reading.reset * 1000 : undefined;
}

/**
 * The one way requests reach a target. It adds the key, keeps the run inside the target's
 * quota (waits for the window when Remaining reaches 0; a 429 waits for Reset or Retry-After,
 * bounded by --max-wait-s, then one retry), retries a 503 twice, and stops sending to an
 * operation that left its last requests unanswered. Every attempt is handed to the hooks.
 */
export function createSession(
  target: Target,
  maxWaitMs: number,
  unknownKey: string,
  hooks: SessionHooks,
): Session {
  let waitUntil = 0;
  let sent = 0;
  const silent = new Map<string, number>();

  const keyFor = (choice: KeyChoice): string | undefined =>
    choice === 'own'
      ? target.apiKey
      : choice === 'second'
        ? target.secondKey
        : choice === 'unknown'
          ? unknownKey
          : undefined;

  async function once(
    request: HttpRequest,
    options: SendOptions,
    key: KeyChoice,
  ): Promise<Exchange> {
    const headers = { ...request.headers };
    const value = keyFor(key);
    if (value !== undefined) headers[target.keyHeader] = value;
    sent++;
    const exchange = await (options.client ?? target.client).send({ ...request, headers });
    hooks.onExchange(exchange, options.op, key);
    if (isAnswered(exchange) && !options.expectRateLimit && key === 'own') {
      const reading = readRateLimit(exchange.response.headers);
      if (reading && reading.remaining === 0) waitUntil = Date.now() + reading.reset * 1000;
    }
    return exchange;
  }

  async function send(request: HttpRequest, options: SendOptions): Promise<SendOutcome> {
    const op = options.op;
    const key = options.key ?? 'own';
    if ((silent.get(op.operationId) ?? 0) >= UNRESPONSIVE_AFTER) {
      return {
        kind: 'inconclusive',
        reason: `not sent: ${op.operationId} left its last ${UNRESPONSIVE_AFTER} requests unanswered (or their bodies unfinished) within the deadline`,
      };
    }
    if (!options.expectRateLimit && waitUntil > Date.now()) {
      const wait = waitUntil - Date.now();
      if (wait <= maxWaitMs) {
        hooks.note(
          op,
          `waited ${Math.ceil(wait / 1000)} s for the rate-limit window (Remaining 0)`,
        );
        await hooks.sleep(wait);
      }
    }
    const first = await once(request, options, key);
    if (!isAnswered(first)) {
      silent.set(op.operationId, (silent.get(op.operationId) ?? 0) + 1);
      return { kind: 'no-answer', exchange: first };
    }
    silent.set(op.operationId, unfinished(first) ? (silent.get(op.operationId) ?? 0) + 1 : 0);
    let exchange: AnsweredExchange = first;
    if (exchange.response.status === 429 && !options.expectRateLimit) {
      const wait = waitFromHeaders(exchange) ?? 1000;
      if (wait > maxWaitMs) {
        return {
          kind: 'inconclusive',
          reason: `rate limited for ${Math.round(wait / 1000)} s, longer than --max-wait-s ${maxWaitMs / 1000}`,
          exchange,
        };
      }
      hooks.note(op, `429: waited ${Math.ceil(wait / 1000)} s and sent again`);
      await hooks.sleep(wait);
      const again = await once(request, options, key);
      if (!isAnswered(again)) return { kind: 'no-answer', exchange: again };
      exchange = again;
      if (exchange.response.status === 429) {
        return {
          kind: 'inconclusive',
          reason: 'still rate limited (429) after waiting for the window',
          exchange,
        };
      }
    }
    for (
      let i = 0;
      i < RETRIES_ON_503 && exchange.response.status === 503 && !options.expect503;
      i++
    ) {
      hooks.note(op, '503: sent again');
      await hooks.sleep(1000 * (i + 1));
      const again = await once(request, options, key);
      if (!isAnswered(again)) return { kind: 'no-answer', exchange: again };
      exchange = again;
    }
    return { kind: 'answered', exchange };
  }

  return {
    send,
    get sent() {
      return sent;
    },
  };
}
