import { randomBytes } from 'node:crypto';
import type { HttpClient } from './http/client';
import type { Exchange, HttpRequest, HttpResponse } from '../model/exchange';
import type { SpecModel } from '../model';
import { readRateLimit } from '../checks/rate-limit-headers';
import type { RunConfig, ResolvedTarget } from './config';
import type { CreatedObject } from './types';

/** What only the built-in mock can do: switch maintenance on, start a small-quota twin. */
export interface TargetControl {
  setMaintenance(on: boolean): void;
  /** A fresh mock with a small quota, for the exhaustion probe; closed by the caller. */
  withQuota(
    limit: number,
    windowSeconds: number,
  ): Promise<{ client: HttpClient; close(): Promise<void> }>;
}

export interface SendOptions {
  /** The exhaustion probe wants the 429s: no waiting, no retry. */
  expectRateLimit?: boolean;
  /** The maintenance check wants the 503 as is. */
  expect503?: boolean;
  /** Send without the API key, or with another key (auth checks). */
  apiKey?: string | null;
  client?: HttpClient;
}

export type SendResult =
  | { kind: 'answered'; exchange: Exchange }
  /** No conclusion possible (still rate limited after waiting): the check is skipped. */
  | { kind: 'inconclusive'; reason: string; exchange?: Exchange };

/** The longest a run waits for a rate-limit window or a Retry-After before giving up. */
export const MAX_WAIT_MS = 120_000;
const RETRIES_ON_503 = 2;

export interface Session {
  spec: SpecModel;
  config: RunConfig;
  target: ResolvedTarget;
  keyHeader: string;
  /**
   * Distinguishes the suite files of one run: they share the run id and seed, and against one
   * shared server their generated partner ids must not collide (ERR801).
   */
  idTag: string;
  /** Creates and updates are off against production. */
  writesAllowed: boolean;
  exchanges: Exchange[];
  createdObjects: CreatedObject[];
  control?: TargetControl;
  /** A second key of the same client, when there is one: objects must not cross keys. */
  otherApiKey?: string;
  send(request: HttpRequest, options?: SendOptions): Promise<SendResult>;
  close(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function waitFromHeaders(response: HttpResponse): number | undefined {
  const retryAfter = response.headers['retry-after'];
  if (retryAfter && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const reading = readRateLimit(response.headers);
  return reading ? reading.reset * 1000 : undefined;
}

export interface SessionParts {
  spec: SpecModel;
  config: RunConfig;
  target: ResolvedTarget;
  client: HttpClient;
  apiKey: string;
  otherApiKey?: string;
  control?: TargetControl;
  close?: () => Promise<void>;
  /** Tests pass a fake sleep so budget waits cost nothing. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The one way requests reach a target. It adds the key, records every exchange, and keeps
 * the run inside the target's quota: it waits for the window when X-RateLimit-Remaining hits
 * 0, treats a 429 as "wait for Reset (or Retry-After), retry once", and retries a 503 a
 * bounded number of times.
 */
export function createSession(parts: SessionParts): Session {
  const keyScheme = parts.spec.securitySchemes.find(
    (s) => s.type === 'apiKey' && s.in === 'header',
  );
  const keyHeader = keyScheme?.paramName ?? 'X-API-Key';
  const pause = parts.sleep ?? sleep;
  let waitUntil = 0;
  const exchanges: Exchange[] = [];

  async function once(request: HttpRequest, options: SendOptions): Promise<Exchange> {
    const client = options.client ?? parts.client;
    const headers = { ...request.headers };
    const key = options.apiKey === undefined ? parts.apiKey : options.apiKey;
    if (key !== null) headers[keyHeader] = key;
    const sent: HttpRequest = { ...request, headers };
    const startedAt = new Date().toISOString();
    const response = await client.send(sent);
    const exchange = { request: sent, response, startedAt };
    exchanges.push(exchange);
    if (!options.expectRateLimit) {
      const reading = readRateLimit(response.headers);
      if (reading && reading.remaining === 0) waitUntil = Date.now() + reading.reset * 1000;
    }
    return exchange;
  }

  async function send(request: HttpRequest, options: SendOptions = {}): Promise<SendResult> {
    if (!options.expectRateLimit && waitUntil > Date.now()) {
      await pause(Math.min(waitUntil - Date.now(), MAX_WAIT_MS));
    }
    let exchange = await once(request, options);
    if (exchange.response.status === 429 && !options.expectRateLimit) {
      const wait = waitFromHeaders(exchange.response) ?? 1000;
      if (wait > MAX_WAIT_MS) {
        return {
          kind: 'inconclusive',
          reason: `rate limited for ${Math.round(wait / 1000)} s`,
          exchange,
        };
      }
      await pause(wait);
      exchange = await once(request, options);
      if (exchange.response.status === 429) {
        return {
          kind: 'inconclusive',
          reason: 'still rate limited (429) after waiting for Reset',
          exchange,
        };
      }
    }
    for (
      let i = 0;
      i < RETRIES_ON_503 && exchange.response.status === 503 && !options.expect503;
      i++
    ) {
      await pause(1000 * (i + 1));
      exchange = await once(request, options);
    }
    return { kind: 'answered', exchange };
  }

  return {
    spec: parts.spec,
    config: parts.config,
    target: parts.target,
    keyHeader,
    idTag: randomBytes(2).toString('hex').toUpperCase(),
    writesAllowed: !parts.target.isProduction,
    exchanges,
    createdObjects: [],
    control: parts.control,
    otherApiKey: parts.otherApiKey,
    send,
    close: parts.close ?? (async () => undefined),
  };
}
