import type { HttpRequest } from '../../model/exchange';
import type { OperationModel, SpecModel } from '../../model';
import { UsageError } from '../../model';
import type { RequestSample } from '../types';

/** The path with its `{name}` templates filled in, each value percent-encoded as one segment. */
export function fillPath(op: OperationModel, pathParams: Record<string, string>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined)
      throw new UsageError(`${op.operationId}: no value for path parameter '${name}'`);
    return encodeURIComponent(value);
  });
}

/** An HttpRequest for a sample; `headers` carries the API key (see `apiKeyHeaders`). */
export function toHttpRequest(
  op: OperationModel,
  sample: RequestSample,
  headers: Record<string, string> = {},
): HttpRequest {
  const request: HttpRequest = {
    method: op.method.toUpperCase(),
    path: fillPath(op, sample.pathParams),
    headers: { ...headers },
  };
  if (Object.keys(sample.query).length > 0) request.query = { ...sample.query };
  if (sample.rawBody !== undefined) request.rawBody = sample.rawBody;
  else if (sample.body !== undefined) request.body = sample.body;
  if (sample.rawBody !== undefined || sample.body !== undefined) {
    request.headers['content-type'] = sample.contentType ?? 'application/json';
  }
  return request;
}

/** The header carrying an API key for `op`, named by the spec's apiKey security scheme. */
export function apiKeyHeaders(
  spec: SpecModel,
  op: OperationModel,
  apiKey: string,
): Record<string, string> {
  const scheme = spec.securitySchemes.find(
    (s) => op.security.includes(s.name) && s.type === 'apiKey' && s.in === 'header' && s.paramName,
  );
  if (!scheme?.paramName) {
    throw new UsageError(
      `${op.operationId}: no apiKey-in-header security scheme applies (schemes: ${op.security.join(', ') || 'none'})`,
    );
  }
  return { [scheme.paramName]: apiKey };
}
