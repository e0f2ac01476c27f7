import type { CheckRecord } from '../engine/types';
import { curlFor } from '../engine/http/curl';
import { requestText, responseText } from './exchange-text';

export interface RenderContext {
  /** Where the target lives, for absolute URLs in request texts and curl lines. */
  baseUrl: string;
  keyHeader: string;
}

export interface FailureDetails {
  message: string;
  request?: string;
  response?: string;
  curl?: string;
}

/** What a reader needs to understand and reproduce one failed check. */
export function failureDetails(check: CheckRecord, context: RenderContext): FailureDetails {
  const curl =
    check.curl ?? (check.request && curlFor(context.baseUrl, check.request, context.keyHeader));
  return {
    message: check.message,
    request: check.request && requestText(context.baseUrl, check.request),
    response: check.response && responseText(check.response),
    curl,
  };
}

/** The details as one plain-text block (JUnit failure body, terminal output). */
export function failureDetailsText(details: FailureDetails): string {
  const sections = [details.message];
  if (details.request) sections.push(`--- request ---\n${details.request}`);
  if (details.response) sections.push(`--- response ---\n${details.response}`);
  if (details.curl) sections.push(`--- reproduce ---\n${details.curl}`);
  return sections.join('\n\n');
}
