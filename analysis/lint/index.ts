import type { SpecModel } from '../../model';
import { CHECKS } from './checks';
import type { Finding, LintCheck } from './types';

export type { Finding, LintCheck, Severity } from './types';
export { CHECKS } from './checks';
export { renderText, renderJson, summaryOf, type LintReport } from './render';

const byPointer = (a: Finding, b: Finding): number =>
  a.pointer < b.pointer
    ? -1
    : a.pointer > b.pointer
      ? 1
      : a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);

/**
 * Check the spec against itself: examples against schemas, headers across operations,
 * deprecations against successors, and the other rules in `CHECKS`. Sorted by pointer.
 */
export function lintSpec(spec: SpecModel, checks: readonly LintCheck[] = CHECKS): Finding[] {
  return checks.flatMap((check) => check.run(spec)).sort(byPointer);
}

/** Exit status of a lint run: 1 when anything is an error, else 0. */
export function exitCodeOf(findings: Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
