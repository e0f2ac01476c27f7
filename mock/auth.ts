import type { IncomingHttpHeaders } from 'node:http';
import type { OperationModel, SpecModel } from '../model';

/**
 * The API key sent for the operation's apiKey security scheme (header or query, as the
 * spec names it): undefined when the operation needs none, null when it needs one and
 * none was sent.
 */
export function apiKeyOf(
  spec: SpecModel,
  op: OperationModel,
  headers: IncomingHttpHeaders,
  query: URLSearchParams,
): string | null | undefined {
  const schemes = spec.securitySchemes.filter(
    (s) => op.security.includes(s.name) && s.type === 'apiKey',
  );
  if (schemes.length === 0) return undefined;
  for (const scheme of schemes) {
    const name = scheme.paramName ?? '';
    const value = scheme.in === 'query' ? query.get(name) : headers[name.toLowerCase()];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) return text;
  }
  return null;
}
