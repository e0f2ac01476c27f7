import type { FailureRecord } from '../engine/summary';
import { curlFor } from '../engine/http/curl';
import { requestText, responseText } from './exchange-text';

export interface RenderContext {
  /** Where the target lives, for absolute URLs in request texts and curl lines. */
  baseUrl: string;
  keyHeader: string;
}

export interface FailureDetails {
  /** One line: what the spec says, what the server did. */
  message: string;
  source: string;
  request?: string;
  response?: string;
  curl?: string;
  /** The shrunk counterexample, when shrinking found a smaller one. */
  shrunk?: { request: string; response?: string; curl: string; sizes: string };
  /** A stateful failure: the steps that replay it. */
  steps?: string[];
}

/** `kind at pointer: expected X; got Y`. */
export function failureLine(
  f: Pick<FailureRecord, 'kind' | 'pointer' | 'expected' | 'actual'>,
): string {
  return `${f.kind}${f.pointer ? ` at ${f.pointer}` : ''}: expected ${f.expected}; got ${f.actual}`;
}

/** What a reader needs to understand and reproduce one failure signature. */
export function failureDetails(f: FailureRecord, context: RenderContext): FailureDetails {
  const shrunk = f.shrunk && {
    request: requestText(context.baseUrl, f.shrunk.request),
    response: f.shrunk.response && responseText(f.shrunk.response),
    curl: f.shrunk.curl ?? curlFor(context.baseUrl, f.shrunk.request, context.keyHeader),
    sizes: `${f.shrunk.from.fields} fields, ${f.shrunk.from.bytes} bytes -> ${f.shrunk.to.fields} fields, ${f.shrunk.to.bytes} bytes, in ${f.shrunk.requests} extra requests`,
  };
  return {
    message: `${failureLine(f)}${f.count > 1 ? ` (${f.count} times)` : ''}`,
    source: f.source,
    request: f.request && requestText(context.baseUrl, f.request),
    response: f.response && responseText(f.response),
    curl: f.curl ?? (f.request && curlFor(context.baseUrl, f.request, context.keyHeader)),
    ...(shrunk ? { shrunk } : {}),
    ...(f.sequence
      ? {
          steps: f.sequence.steps.map(
            (s) =>
              `${s.operationId}: ${s.request.method} ${s.request.path}${s.key && s.key !== 'own' ? ` (key: ${s.key})` : ''}`,
          ),
        }
      : {}),
  };
}

/** The details as one plain-text block (JUnit failure body, terminal output). */
export function failureDetailsText(details: FailureDetails, id?: string): string {
  const sections = [`${id ? `[${id}] ` : ''}${details.message}`, `spec: ${details.source}`];
  if (details.steps) sections.push(`--- sequence ---\n${details.steps.join('\n')}`);
  if (details.shrunk) {
    sections.push(`--- shrunk request (${details.shrunk.sizes}) ---\n${details.shrunk.request}`);
    if (details.shrunk.response) sections.push(`--- response ---\n${details.shrunk.response}`);
    sections.push(`--- reproduce ---\n${details.shrunk.curl}`);
  } else {
    if (details.request) sections.push(`--- request ---\n${details.request}`);
    if (details.response) sections.push(`--- response ---\n${details.response}`);
    if (details.curl) sections.push(`--- reproduce ---\n${details.curl}`);
  }
  return sections.join('\n\n');
}
