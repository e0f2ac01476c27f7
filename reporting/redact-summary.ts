import type { RunSummary } from '../engine/summary';
import type { HttpRequest } from '../model/exchange';
import { curlFor } from '../engine/http/curl';
import {
  redactRequest,
  redactResponse,
  scrubSecret,
  type RedactOptions,
} from '../engine/http/redact';

/**
 * Every request and response a summary carries, with the key header redacted and the key scrubbed.
 * A curl line the engine recorded (from the unredacted request) is built again from the redacted
 * request, so the key never has to be found inside its shell and JSON escapes; without its
 * request, the line is scrubbed like any text.
 */
export function redactSummary(summary: RunSummary, options: RedactOptions): RunSummary {
  const scrubbed = scrubSecret(summary, options.secret);
  // The engine records its curl lines against the target's base URL, '' when it has none.
  const baseUrl = scrubbed.target.baseUrl ?? '';
  const curlOf = (recorded: string | undefined, redacted: HttpRequest | undefined) =>
    recorded !== undefined && redacted
      ? { curl: curlFor(baseUrl, redacted, options.keyHeader, { secret: options.secret }) }
      : {};
  return {
    ...scrubbed,
    checks: scrubbed.checks.map((check) =>
      check.error?.request
        ? {
            ...check,
            error: { ...check.error, request: redactRequest(check.error.request, options) },
          }
        : check,
    ),
    failures: scrubbed.failures.map((f) => {
      const request = f.request && redactRequest(f.request, options);
      const shrunkRequest = f.shrunk && redactRequest(f.shrunk.request, options);
      return {
        ...f,
        ...(request ? { request } : {}),
        ...curlOf(f.curl, request),
        ...(f.response ? { response: redactResponse(f.response, options) } : {}),
        ...(f.shrunk && shrunkRequest
          ? {
              shrunk: {
                ...f.shrunk,
                request: shrunkRequest,
                ...curlOf(f.shrunk.curl, shrunkRequest),
                ...(f.shrunk.response
                  ? { response: redactResponse(f.shrunk.response, options) }
                  : {}),
              },
            }
          : {}),
        ...(f.sequence
          ? {
              sequence: {
                ...f.sequence,
                steps: f.sequence.steps.map((s) => ({
                  ...s,
                  request: redactRequest(s.request, options),
                })),
              },
            }
          : {}),
      };
    }),
  };
}

/** Redaction for every secret in turn. */
export function redactAll(summary: RunSummary, keyHeader: string, secrets: string[]): RunSummary {
  let out = redactSummary(summary, { keyHeader });
  for (const secret of secrets) out = redactSummary(out, { keyHeader, secret });
  return out;
}
