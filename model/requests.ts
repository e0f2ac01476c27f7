import type { HttpRequest } from './exchange';
import type { OperationModel } from './types';

export interface RequestParts {
  pathParams?: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON value, sent as JSON ... */
  body?: unknown;
  /** ... or raw text. */
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** `{{id}}`: a value a sequence fills in when it runs; kept literal in paths. */
const isPlaceholder = (value: string): boolean => /^\{\{[A-Za-z0-9+-]+\}\}$/.test(value);
const segment = (value: string): string =>
  isPlaceholder(value) ? value : encodeURIComponent(value);

/** The name of the operation's (single) path parameter: the object's id. */
export function idParameterOf(op: OperationModel): string | undefined {
  return op.parameters.find((p) => p.in === 'path')?.name;
}

/**
 * The HTTP request for an operation: its method, its path with each `{name}` filled in as one
 * percent-encoded segment (a missing value stays a literal `{name}`), the query, and a JSON
 * body with its content type.
 */
export function requestFor(op: OperationModel, parts: RequestParts = {}): HttpRequest {
  const values = parts.pathParams ?? {};
  const request: HttpRequest = {
    method: op.method.toUpperCase(),
    path: op.path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
      values[name] === undefined ? whole : segment(values[name]),
    ),
    headers: { ...parts.headers },
  };
  if (parts.query && Object.keys(parts.query).length > 0) request.query = { ...parts.query };
  if (parts.rawBody !== undefined) request.rawBody = parts.rawBody;
  else if (parts.body !== undefined) request.body = parts.body;
  if (parts.rawBody !== undefined || parts.body !== undefined) {
    request.headers['content-type'] = parts.contentType ?? 'application/json';
  }
  return request;
}

/** A request to the object `id` (reads, updates). */
export function requestWithId(op: OperationModel, id: string, body?: unknown): HttpRequest {
  const name = idParameterOf(op) ?? 'id';
  return requestFor(op, { pathParams: { [name]: id }, ...(body !== undefined ? { body } : {}) });
}

/** The same request sent to another object. */
export function withPathId(op: OperationModel, request: HttpRequest, id: string): HttpRequest {
  const name = idParameterOf(op) ?? 'id';
  return { ...request, path: op.path.replace(`{${name}}`, segment(id)) };
}
