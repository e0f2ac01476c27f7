import type { HttpRequest } from '../../model/exchange';

/** The absolute URL of a request: base URL (without trailing slash) + path + query string. */
export function urlOf(baseUrl: string, request: Pick<HttpRequest, 'path' | 'query'>): string {
  const base = baseUrl.replace(/\/+$/, '');
  const query = new URLSearchParams(request.query ?? {}).toString();
  return `${base}${request.path}${query ? `?${query}` : ''}`;
}

/** The body exactly as sent: raw text wins over a JSON value. */
export function requestBodyText(request: HttpRequest): string | undefined {
  if (request.rawBody !== undefined) return request.rawBody;
  if (request.body !== undefined) return JSON.stringify(request.body);
  return undefined;
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === lower)?.[1];
}
