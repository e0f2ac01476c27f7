import type { Exchange, HttpRequest, HttpResponse } from '../../model/exchange';
import type { SpecModel } from '../../model';
import { escapeHtml, escapeMarkdown, escapeXml, escapeXmlAttribute, shellQuote } from './escape';

export const REDACTED = '[REDACTED]';

export interface RedactOptions {
  /** The API key header name (any case). */
  keyHeader: string;
  /** The key's value: also scrubbed wherever it shows up (bodies, messages, echoed headers). */
  secret?: string;
}

/** The header the spec's apiKey security scheme puts the key in. */
export function keyHeaderOf(spec: Pick<SpecModel, 'securitySchemes'>): string {
  const scheme = spec.securitySchemes.find((s) => s.type === 'apiKey' && s.in === 'header');
  if (!scheme?.paramName) {
    throw new Error('the spec declares no apiKey security scheme in a header');
  }
  return scheme.paramName;
}

/** Credentials that may sit in a header besides the API key, should a target ask for them. */
const ALWAYS_SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

function isSecretHeader(name: string, keyHeader: string): boolean {
  const lower = name.toLowerCase();
  return lower === keyHeader.toLowerCase() || ALWAYS_SECRET_HEADERS.includes(lower);
}

/** The key header's value (and other credential headers) replaced by [REDACTED]. */
export function redactHeaders(
  headers: Record<string, string>,
  options: RedactOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = isSecretHeader(name, options.keyHeader)
      ? REDACTED
      : scrubSecret(value, options.secret);
  }
  return out;
}

/** Every occurrence of `secret` in any string inside `value` (keys included) replaced. */
export function scrubSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  const scrub = (node: unknown): unknown => {
    if (typeof node === 'string') return node.split(secret).join(REDACTED);
    if (Array.isArray(node)) return node.map(scrub);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, child]) => [scrub(key) as string, scrub(child)]),
      );
    }
    return node;
  };
  return scrub(value) as T;
}

export function redactRequest(request: HttpRequest, options: RedactOptions): HttpRequest {
  const scrubbed = scrubSecret(request, options.secret);
  return { ...scrubbed, headers: redactHeaders(scrubbed.headers ?? {}, options) };
}

export function redactResponse(response: HttpResponse, options: RedactOptions): HttpResponse {
  const scrubbed = scrubSecret(response, options.secret);
  return { ...scrubbed, headers: redactHeaders(scrubbed.headers ?? {}, options) };
}

export function redactExchange(exchange: Exchange, options: RedactOptions): Exchange {
  return {
    ...exchange,
    request: redactRequest(exchange.request, options),
    ...(exchange.response ? { response: redactResponse(exchange.response, options) } : {}),
  };
}

/** Every encoder a report applies to text, so the safety net sees the key however it was written. */
const ENCODERS: Array<(text: string) => string> = [
  (text) => text,
  (text) => JSON.stringify(text).slice(1, -1),
  encodeURIComponent,
  (text) => new URLSearchParams({ k: text }).toString().slice(2),
  escapeHtml,
  escapeXml,
  escapeXmlAttribute,
  escapeMarkdown,
  shellQuote,
];

/** The forms a secret takes once written: each encoder, and each pair of them (JSON in XML...). */
function encodedForms(secret: string): string[] {
  const once = ENCODERS.map((encode) => encode(secret));
  const twice = ENCODERS.flatMap((outer) => once.map((inner) => outer(inner)));
  return [...new Set([...once, ...twice])];
}

/**
 * The last line of defence before a file is written: throws (naming the file, never the
 * secret) when the secret appears in the text in any of its usual encodings.
 */
export function assertNoSecret(text: string, secret: string | undefined, where = 'report'): void {
  if (!secret) return;
  if (encodedForms(secret).some((form) => text.includes(form))) {
    throw new Error(`refusing to write ${where}: it contains the API key`);
  }
}
