import request from 'supertest';
import type { HttpRequest, HttpResponse } from '../../model/exchange';

/** The target did not answer at all (refused, DNS, timeout): the run cannot go on. */
export class TargetUnreachableError extends Error {
  constructor(
    readonly baseUrl: string,
    readonly reason: string,
  ) {
    super(`target ${baseUrl} is unreachable: ${reason}`);
    this.name = 'TargetUnreachableError';
  }
}

export interface HttpClient {
  baseUrl: string;
  send(req: HttpRequest): Promise<HttpResponse>;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ECONNABORTED',
]);

function queryString(query: Record<string, string> | undefined): string {
  if (!query || Object.keys(query).length === 0) return '';
  return '?' + new URLSearchParams(query).toString();
}

function parseJson(text: string, contentType: string | undefined): unknown {
  if (!text || !/json/i.test(contentType ?? '')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The request body as bytes on the wire: raw text wins, else JSON. */
export function wireBody(req: HttpRequest): string | undefined {
  if (req.rawBody !== undefined) return req.rawBody;
  if (req.body !== undefined) return JSON.stringify(req.body);
  return undefined;
}

/**
 * One client for every target: supertest against a base URL (the mock listening on
 * 127.0.0.1, or a remote server). Every status is a response, never an exception; only a
 * target that does not answer throws.
 */
export function createHttpClient(baseUrl: string, timeoutMs: number): HttpClient {
  const agent = request(baseUrl);
  return {
    baseUrl,
    async send(req: HttpRequest): Promise<HttpResponse> {
      const started = Date.now();
      const method = req.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
      let test = agent[method](req.path + queryString(req.query))
        .ok(() => true)
        .timeout({ response: timeoutMs, deadline: timeoutMs })
        // Keep the body as text whatever its type: checks decide how to read it.
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done(null, text));
        });
      for (const [name, value] of Object.entries(req.headers)) test = test.set(name, value);
      const body = wireBody(req);
      if (body !== undefined) test = test.send(body);
      try {
        const res = await test;
        const text = typeof res.body === 'string' ? res.body : (res.text ?? '');
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers as Record<string, unknown>)) {
          headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
        }
        return {
          status: res.status,
          headers,
          body: parseJson(text, headers['content-type']),
          text,
          durationMs: Date.now() - started,
        };
      } catch (err) {
        const e = err as NodeJS.ErrnoException & { timeout?: number };
        // supertest rewraps network errors as "ECONNREFUSED: Connection refused", without a code.
        const code =
          e.code ??
          /^(E[A-Z_]+):/.exec(String(e.message))?.[1] ??
          (e.timeout ? 'ETIMEDOUT' : undefined);
        if (code && UNREACHABLE_CODES.has(code)) {
          throw new TargetUnreachableError(
            baseUrl,
            e.timeout ? `no answer within ${timeoutMs} ms` : code,
          );
        }
        throw err;
      }
    },
  };
}

/** How long a target may take to answer the first request before the run gives up on it. */
export const REACHABILITY_TIMEOUT_MS = 5000;

/** Any answer, whatever its status, means the target is there; only silence throws. */
export async function assertReachable(baseUrl: string, timeoutMs: number): Promise<void> {
  await createHttpClient(baseUrl, Math.min(REACHABILITY_TIMEOUT_MS, timeoutMs)).send({
    method: 'GET',
    path: '/',
    headers: {},
  });
}
