import type { CheckRecord, CheckStatus, FailureRecord, RunSummary } from '../engine/summary';

/** The key a check is known by across runs and reports. */
export function checkKey(check: Pick<CheckRecord, 'operationId' | 'check'>): string {
  return `${check.operationId} > ${check.check}`;
}

const SEVERITY: Record<CheckStatus, number> = { skipped: 0, passed: 1, failed: 2, error: 3 };

/** When one check is recorded twice (shards), the worse verdict stands. */
export function worse(a: CheckStatus, b: CheckStatus): CheckStatus {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** Checks grouped by operation, in first-seen order. */
export function groupByOperation(checks: CheckRecord[]): Map<string, CheckRecord[]> {
  const groups = new Map<string, CheckRecord[]>();
  for (const check of checks) {
    const group = groups.get(check.operationId) ?? [];
    group.push(check);
    groups.set(check.operationId, group);
  }
  return groups;
}

export function countStatuses(checks: Pick<CheckRecord, 'status'>[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { passed: 0, failed: 0, skipped: 0, error: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

/** The failure records of one check, in the summary's order. */
export function failuresOf(
  summary: Pick<RunSummary, 'failures'>,
  check: CheckRecord,
): FailureRecord[] {
  const ids = new Set(check.failures ?? []);
  return summary.failures.filter((f) => ids.has(f.id));
}
