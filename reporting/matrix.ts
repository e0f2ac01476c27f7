import type { RunSummary } from '../engine/types';

const MARK = { passed: 'pass', failed: 'FAIL', skipped: 'skip' } as const;

/** The operation x check table the run ends with, plus the totals line. */
export function renderMatrix(summary: RunSummary): string {
  const checks = [...new Set(summary.checks.map((c) => c.check))];
  const ops = [...new Set(summary.checks.map((c) => c.operationId))];
  const cell = new Map(summary.checks.map((c) => [`${c.operationId}>${c.check}`, MARK[c.status]]));
  const lines: string[] = [];
  // One row per check, one column per operation: check names are long, operation ids are few.
  const colWidth = (o: string): number => Math.max(4, o.length);
  const checkWidth = Math.max(5, ...checks.map((c) => c.length));
  lines.push(['check'.padEnd(checkWidth), ...ops.map((o) => o.padEnd(colWidth(o)))].join(' | '));
  lines.push(['-'.repeat(checkWidth), ...ops.map((o) => '-'.repeat(colWidth(o)))].join('-|-'));
  for (const check of checks) {
    lines.push(
      [
        check.padEnd(checkWidth),
        ...ops.map((o) => (cell.get(`${o}>${check}`) ?? '-').padEnd(colWidth(o))),
      ].join(' | '),
    );
  }
  const { passed, failed, skipped } = summary.totals;
  lines.push('');
  for (const c of summary.checks.filter((x) => x.status === 'failed')) {
    lines.push(`FAIL ${c.operationId} > ${c.check} [${c.failureId ?? '-'}]: ${c.message}`);
  }
  lines.push(
    `target ${summary.target.name}${summary.target.baseUrl ? ` (${summary.target.baseUrl})` : ''} · seed ${summary.seed} · runs ${summary.runs}`,
  );
  lines.push(`checks: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return lines.join('\n');
}
