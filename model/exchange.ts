/** One HTTP request as the suite sends it: everything needed to replay it or print a curl line. */
export interface HttpRequest {
  method: string;
  /** Path with parameters filled in, without the query string: `/sales/api4partners/v1/leads-opportunities/9YEL-Y3W56Q`. */
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  /** A JSON value to send (serialised as JSON) ... */
  body?: unknown;
  /** ... or raw text, for malformed or non-JSON bodies. Takes precedence over `body`. */
  rawBody?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else undefined. */
  body?: unknown;
  /** The body as received. */
  text: string;
  durationMs: number;
}

export interface Exchange {
  request: HttpRequest;
  response: HttpResponse;
  startedAt: string;
}
