import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type {
  Exchange,
  HttpRequest,
  HttpResponse,
  IncompleteBody,
  TransportFailure,
} from '../../model/exchange';
import { firstInvalidUtf8 } from './utf8';

/** The target did not answer at all (refused, DNS, timeout): the run cannot start. */
export class TargetUnreachableError extends Error {
  constructor(
    readonly baseUrl: string,
    readonly reason: string,
  ) {
    super(`target ${baseUrl} is unreachable: ${reason}`);
    this.name = 'TargetUnreachableError';
  }
}

export interface ClientLimits {
  /** One deadline for the whole exchange: headers and body. */
  timeoutMs: number;
  /** Bodies past this are not read further. */
  maxBodyBytes: number;
}

export const DEFAULT_MAX_BODY_MB = 10;

export interface HttpClient {
  baseUrl: string;
  /** Never rejects: whatever the target does (or fails to do) is described in the exchange. */
  send(request: HttpRequest): Promise<Exchange>;
  close(): void;
}

export function queryString(query: Record<string, string> | undefined): string {
  if (!query || Object.keys(query).length === 0) return '';
  return '?' + new URLSearchParams(query).toString();
}

/** The request body as bytes on the wire: raw text wins, else JSON. */
export function wireBody(req: HttpRequest): string | undefined {
  if (req.rawBody !== undefined) return req.rawBody;
  if (req.body !== undefined) return JSON.stringify(req.body);
  return undefined;
}

function failureOf(error: NodeJS.ErrnoException): TransportFailure {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return { kind: 'refused', detail: 'connection refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { kind: 'refused', detail: `host not found (${code})` };
  if (code.startsWith('HPE_'))
    return { kind: 'protocol', detail: `not a valid HTTP response (${code})` };
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return { kind: 'reset', detail: 'connection closed before any response' };
  return { kind: 'reset', detail: `${code || 'error'}: ${error.message}` };
}

/** Header fields as sent (`rawHeaders`: name, value, name, value...), named in lower case. */
export function headersOf(raw: string[]): Pick<HttpResponse, 'headers' | 'repeatedHeaders'> {
  const headers: Record<string, string> = {};
  const seen: Record<string, string[]> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    (seen[name] ??= []).push(raw[i + 1]);
  }
  let repeated: Record<string, string[]> | undefined;
  for (const [name, values] of Object.entries(seen)) {
    headers[name] = values.join(', ');
    if (values.length > 1) (repeated ??= {})[name] = values;
  }
  return repeated ? { headers, repeatedHeaders: repeated } : { headers };
}

/** A body the server declared as compressed is decompressed; undeclared compression is left as is. */
function decoded(bytes: Buffer, encoding: string | undefined): { bytes: Buffer; error?: string } {
  const kind = encoding?.trim().toLowerCase();
  if (!kind || kind === 'identity' || bytes.length === 0) return { bytes };
  try {
    if (kind === 'gzip' || kind === 'x-gzip') return { bytes: zlib.gunzipSync(bytes) };
    if (kind === 'deflate') return { bytes: zlib.inflateSync(bytes) };
    if (kind === 'br') return { bytes: zlib.brotliDecompressSync(bytes) };
  } catch (err) {
    return {
      bytes,
      error: `Content-Encoding ${kind} could not be decoded: ${(err as Error).message}`,
    };
  }
  return { bytes, error: `Content-Encoding ${kind} is not supported` };
}

/** Body text, and its JSON value when it is JSON text; how it failed when it is not. */
export function bodyOf(
  raw: Buffer,
  encoding: string | undefined,
): Partial<HttpResponse> & { text: string } {
  const { bytes, error } = decoded(raw, encoding);
  const text = bytes.toString('utf8');
  const out: Partial<HttpResponse> & { text: string } = { text };
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) out.invalidUtf8At = bad;
  if (error) out.jsonError = error;
  else if (text.trim() !== '') {
    try {
      out.body = JSON.parse(text);
    } catch (err) {
      out.jsonError = (err as Error).message;
    }
  }
  return out;
}

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Why a body was not read past the limit, with the length the server declared if it did. */
export const tooLargeDetail = (maxBodyBytes: number, declared: number): string =>
  `body larger than ${mb(maxBodyBytes)}${Number.isFinite(declared) ? ` (Content-Length ${declared})` : ''}: not read further`;

/**
 * One client for every target, on node:http: it sees every byte a server sends, follows no
 * redirect (a 3xx is an answer to judge), decodes only what the server declared, stops reading
 * at a size bound, and keeps one deadline per exchange. It never throws: a timeout, a reset or
 * a cut body is described in the exchange it returns.
 */
export function createHttpClient(baseUrl: string, limits: ClientLimits): HttpClient {
  const url = new URL(baseUrl);
  const transport = url.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 16 });
  const basePath = url.pathname.replace(/\/+$/, '');

  function send(request: HttpRequest): Promise<Exchange> {
    const startedAt = new Date().toISOString();
    const started = performance.now();
    const body = wireBody(request);
    const headers: Record<string, string> = { ...request.headers };
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise<Exchange>((resolve) => {
      let settled = false;
      let res: http.IncomingMessage | undefined;
      const chunks: Buffer[] = [];
      let received = 0;
      const settle = (exchange: Omit<Exchange, 'request' | 'startedAt'>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ request, startedAt, ...exchange });
      };
      const respond = (incomplete?: IncompleteBody): void => {
        if (!res) return;
        const response: HttpResponse = {
          status: res.statusCode ?? 0,
          ...headersOf(res.rawHeaders),
          ...bodyOf(Buffer.concat(chunks), res.headers['content-encoding']),
          bytes: received,
          durationMs: Math.round(performance.now() - started),
        };
        if (incomplete) {
          response.incomplete = incomplete;
          // A half-read answer leaves the connection in an unknown state: never reuse it.
          res.socket?.destroy();
        }
        settle({ response });
      };
      // node:http refuses some requests (an unescaped path, a bad header) by throwing here: the
      // promise rejects, and no deadline is left behind to fire later.
      const req = transport.request({
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port,
        method: request.method.toUpperCase(),
        path: basePath + request.path + queryString(request.query),
        headers,
        agent,
      });
      const timer = setTimeout(() => {
        if (!res)
          settle({
            failure: { kind: 'timeout', detail: `no answer within ${limits.timeoutMs} ms` },
          });
        else
          respond({
            kind: 'timeout',
            detail: `body incomplete after ${limits.timeoutMs} ms (${received} bytes received)`,
          });
        req.destroy();
      }, limits.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (res) return;
        settle({ failure: failureOf(error) });
      });
      req.on('response', (incoming) => {
        res = incoming;
        const declared = Number(incoming.headers['content-length']);
        incoming.on('data', (chunk: Buffer) => {
          if (settled) return;
          received += chunk.length;
          if (received > limits.maxBodyBytes) {
            respond({
              kind: 'too-large',
              detail: tooLargeDetail(limits.maxBodyBytes, declared),
            });
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        incoming.on('end', () => respond());
        incoming.on('error', () => undefined);
        incoming.on('close', () => {
          if (settled || incoming.complete) return;
          respond({
            kind: 'truncated',
            detail: `connection closed after ${received}${Number.isFinite(declared) ? ` of ${declared}` : ''} bytes`,
          });
        });
      });
      req.end(body);
    });
  }

  return { baseUrl, send, close: () => agent.destroy() };
}

/** How long a target may take to answer the first request before the run gives up on it. */
export const REACHABILITY_TIMEOUT_MS = 5000;

/** Any answer, whatever its status, means the target is there; only silence throws. */
export async function assertReachable(baseUrl: string, timeoutMs: number): Promise<void> {
  const client = createHttpClient(baseUrl, {
    timeoutMs: Math.min(REACHABILITY_TIMEOUT_MS, timeoutMs),
    maxBodyBytes: 64 * 1024,
  });
  try {
    const exchange = await client.send({ method: 'GET', path: '/', headers: {} });
    if (exchange.failure) throw new TargetUnreachableError(baseUrl, exchange.failure.detail);
  } finally {
    client.close();
  }
}
