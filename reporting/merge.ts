import type { Coverage, Dimension } from '../engine/coverage';
import { DIMENSIONS } from '../engine/coverage';
import type {
  CheckRecord,
  ExcuseUse,
  FailureRecord,
  Observation,
  RunSummary,
} from '../engine/summary';
import { totalsOf, verdictOf } from '../engine/summary';
import { UsageError } from '../model/errors';
import { checkKey, worse } from './checks';

function mergeCoverage(parts: Array<Coverage | undefined>): Coverage | undefined {
  const present = parts.filter((c): c is Coverage => c !== undefined);
  if (present.length === 0) return undefined;
  const operations = present.flatMap((c) => c.operations);
  const totals = {} as Coverage['totals'];
  for (const key of Object.keys(DIMENSIONS) as Dimension[]) {
    const covered = operations.reduce((n, o) => n + o.dimensions[key].covered, 0);
    const total = operations.reduce((n, o) => n + o.dimensions[key].total, 0);
    totals[key] = {
      covered,
      total,
      percent: total === 0 ? 100 : Math.round((covered / total) * 1000) / 10,
    };
  }
  return { operations, totals };
}

/**
 * The target a shard ran against, as shards of one run share it: a remote target by name and
 * base URL; the built-in mock by name only (each shard starts its own, on a port of its own).
 */
function targetOf(summary: RunSummary): string {
  const { name, kind, baseUrl } = summary.target;
  return kind === 'mock' || !baseUrl ? `${name} (${kind})` : `${name} (${baseUrl})`;
}

/**
 * Shard summaries of one run (same spec, target and seed) as one summary: the checks of every
 * shard, failures and excuses added up, coverage per operation. The verdict and totals are
 * computed again, exactly as a run computes them.
 */
export function mergeSummaries(parts: Array<{ file: string; summary: RunSummary }>): RunSummary {
  if (parts.length === 0) throw new UsageError('merge: no summary to merge');
  const [first] = parts;
  for (const { file, summary } of parts) {
    if (summary.spec.sha256 !== first.summary.spec.sha256)
      throw new UsageError(
        `${file}: another spec (SHA-256 ${summary.spec.sha256.slice(0, 12)}…) than ${first.file}`,
      );
    if (targetOf(summary) !== targetOf(first.summary))
      throw new UsageError(
        `${file}: target ${targetOf(summary)}, but ${first.file} has target ${targetOf(first.summary)}: shards of one run share their target`,
      );
    if (summary.seed !== first.summary.seed)
      throw new UsageError(
        `${file}: seed ${summary.seed}, but ${first.file} has seed ${first.summary.seed}: shards of one run share their seed`,
      );
  }
  const checks = new Map<string, CheckRecord>();
  for (const { summary } of parts) {
    for (const c of summary.checks) {
      const seen = checks.get(checkKey(c));
      checks.set(checkKey(c), seen && worse(seen.status, c.status) === seen.status ? seen : c);
    }
  }
  const failures = new Map<string, FailureRecord>();
  const excuses = new Map<string, ExcuseUse>();
  const observations = new Map<string, Observation>();
  for (const { summary } of parts) {
    for (const f of summary.failures) {
      const seen = failures.get(f.id);
      failures.set(f.id, seen ? { ...seen, count: seen.count + f.count } : f);
    }
    for (const e of summary.excuses) {
      const key = `${e.check}\u0000${e.excuse}`;
      const seen = excuses.get(key);
      excuses.set(key, seen ? { ...seen, count: seen.count + e.count } : e);
    }
    for (const o of summary.observations) {
      const key = `${o.operationId ?? ''}\u0000${o.check ?? ''}\u0000${o.text}`;
      const seen = observations.get(key);
      observations.set(key, seen ? { ...seen, count: seen.count + o.count } : o);
    }
  }
  const records = [...checks.values()];
  const { shard: _shard, ...base } = first.summary;
  return {
    ...base,
    startedAt: parts.map((p) => p.summary.startedAt).sort()[0],
    durationMs: Math.max(...parts.map((p) => p.summary.durationMs)),
    verdict: verdictOf(records),
    totals: totalsOf(records),
    requests: parts.reduce((n, p) => n + p.summary.requests, 0),
    operations: parts.flatMap((p) => p.summary.operations),
    checks: records,
    failures: [...failures.values()],
    excuses: [...excuses.values()],
    observations: [...observations.values()],
    coverage: mergeCoverage(parts.map((p) => p.summary.coverage)),
    createdObjects: parts.flatMap((p) => p.summary.createdObjects),
  };
}
