import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ERROR_CODES,
  roleOf,
  type OperationModel,
  type OperationRole,
  type SpecModel,
} from '../src/model';
import { buildCatalogue } from './catalogue';
import { creationDefaults } from './creation-defaults';
import { createEnvelopes } from './envelope';
import type { FaultId } from './faults';
import { parseForecastRules } from './forecast-matrix';
import { createHandler } from './handlers/create';
import { hasLongString } from './handlers/write';
import { listHandler } from './handlers/list';
import { readHandler } from './handlers/read';
import { rejectRule } from './handlers/common';
import { searchHandler } from './handlers/search';
import { updateHandler } from './handlers/update';
import { JSON_CONTENT_TYPE, readBody, writeReply, type BodyRead, type MockReply } from './http-io';
import { createRandom, shapedLike, type Random } from './random';
import { createRateLimiter, rateLimitHeaders, type RateLimitState } from './rate-limit';
import { revenueTypes } from './revenue-types';
import { createRouter } from './routes';
import { isRecord, propertiesOf } from './schema';
import { indexSpec } from './spec-index';
import { FIELDS } from './spec-fields';
import { Store } from './store';
import {
  DEFAULT_MOCK_API_KEY,
  type Handler,
  type Mock,
  type MockOptions,
  type MockState,
  type RequestContext,
} from './types';

export const DEFAULT_RATE_LIMIT = { limit: 1000, windowSeconds: 60 } as const;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** The fault's threshold: strings longer than this make the buggy server fail. */
const LONG_STRING = 200;
/** Who is served when the auth-ignored fault lets a request without a key in. */
const ANONYMOUS = '\u0000anonymous';
const FALLBACK_ID_SHAPE = 'XXXX-XXXXXX';
const REQUEST_TIMEOUT_MS = 30_000;

const HANDLERS: Partial<Record<OperationRole, Handler>> = {
  create: createHandler,
  read: readHandler,
  update: updateHandler,
  search: searchHandler,
  list: listHandler,
};

/** A Random whose sequence can start over (reset()) without rewiring its users. */
function resettableRandom(seed: number): Random & { restart(): void } {
  let inner = createRandom(seed);
  return {
    next: () => inner.next(),
    int: (n) => inner.int(n),
    pick: (items) => inner.pick(items),
    restart: () => (inner = createRandom(seed)),
  };
}

/** The documented shape of a new 3DS id: the 201 example's (`9YEL-Y3W56Q`). */
function idShape(spec: SpecModel): string {
  for (const op of spec.operations.filter((o) => roleOf(o) === 'create')) {
    for (const response of Object.values(op.responses)) {
      for (const example of response.json?.examples ?? []) {
        const id = isRecord(example.value) ? example.value[FIELDS.dsId] : undefined;
        if (typeof id === 'string' && id) return id;
      }
    }
  }
  return FALLBACK_ID_SHAPE;
}

function splitUrl(url: string): { path: string; query: URLSearchParams } | undefined {
  let target = url;
  if (!target.startsWith('/')) {
    try {
      const parsed = new URL(target);
      target = parsed.pathname + parsed.search;
    } catch {
      return undefined;
    }
  }
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}

const mediaType = (header: string | undefined): string =>
  (header ?? '').split(';')[0].trim().toLowerCase();

function checkOptions(options: MockOptions): void {
  const rl = options.rateLimit;
  if (rl && !(Number.isInteger(rl.limit) && rl.limit >= 0 && rl.windowSeconds > 0)) {
    throw new RangeError(
      `rateLimit must be a non-negative integer limit and a positive window, got ${JSON.stringify(rl)}`,
    );
  }
}

export function createMock(spec: SpecModel, options: MockOptions = {}): Mock {
  checkOptions(options);
  const apiKeys = new Set(options.apiKeys ?? [DEFAULT_MOCK_API_KEY]);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.clock ?? Date.now;
  const seed = options.seed ?? 1;
  let maintenance = options.maintenance ?? false;
  let faults = new Set<FaultId>(options.faults ?? []);

  const index = indexSpec(spec);
  const random = resettableRandom(seed);
  const store = new Store();
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const route = createRouter(spec.operations);
  const shape = idShape(spec);
  const defaultsByVersion = new Map<string, Record<string, unknown>>();
  const catalogues = new Map<string, unknown[]>();
  const createResource = propertiesOf(index.createBody(index.latest))[FIELDS.resource];

  const state: MockState = {
    index,
    store,
    envelopes: createEnvelopes(spec, () => now(), random),
    get faults() {
      return faults;
    },
    now: () => now(),
    random,
    revenue: revenueTypes(index),
    forecast: parseForecastRules(
      propertiesOf(createResource)[FIELDS.forecastCategory],
      propertiesOf(createResource)[FIELDS.status],
    ),
    defaults(version) {
      let defaults = defaultsByVersion.get(version);
      if (!defaults) {
        defaults = creationDefaults(propertiesOf(index.createBody(version))[FIELDS.resource]);
        defaultsByVersion.set(version, defaults);
      }
      return defaults;
    },
    catalogue(op) {
      let items = catalogues.get(op.operationId);
      if (!items) {
        items = buildCatalogue(op, options.catalogueSize, seed);
        catalogues.set(op.operationId, items);
      }
      return items;
    },
    newId() {
      let id = shapedLike(shape, random);
      while (store.has(id)) id = shapedLike(shape, random);
      return id;
    },
  };

  /** The API key the operation's security scheme names, as sent (undefined: none required). */
  const keyOf = (
    op: OperationModel,
    req: IncomingMessage,
    query: URLSearchParams,
  ): string | null | undefined => {
    const schemes = spec.securitySchemes.filter(
      (s) => op.security.includes(s.name) && s.type === 'apiKey',
    );
    if (schemes.length === 0) return undefined;
    for (const scheme of schemes) {
      const name = scheme.paramName ?? '';
      const value = scheme.in === 'query' ? query.get(name) : req.headers[name.toLowerCase()];
      const text = Array.isArray(value) ? value[0] : value;
      if (text) return text;
    }
    return null;
  };

  /** The parsed body, or the documented 400 for a body that cannot be one. */
  const parseBody = (
    op: OperationModel,
    req: IncomingMessage,
    read: BodyRead,
  ): { parsed: unknown } | { rejected: MockReply } => {
    const body = op.requestBody;
    if (!body || read.kind === 'aborted') return { parsed: undefined };
    const reject = (
      kind: 'malformed-json' | 'wrong-content-type' | 'empty-body',
      message: string,
    ) => ({
      rejected: rejectRule(state, op, {
        kind,
        pointer: kind === 'wrong-content-type' ? '/headers/content-type' : '/body',
        message,
      }),
    });
    if (read.kind === 'too-large')
      return reject('malformed-json', `request body larger than ${maxBodyBytes} bytes`);
    if (read.text.trim() === '') {
      return body.required
        ? reject('empty-body', 'request body is required')
        : { parsed: undefined };
    }
    const type = mediaType(req.headers['content-type']);
    if (!body.contents.some((c) => mediaType(c.contentType) === type)) {
      const documented = body.contents.map((c) => c.contentType).join(', ');
      return reject('wrong-content-type', `Content-Type ${type || '(none)'} is not ${documented}`);
    }
    try {
      return { parsed: JSON.parse(read.text) as unknown };
    } catch {
      return reject('malformed-json', 'request body is not valid JSON');
    }
  };

  const serve = (
    op: OperationModel,
    req: IncomingMessage,
    ctx: RequestContext,
    read: BodyRead,
  ): MockReply => {
    if (maintenance && op.responses['503']) {
      const code = ERROR_CODES.maintenance;
      const body = state.envelopes.failure(op, 503, {
        code,
        message: state.envelopes.messageFor(code) ?? code,
      });
      if (faults.has('maintenance-wrong-shape') && isRecord(body) && isRecord(body.error))
        delete body.error.code;
      return { status: 503, body };
    }
    const body = parseBody(op, req, read);
    if ('rejected' in body) return body.rejected;
    ctx.body = body.parsed;
    if (faults.has('server-error-on-long-string') && hasLongString(ctx.body, LONG_STRING)) {
      return { status: 500, body: { message: 'Internal Server Error' } };
    }
    const handler = HANDLERS[roleOf(op)];
    if (!handler)
      return { status: 501, body: { message: `${op.operationId} is not implemented by the mock` } };
    return handler(ctx, state);
  };

  const finish = (
    res: ServerResponse,
    op: OperationModel | undefined,
    reply: MockReply,
    rate?: RateLimitState,
  ): void => {
    const headers = { ...reply.headers };
    if (op && rate && !faults.has('missing-rate-limit-headers')) {
      const shown = faults.has('rate-limit-remaining-stuck')
        ? { ...rate, remaining: rate.limit }
        : rate;
      const documented = op.responses[String(reply.documentedStatus ?? reply.status)];
      Object.assign(headers, rateLimitHeaders(documented?.headers ?? [], shown));
    }
    const contentType = faults.has('text-plain-content-type')
      ? 'text/plain; charset=utf-8'
      : JSON_CONTENT_TYPE;
    writeReply(res, { ...reply, headers }, contentType);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const read = await readBody(req, maxBodyBytes);
    if (read.kind === 'aborted') return;
    const target = splitUrl(req.url ?? '/');
    const match = target ? route(req.method ?? 'GET', target.path) : { kind: 'not-found' as const };
    if (match.kind === 'not-found' || !target) {
      return finish(res, undefined, {
        status: 404,
        body: { message: `Not Found: no operation at ${req.method} ${target?.path ?? req.url}` },
      });
    }
    if (match.kind === 'method-not-allowed') {
      return finish(res, undefined, {
        status: 405,
        body: {
          message: `Method Not Allowed: ${req.method} ${target.path} (allowed: ${match.allow.join(', ')})`,
        },
        headers: { Allow: match.allow.join(', ') },
      });
    }
    const { op } = match;
    const key = keyOf(op, req, target.query);
    let owner = key ?? ANONYMOUS;
    if (key === null) {
      if (!faults.has('auth-ignored'))
        return finish(res, op, { status: 401, body: state.envelopes.example(op, 401) });
      owner = ANONYMOUS;
    } else if (key !== undefined && !apiKeys.has(key)) {
      const status = faults.has('bad-key-401') ? 401 : 403;
      return finish(res, op, { status, body: state.envelopes.example(op, status) });
    }
    const rate = limiter.hit(owner, now());
    if (!rate.allowed && !faults.has('no-rate-limit')) {
      return finish(res, op, { status: 429, body: state.envelopes.example(op, 429) }, rate);
    }
    const ctx: RequestContext = {
      op,
      owner,
      pathParams: match.pathParams,
      query: target.query,
      body: undefined,
    };
    finish(res, op, serve(op, req, ctx, read), rate);
  };

  const app: RequestListener = (req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error);
      writeReply(res, { status: 500, body: { message: 'Internal Server Error' } });
    });
  };

  return {
    app,
    async listen(port = 0, host = '127.0.0.1') {
      const server = createServer(app);
      // A client that never finishes its request is dropped rather than held for Node's 5 minutes.
      server.requestTimeout = REQUEST_TIMEOUT_MS;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return {
        url: `http://${shownHost}:${address.port}`,
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.close((err) => (err ? reject(err) : resolve()));
            server.closeAllConnections();
          }),
      };
    },
    reset() {
      store.clear();
      limiter.reset();
      random.restart();
    },
    setMaintenance(on) {
      maintenance = on;
    },
    setFaults(ids) {
      faults = new Set(ids);
    },
  };
}
