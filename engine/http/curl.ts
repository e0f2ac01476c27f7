import type { HttpRequest } from '../../model/exchange';
import { shellQuote } from './escape';
import { REDACTED, scrubSecret } from './redact';
import { headerValue, requestBodyText, urlOf } from './url';

export { shellQuote };

/** The env var users export before pasting a curl line; its value is never printed. */
export const KEY_ENV_VAR = 'API4PARTNERS_API_KEY';

/** The key header with the env var expanded by the shell, never the key itself. */
function keyHeaderArgument(keyHeader: string): string {
  // Inside double quotes only `$`, backtick, `\` and `"` are special; a plain header name has none.
  if (/^[A-Za-z0-9-]+$/.test(keyHeader)) return `"${keyHeader}: $${KEY_ENV_VAR}"`;
  return `${shellQuote(`${keyHeader}: `)}"$${KEY_ENV_VAR}"`;
}

/** Headers curl computes itself; copying them would make the line wrong after an edit. */
const COMPUTED_HEADERS = ['host', 'content-length', 'connection', 'transfer-encoding'];

export interface CurlOptions {
  /**
   * The real key, when known: a key header holding anything else (a deliberately wrong key
   * in an authentication check) is reproduced as sent rather than replaced by the env var.
   */
  secret?: string;
}

/** A key header that carried the key (now redacted) is sent with the env var instead. */
function carriedTheKey(value: string, secret: string | undefined): boolean {
  return !secret || value.includes(REDACTED);
}

function headerArguments(
  headers: Record<string, string>,
  keyHeader: string,
  secret: string | undefined,
): string[] {
  const args: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (COMPUTED_HEADERS.includes(name.toLowerCase())) continue;
    const isKey = name.toLowerCase() === keyHeader.toLowerCase();
    args.push(
      '-H',
      isKey && carriedTheKey(value, secret)
        ? keyHeaderArgument(keyHeader)
        : shellQuote(`${name}: ${value}`),
    );
  }
  return args;
}

/**
 * A curl line reproducing `request` against `baseUrl`, pasteable in a POSIX shell. The key
 * header (when the request carried one) reads `$API4PARTNERS_API_KEY`; given the secret, the
 * key is also scrubbed from anywhere else it might sit (a body, the query).
 */
export function curlFor(
  baseUrl: string,
  request: HttpRequest,
  keyHeader: string,
  options: CurlOptions = {},
): string {
  const sent = scrubSecret(request, options.secret);
  const method = sent.method.toUpperCase();
  const body = requestBodyText(sent);
  const parts = ['curl', '-sS', '-i'];
  if (method !== 'GET' || body !== undefined) parts.push('-X', shellQuote(method));
  parts.push(shellQuote(urlOf(baseUrl, sent)));
  parts.push(...headerArguments(sent.headers ?? {}, keyHeader, options.secret));
  if (body !== undefined && !headerValue(sent.headers ?? {}, 'content-type')) {
    // curl would otherwise declare form encoding, which is not what the suite sent: a JSON
    // value goes out as JSON, raw text with no Content-Type at all (`-H 'Content-Type:'`).
    const contentType =
      sent.rawBody === undefined ? 'Content-Type: application/json' : 'Content-Type:';
    parts.push('-H', shellQuote(contentType));
  }
  if (body !== undefined) parts.push('--data-raw', shellQuote(body));
  return parts.join(' ');
}
