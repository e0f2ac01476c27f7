import type { FailOn } from '../engine/config';
import type { RunSummary } from '../engine/summary';
import type { RunComparison } from './regression';

/** Exit codes every command documents. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

export interface GateResult {
  code: 0 | 1 | 3;
  /** One line saying why. */
  reason: string;
}

/**
 * The one gate: the CLI, the jest reporter and `merge` all decide the exit code here. A suite
 * defect is 3; a run that verified nothing, or could not conclude, is never green; with a
 * baseline, `new` fails only on failure signatures the baseline did not have, `any` on any
 * failure and on a check that went from verified to skipped.
 */
export function gate(
  summary: RunSummary,
  comparison?: RunComparison,
  failOn: FailOn = 'any',
): GateResult {
  const { passed, failed, errors } = summary.totals;
  if (errors > 0)
    return {
      code: 3,
      reason: `internal error in ${errors} check(s): the suite's own defect (errors.log)`,
    };
  // A failed check was verified too: only a run with neither a pass nor a failure verified nothing.
  if (passed === 0 && failed === 0)
    return { code: 1, reason: 'nothing was verified (every check skipped): not a green gate' };
  if (comparison && failOn === 'new') {
    if (comparison.newFailures.length > 0)
      return {
        code: 1,
        reason: `${comparison.newFailures.length} new failure(s): ${comparison.newFailures.map((f) => f.id).join(', ')}`,
      };
  } else {
    if (failed > 0) return { code: 1, reason: `${failed} check(s) failed` };
    if (comparison && comparison.nowSkipped.length > 0)
      return {
        code: 1,
        reason: `${comparison.nowSkipped.length} check(s) verified in the baseline are skipped now`,
      };
  }
  if (summary.verdict === 'INCONCLUSIVE')
    return {
      code: 1,
      reason: 'inconclusive: some checks could not conclude (see the skipped ones)',
    };
  return {
    code: 0,
    reason: comparison && failOn === 'new' ? 'no new failure' : 'every verified check passed',
  };
}
