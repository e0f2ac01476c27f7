import type { Exchange, HttpRequest, HttpResponse } from '../model/exchange';
import { statusText } from './exchange-text';
import type { ToolInfo } from '../engine/tool-info';
import { headerValue, requestBodyText, urlOf } from '../engine/http/url';

/* HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the subset Chrome and Postman read. */

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    queryString: HarNameValue[];
    postData?: { mimeType: string; text: string };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: { size: number; mimeType: string; text: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    /** Why there was no answer (HAR's custom fields start with `_`). */
    _error?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

const HTTP_VERSION = 'HTTP/1.1';

const nameValues = (record: Record<string, string> | undefined): HarNameValue[] =>
  Object.entries(record ?? {}).map(([name, value]) => ({ name, value: String(value) }));

function harRequest(baseUrl: string, request: HttpRequest): HarEntry['request'] {
  const body = requestBodyText(request);
  const mimeType =
    headerValue(request.headers ?? {}, 'content-type') ??
    (request.rawBody === undefined ? 'application/json' : '');
  return {
    method: request.method.toUpperCase(),
    url: urlOf(baseUrl, request),
    httpVersion: HTTP_VERSION,
    cookies: [],
    headers: nameValues(request.headers),
    queryString: nameValues(request.query),
    ...(body === undefined ? {} : { postData: { mimeType, text: body } }),
    headersSize: -1,
    bodySize: body === undefined ? 0 : Buffer.byteLength(body),
  };
}

function harResponse(response: HttpResponse): HarEntry['response'] {
  const text = response.text ?? (response.body === undefined ? '' : JSON.stringify(response.body));
  const size = Buffer.byteLength(text);
  return {
    status: response.status,
    statusText: statusText(response.status),
    httpVersion: HTTP_VERSION,
    cookies: [],
    headers: nameValues(response.headers),
    content: { size, mimeType: headerValue(response.headers ?? {}, 'content-type') ?? '', text },
    redirectURL: '',
    headersSize: -1,
    bodySize: size,
  };
}

/** Some clients time out locally and record no duration; HAR wants a number. */
const durationOf = (response: HttpResponse): number =>
  Number.isFinite(response.durationMs) ? Math.max(0, response.durationMs) : 0;

/** HAR requires an ISO 8601 date; an unparseable one must not lose the whole file. */
function isoDate(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** No answer at all (a timeout, a reset): HAR's convention for an aborted request is status 0. */
function noResponse(detail: string): HttpResponse {
  return { status: 0, headers: {}, text: '', bytes: 0, durationMs: 0, jsonError: detail };
}

export function harEntry(baseUrl: string, exchange: Exchange): HarEntry {
  const response = exchange.response ?? noResponse(exchange.failure?.detail ?? 'no answer');
  const wait = durationOf(response);
  return {
    startedDateTime: isoDate(exchange.startedAt),
    time: wait,
    request: harRequest(baseUrl, exchange.request),
    response: {
      ...harResponse(response),
      ...(exchange.failure ? { _error: exchange.failure.detail } : {}),
    },
    cache: {},
    timings: { send: 0, wait, receive: 0 },
  };
}

/** traffic.har: every exchange of the run, in the order given (redact them first). */
export function toHar(exchanges: Exchange[], baseUrl: string, creator: ToolInfo): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: creator.name, version: creator.version },
      entries: exchanges.map((exchange) => harEntry(baseUrl, exchange)),
    },
  };
}
