import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export type BodyRead =
  | { kind: 'complete'; text: string; bytes: number }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'aborted' };

/**
 * The request body, up to `maxBytes`. A bigger body is still drained to its end (so the
 * client gets an answer instead of a reset connection) but not kept in memory.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (result: BodyRead): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () =>
      settle(
        bytes > maxBytes
          ? { kind: 'too-large', bytes }
          : { kind: 'complete', text: Buffer.concat(chunks).toString('utf8'), bytes },
      ),
    );
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}

/** What a handler answers: a status, a JSON body (or none) and extra headers. */
export interface MockReply {
  status: number;
  /** The documented status whose headers apply, when a fault answers with another one. */
  documentedStatus?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const JSON_CONTENT_TYPE = 'application/json';

/** A request as the mock reads it, whether it came over a socket or not. */
export interface MockRequest {
  method: string;
  url: string;
  /** Names in lower case, as node:http gives them. */
  headers: IncomingHttpHeaders;
  body: BodyRead;
}

/** An answer as the bytes on the wire carry it: status, headers, body text. */
export interface MockResponse {
  status: number;
  headers: Record<string, string | number>;
  text: string;
}

export function responseOf(reply: MockReply, contentType = JSON_CONTENT_TYPE): MockResponse {
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const headers: Record<string, string | number> = { ...reply.headers };
  if (text) {
    headers['Content-Type'] = contentType;
    headers['Content-Length'] = Buffer.byteLength(text);
  } else {
    headers['Content-Length'] = 0;
  }
  return { status: reply.status, headers, text };
}

export function writeResponse(res: ServerResponse, response: MockResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, response.headers);
  res.end(response.text);
}
