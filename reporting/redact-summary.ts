import type { RunSummary } from '../engine/types';
import { redactRequest, redactResponse, scrubSecret, type RedactOptions } from '../engine/http/redact';

/** The runner redacts already; this is the safety net for anything it missed. */
export function redactSummary(summary: RunSummary, options: RedactOptions): RunSummary {
  const scrubbed = scrubSecret(summary, options.secret);
  return {
    ...scrubbed,
    checks: scrubbed.checks.map((check) => ({
      ...check,
      request: check.request && redactRequest(check.request, options),
      response: check.response && redactResponse(check.response, options),
    })),
  };
}
