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

/** Why a body did not arrive whole. Status and headers were real; the body is what came. */
export interface IncompleteBody {
  kind: 'truncated' | 'too-large' | 'timeout';
  /** One line: "connection closed after 10 of 500 bytes". */
  detail: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-cased header names; a field sent several times has its values joined with ", ". */
  headers: Record<string, string>;
  /** Fields the server sent more than once, with every value (what a misconfigured gateway does). */
  repeatedHeaders?: Record<string, string[]>;
  /** The body parsed as JSON, when it is JSON text (whatever its Content-Type says). */
  body?: unknown;
  /** The body decoded as UTF-8, invalid sequences shown as U+FFFD. */
  text: string;
  /** Bytes of body received. */
  bytes: number;
  durationMs: number;
  /** Set when the body did not arrive whole. */
  incomplete?: IncompleteBody;
  /** Byte offset of the first sequence that is not UTF-8, when there is one. */
  invalidUtf8At?: number;
  /** Why a non-empty body is not JSON text (the parser's message), when it is not. */
  jsonError?: string;
}

/** No response at all: nothing to judge but the silence itself. */
export interface TransportFailure {
  kind: 'timeout' | 'reset' | 'refused' | 'protocol';
  /** One line: "no answer within 10000 ms". */
  detail: string;
}

export interface Exchange {
  request: HttpRequest;
  /** Absent when the target did not answer (see `failure`). */
  response?: HttpResponse;
  failure?: TransportFailure;
  startedAt: string;
}

/** An exchange the target answered: every check judges these. */
export type AnsweredExchange = Exchange & { response: HttpResponse };

export const isAnswered = (exchange: Exchange): exchange is AnsweredExchange =>
  exchange.response !== undefined;

/**
 * Why an answer's body cannot be read as the JSON it should be, or undefined when it can:
 * response_schema_conformance fails such a body; the checks that read a field of it have
 * nothing to judge.
 */
export function unreadableBody(response: HttpResponse): string | undefined {
  if (response.incomplete) return 'the body did not arrive whole';
  if (response.invalidUtf8At !== undefined) return 'the body is not UTF-8';
  if (response.jsonError !== undefined) return 'the body is not JSON';
  return undefined;
}
