import { STATUS_CODES } from 'node:http';
import type { HttpRequest, HttpResponse } from '../model/exchange';
import { truncate } from '../engine/http/escape';
import { requestBodyText, urlOf } from '../engine/http/url';

/** Bodies beyond this are cut in human-facing reports (never in traffic.har). */
export const MAX_BODY_CHARS = 4000;

function prettyBody(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function headerLines(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
}

/** A request as an HTTP message, for a reader of a failure. */
export function requestText(baseUrl: string, request: HttpRequest): string {
  const lines = [`${request.method.toUpperCase()} ${urlOf(baseUrl, request)}`];
  lines.push(...headerLines(request.headers ?? {}));
  const body = requestBodyText(request);
  if (body !== undefined) lines.push('', truncate(prettyBody(body), MAX_BODY_CHARS));
  return lines.join('\n');
}

export function statusText(status: number): string {
  return STATUS_CODES[status] ?? '';
}

export function responseText(response: HttpResponse): string {
  const lines = [`HTTP ${response.status} ${statusText(response.status)}`.trimEnd()];
  lines.push(...headerLines(response.headers ?? {}));
  const text = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  if (text) lines.push('', truncate(prettyBody(text), MAX_BODY_CHARS));
  return lines.join('\n');
}
