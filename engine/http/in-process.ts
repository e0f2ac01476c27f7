import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { Exchange, HttpRequest, HttpResponse } from '../../model/exchange';
import type { Mock } from '../../mock';
import {
  bodyOf,
  headersOf,
  queryString,
  tooLargeDetail,
  wireBody,
  type ClientLimits,
  type HttpClient,
} from './client';

/** Where an in-process mock "is": a reserved name (RFC 2606), so no curl line can reach anything. */
const IN_PROCESS_URL = 'http://in-process.invalid';

/** node:http refuses such a path before sending anything (ERR_UNESCAPED_CHARACTERS). */
const UNSENDABLE_PATH = /[^\u0021-\u00ff]/;

/** The Date field, to the second as node:http writes it (and, like node, made once a second). */
let dated = { second: -1, text: '' };
function httpDate(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== dated.second) dated = { second, text: new Date(second * 1000).toUTCString() };
  return dated.text;
}

/** The header fields node:http adds to a keep-alive answer, after the handler's own. */
function serverFields(request: Record<string, string>): string[] {
  const close = Object.entries(request).some(
    ([name, value]) => name.toLowerCase() === 'connection' && value.toLowerCase() === 'close',
  );
  const date = httpDate();
  return close
    ? ['Date', date, 'Connection', 'close']
    : ['Date', date, 'Connection', 'keep-alive', 'Keep-Alive', 'timeout=5'];
}

/**
 * Request header fields as a node server reads them: node:http's client sends one field per
 * name whatever its case (the last one set), and the server trims the spaces and tabs around
 * each value.
 */
function receivedHeaders(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields))
    out[name.toLowerCase()] = value.replace(/^[ \t]+|[ \t]+$/g, '');
  return out;
}

/** Characters node:http's client sends in a path and node's server refuses (400, no body). */
const UNROUTABLE_PATH = /[\u007f-\u00ff]/;

/**
 * The built-in mock answered without a socket: the same request text and headers a node:http
 * client would send, the mock's own answer, and that answer read by the same code as the
 * HTTP client's (header fields, UTF-8, JSON). What it saves is the HTTP stack on both sides,
 * which is most of a run's time against the mock. It refuses what node:http refuses, the same
 * way (an exception), so a run sends the same requests by either transport.
 */
export function createInProcessClient(
  mock: Pick<Mock, 'respond'>,
  limits: ClientLimits,
): HttpClient {
  function send(request: HttpRequest): Promise<Exchange> {
    const startedAt = new Date().toISOString();
    const started = performance.now();
    const url = request.path + queryString(request.query);
    if (UNSENDABLE_PATH.test(url)) {
      const error = new TypeError('Request path contains unescaped characters');
      return Promise.reject(Object.assign(error, { code: 'ERR_UNESCAPED_CHARACTERS' }));
    }
    const text = wireBody(request);
    const headers: Record<string, string> = { ...request.headers };
    // On the wire a string is UTF-8 bytes: a lone surrogate arrives as U+FFFD.
    const sent = text === undefined ? '' : Buffer.from(text, 'utf8');
    if (text !== undefined) headers['content-length'] = String(sent.length);
    try {
      for (const [name, value] of Object.entries(headers)) {
        validateHeaderName(name);
        validateHeaderValue(name, value);
      }
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise((resolve) => {
      // Answer on a later turn of the event loop, as a socket would: timers keep running.
      setImmediate(() => {
        if (UNROUTABLE_PATH.test(url)) {
          const refused = { status: 400, ...headersOf(['Connection', 'close']), text: '' };
          const durationMs = Math.round(performance.now() - started);
          resolve({ request, startedAt, response: { ...refused, bytes: 0, durationMs } });
          return;
        }
        const answer = mock.respond({
          method: request.method.toUpperCase(),
          url,
          headers: receivedHeaders(headers),
          body: { kind: 'complete', text: sent.toString('utf8'), bytes: sent.length },
        });
        const raw = Object.entries(answer.headers).flatMap(([name, value]) => [
          name,
          String(value),
        ]);
        const bytes = Buffer.from(answer.text, 'utf8');
        const tooLarge = bytes.length > limits.maxBodyBytes;
        const fields = headersOf([...raw, ...serverFields(headers)]);
        const response: HttpResponse = {
          status: answer.status,
          ...fields,
          ...bodyOf(
            tooLarge ? bytes.subarray(0, limits.maxBodyBytes) : bytes,
            fields.headers['content-encoding'],
          ),
          bytes: bytes.length,
          durationMs: Math.round(performance.now() - started),
        };
        // Over a socket the text kept is whatever chunks came before the limit: the mock's
        // answers (under 100 KB) never come near the 10 MB default, so the cut is approximate.
        if (tooLarge)
          response.incomplete = {
            kind: 'too-large',
            detail: tooLargeDetail(limits.maxBodyBytes, Number(fields.headers['content-length'])),
          };
        resolve({ request, startedAt, response });
      });
    });
  }

  return { baseUrl: IN_PROCESS_URL, send, close: () => undefined };
}
