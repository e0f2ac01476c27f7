import type { RequestListener } from 'node:http';
import type { OperationModel } from '../model';
import type { Envelopes } from './envelope';
import type { FaultId } from './faults';
import type { MockReply, MockRequest, MockResponse } from './http-io';
import type { Random } from './random';
import type { RevenueTypes } from './revenue-types';
import type { SpecIndex } from './spec-index';
import type { Store } from './store';
import type { ForecastRules } from '../model/forecast-matrix';

/** The key the mock accepts when none is configured: a sandbox key, safe to print. */
export const DEFAULT_MOCK_API_KEY = 'mock-api-key';

export interface MockOptions {
  /** Accepted API keys (default: [DEFAULT_MOCK_API_KEY]). */
  apiKeys?: string[];
  /** Fixed window per key (default: 1000 requests per 60 s). */
  rateLimit?: { limit: number; windowSeconds: number };
  maintenance?: boolean;
  faults?: FaultId[];
  /** Milliseconds since the epoch (default: Date.now). */
  clock?: () => number;
  /** Seeds ids, trace ids and the portfolio catalogue (default 1). */
  seed?: number;
  /** Bodies larger than this are refused with the operation's 400 (default 1 MiB). */
  maxBodyBytes?: number;
  /** Number of portfolio items (default DEFAULT_CATALOGUE_SIZE). */
  catalogueSize?: number;
  /** Called with any error a handler throws (the client gets a 500); silent by default. */
  onError?: (error: unknown) => void;
}

export interface ListeningMock {
  url: string;
  close(): Promise<void>;
}

export interface Mock {
  /** A request handler for supertest and http.createServer. */
  app: RequestListener;
  /** The same answer without a socket: what `app` would write for this request. */
  respond(request: MockRequest): MockResponse;
  listen(port?: number, host?: string): Promise<ListeningMock>;
  /** Forget every object and rate-limit window; faults and maintenance stay as set. */
  reset(): void;
  setMaintenance(on: boolean): void;
  setFaults(ids: FaultId[]): void;
}

/** What the handlers share: the spec, the data, the switches. */
export interface MockState {
  index: SpecIndex;
  store: Store;
  envelopes: Envelopes;
  faults: ReadonlySet<FaultId>;
  now(): number;
  random: Random;
  revenue: RevenueTypes;
  forecast: ForecastRules;
  /** Creation defaults read from descriptions, per version. */
  defaults(version: string): Record<string, unknown>;
  /** The listing operation's items (built once per operation). */
  catalogue(op: OperationModel): unknown[];
  newId(): string;
}

export interface RequestContext {
  op: OperationModel;
  /** The API key the request is served for. */
  owner: string;
  pathParams: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body, for operations that take one. */
  body: unknown;
}

export type Handler = (ctx: RequestContext, state: MockState) => MockReply;
