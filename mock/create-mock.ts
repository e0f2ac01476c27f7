import {
  createServer,
  validateHeaderName,
  validateHeaderValue,
  type RequestListener,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { roleOf, type OperationModel, type OperationRole, type SpecModel } from '../model';
import { isRecord } from '../model/schema-access';
import type { FaultId } from './faults';
import { createHandler } from './handlers/create';
import { hasLongString } from './handlers/write';
import { listHandler } from './handlers/list';
import { maintenanceReply } from './handlers/maintenance';
import { readHandler } from './handlers/read';
import { searchHandler } from './handlers/search';
import { updateHandler } from './handlers/update';
import {
  JSON_CONTENT_TYPE,
  readBody,
  responseOf,
  writeResponse,
  type BodyRead,
  type MockReply,
  type MockRequest,
  type MockResponse,
} from './http-io';
import { apiKeyOf } from './auth';
import { parseRequestBody } from './request-body';
import { createRateLimiter, rateLimitHeaders, type RateLimitState } from './rate-limit';
import { createRouter, splitUrl } from './routes';
import { createState } from './state';
import {
  DEFAULT_MOCK_API_KEY,
  type Handler,
  type Mock,
  type MockOptions,
  type RequestContext,
} from './types';

export const DEFAULT_RATE_LIMIT = { limit: 1000, windowSeconds: 60 } as const;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** The fault's threshold: strings longer than this make the buggy server fail. */
const LONG_STRING = 200;
/** Who is served when the auth-ignored fault lets a request without a key in. */
const ANONYMOUS = '\u0000anonymous';
const REQUEST_TIMEOUT_MS = 30_000;

const HANDLERS: Partial<Record<OperationRole, Handler>> = {
  create: createHandler,
  read: readHandler,
  update: updateHandler,
  search: searchHandler,
  list: listHandler,
};

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
  let maintenance = options.maintenance ?? false;
  let faults = new Set<FaultId>(options.faults ?? []);

  const state = createState(spec, options, () => faults);
  const limiter = createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const route = createRouter(spec.operations);

  const answeredOnce = new Set<string>();
  const serve = (
    op: OperationModel,
    req: MockRequest,
    ctx: RequestContext,
    read: BodyRead,
  ): MockReply => {
    if (maintenance && op.responses['503']) return maintenanceReply(state, op);
    if (faults.has('flaky-503') && op.responses['503'] && !answeredOnce.has(op.operationId)) {
      answeredOnce.add(op.operationId);
      return {
        status: 503,
        body: state.envelopes.failure(op, 503, { code: 'BUSY', message: 'Busy, try again' }),
      };
    }
    const body = parseRequestBody(state, op, req.headers['content-type'], read, maxBodyBytes);
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
    op: OperationModel | undefined,
    reply: MockReply,
    rate?: RateLimitState,
  ): MockResponse => {
    const headers = { ...reply.headers };
    if (op && rate && !faults.has('missing-rate-limit-headers')) {
      const shown = faults.has('rate-limit-epoch-reset')
        ? {
            ...rate,
            remaining: rate.limit,
            resetSeconds: Math.floor(now() / 1000) + rate.resetSeconds,
          }
        : faults.has('rate-limit-remaining-stuck')
          ? { ...rate, remaining: rate.limit }
          : rate;
      const documented = op.responses[String(reply.documentedStatus ?? reply.status)];
      Object.assign(headers, rateLimitHeaders(documented?.headers ?? [], shown));
    }
    if (
      faults.has('envelope-says-success') &&
      reply.status === 400 &&
      isRecord(reply.body) &&
      isRecord(reply.body.info)
    ) {
      reply.body.info.success = true;
    }
    const contentType = faults.has('text-plain-content-type')
      ? 'text/plain; charset=utf-8'
      : JSON_CONTENT_TYPE;
    return responseOf({ ...reply, headers }, contentType);
  };

  const respond = (req: MockRequest): MockResponse => {
    const read: BodyRead =
      req.body.kind === 'complete' && req.body.bytes > maxBodyBytes
        ? { kind: 'too-large', bytes: req.body.bytes }
        : req.body;
    const target = splitUrl(req.url);
    const match = target ? route(req.method, target.path) : { kind: 'not-found' as const };
    if (match.kind === 'not-found' || !target) {
      return finish(undefined, {
        status: 404,
        body: { message: `Not Found: no operation at ${req.method} ${target?.path ?? req.url}` },
      });
    }
    if (match.kind === 'method-not-allowed') {
      return finish(undefined, {
        status: 405,
        body: {
          message: `Method Not Allowed: ${req.method} ${target.path} (allowed: ${match.allow.join(', ')})`,
        },
        headers: { Allow: match.allow.join(', ') },
      });
    }
    const { op } = match;
    const key = apiKeyOf(spec, op, req.headers, target.query);
    let owner = key ?? ANONYMOUS;
    if (key === null) {
      if (!faults.has('auth-ignored'))
        return finish(op, {
          status: 401,
          body: state.envelopes.example(op, 401, 'Missing API key'),
        });
      owner = ANONYMOUS;
    } else if (key !== undefined && !apiKeys.has(key)) {
      const status = faults.has('bad-key-401') ? 401 : 403;
      return finish(op, { status, body: state.envelopes.example(op, status, 'Forbidden') });
    } else if (
      faults.has('search-refuses-second-key') &&
      roleOf(op) === 'search' &&
      key === [...apiKeys][1]
    ) {
      return finish(op, { status: 403, body: state.envelopes.example(op, 403, 'Forbidden') });
    }
    const rate = limiter.hit(owner, now());
    if (!rate.allowed && !faults.has('no-rate-limit')) {
      return finish(
        op,
        { status: 429, body: state.envelopes.example(op, 429, 'Too many requests') },
        rate,
      );
    }
    const ctx: RequestContext = {
      op,
      owner,
      pathParams: match.pathParams,
      query: target.query,
      body: undefined,
    };
    return finish(op, serve(op, req, ctx, read), rate);
  };

  const internalError = (error: unknown): MockResponse => {
    options.onError?.(error);
    return responseOf({ status: 500, body: { message: 'Internal Server Error' } });
  };

  /**
   * A handler's bug is the client's 500, never the mock's crash; so is a header node:http would
   * refuse to write (names come from the spec it is given), checked here so that the in-process
   * transport answers what the socket would.
   */
  const answer = (req: MockRequest): MockResponse => {
    try {
      const response = respond(req);
      for (const [name, value] of Object.entries(response.headers)) {
        validateHeaderName(name);
        validateHeaderValue(name, String(value));
      }
      return response;
    } catch (error) {
      return internalError(error);
    }
  };

  const app: RequestListener = (req, res) => {
    readBody(req, maxBodyBytes)
      .then((body) => {
        if (body.kind === 'aborted') return;
        const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
        writeResponse(res, answer({ ...request, body }));
      })
      .catch((error: unknown) => writeResponse(res, internalError(error)));
  };

  return {
    app,
    respond: answer,
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
      state.store.clear();
      limiter.reset();
      state.restart();
    },
    setMaintenance(on) {
      maintenance = on;
    },
    setFaults(ids) {
      faults = new Set(ids);
    },
  };
}
