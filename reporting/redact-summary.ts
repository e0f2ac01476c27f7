import type { RunSummary } from '../engine/summary';
import {
  redactRequest,
  redactResponse,
  scrubSecret,
  type RedactOptions,
} from '../engine/http/redact';

/** Every request and response a summary carries, with the key header redacted and the key scrubbed. */
export function redactSummary(summary: RunSummary, options: RedactOptions): RunSummary {
  const scrubbed = scrubSecret(summary, options.secret);
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
    failures: scrubbed.failures.map((f) => ({
      ...f,
      ...(f.request ? { request: redactRequest(f.request, options) } : {}),
      ...(f.response ? { response: redactResponse(f.response, options) } : {}),
      ...(f.shrunk
        ? {
            shrunk: {
              ...f.shrunk,
              request: redactRequest(f.shrunk.request, options),
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
    })),
  };
}

/** Redaction for every secret in turn. */
export function redactAll(summary: RunSummary, keyHeader: string, secrets: string[]): RunSummary {
  let out = redactSummary(summary, { keyHeader });
  for (const secret of secrets) out = redactSummary(out, { keyHeader, secret });
  return out;
}
