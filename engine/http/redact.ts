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

const jsonEscaped = (text: string): string => JSON.stringify(text).slice(1, -1);
const formEncoded = (text: string): string => new URLSearchParams({ k: text }).toString().slice(2);
/** Inside a single-quoted shell word (a curl line's `--data-raw '…'`): `'` is written `'\''`. */
const shellEscaped = (text: string): string => text.replace(/'/g, `'\\''`);

/**
 * The forms a secret takes in the text the suite itself produces, before any report encodes it:
 * verbatim, JSON-escaped (a raw body, a message quoting a value; twice for a raw body quoted in
 * a message), URL-encoded (a query or path), and each of those inside a single-quoted shell
 * word (a curl line).
 */
export function secretForms(secret: string): string[] {
  const values = [
    secret,
    jsonEscaped(secret),
    jsonEscaped(jsonEscaped(secret)),
    encodeURIComponent(secret),
    formEncoded(secret),
  ];
  return [...new Set([...values, ...values.map(shellEscaped)])];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per secret: a run's reports scrub thousands of values for the same few keys. */
const patterns = new Map<string, RegExp>();
function patternOf(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    // Longest first, so a longer encoding is replaced whole rather than around a shorter one.
    const forms = secretForms(secret).sort((a, b) => b.length - a.length);
    pattern = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
    patterns.set(secret, pattern);
  }
  return pattern;
}

/**
 * Every occurrence of `secret` in any string inside `value` (keys included) replaced, in any of
 * the forms it takes in the suite's own text (see secretForms): a key JSON-escaped in a raw body
 * or shell-escaped in a recorded curl line is scrubbed as surely as the key verbatim.
 */
export function scrubSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  const pattern = patternOf(secret);
  const scrub = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(pattern, REDACTED);
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

/** A field sent more than once keeps every value: credential headers are redacted there too. */
function redactRepeatedHeaders(
  headers: Record<string, string[]>,
  options: RedactOptions,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, values]) => [
      name,
      isSecretHeader(name, options.keyHeader) ? values.map(() => REDACTED) : values,
    ]),
  );
}

export function redactResponse(response: HttpResponse, options: RedactOptions): HttpResponse {
  const scrubbed = scrubSecret(response, options.secret);
  return {
    ...scrubbed,
    headers: redactHeaders(scrubbed.headers ?? {}, options),
    ...(scrubbed.repeatedHeaders
      ? { repeatedHeaders: redactRepeatedHeaders(scrubbed.repeatedHeaders, options) }
      : {}),
  };
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
  jsonEscaped,
  encodeURIComponent,
  formEncoded,
  escapeHtml,
  escapeXml,
  escapeXmlAttribute,
  escapeMarkdown,
  shellQuote,
  shellEscaped,
];

/**
 * The forms a secret takes once written: each encoder and each pair of them (JSON in XML...),
 * and each of the suite's own forms (secretForms: JSON inside a shell word...) in each encoder
 * (a curl line in junit.xml or summary.json).
 */
function encodedForms(secret: string): string[] {
  const once = ENCODERS.map((encode) => encode(secret));
  const twice = ENCODERS.flatMap((outer) => once.map((inner) => outer(inner)));
  const own = ENCODERS.flatMap((outer) => secretForms(secret).map((form) => outer(form)));
  return [...new Set([...once, ...twice, ...own])];
}

/** The longest run of letters and digits in the secret: every encoder leaves it as it is. */
function plainCore(secret: string): string {
  return (secret.match(/[A-Za-z0-9]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
}

/**
 * The last line of defence before a file is written: throws (naming the file, never the
 * secret) when the secret appears in the text in any of its usual encodings.
 */
export function assertNoSecret(text: string, secret: string | undefined, where = 'report'): void {
  if (!secret) return;
  // Every encoded form contains the plain core: a text without it has none of them (and a large
  // HAR is searched once rather than once per form).
  if (!text.includes(plainCore(secret))) return;
  if (encodedForms(secret).some((form) => text.includes(form))) {
    throw new Error(`refusing to write ${where}: it contains the API key`);
  }
}
