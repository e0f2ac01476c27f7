import path from 'node:path';
import { getSpec } from '../model';
import type { Exchange } from '../model/exchange';
import type { RunConfig } from '../engine/config';
import { readPartResults } from '../engine/parts';
import type { CheckRecord, RunSummary } from '../engine/types';
import { toolInfo } from './tool-info';
import { curlFor } from '../engine/http/curl';

export interface AssembledRun {
  summary: RunSummary;
  exchanges: Exchange[];
  keyHeader: string;
}

/** A stable id for a failure, so `conformance replay ID` can find it again. */
export function failureIdOf(record: CheckRecord): string {
  const text = `${record.operationId}>${record.check}`;
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `F${h.toString(16).padStart(8, '0')}`;
}

const RANK = { failed: 2, passed: 1, skipped: 0 } as const;

/**
 * Several suite files can judge the same check (a read suite creates objects through the
 * create operation, so create's response checks run there too): one record per check, the
 * worst verdict kept, exchanges added up.
 */
export function mergeRecords(records: CheckRecord[]): CheckRecord[] {
  const merged = new Map<string, CheckRecord>();
  for (const record of records) {
    const key = `${record.operationId}>${record.check}`;
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, { ...record });
      continue;
    }
    const winner = RANK[record.status] > RANK[seen.status] ? { ...record } : seen;
    winner.exchanges = seen.exchanges + record.exchanges;
    const observations = [
      ...new Set([...(seen.observations ?? []), ...(record.observations ?? [])]),
    ];
    if (observations.length) winner.observations = observations;
    merged.set(key, winner);
  }
  return [...merged.values()];
}

/** The parts the suite files of one run left, merged into the run's summary. */
export async function assembleRun(
  config: RunConfig,
  startedAt: string,
  durationMs: number,
): Promise<AssembledRun | undefined> {
  const parts = readPartResults(config);
  if (parts.length === 0) return undefined;
  const spec = await getSpec(config.specPath);
  const order = new Map(spec.operations.map((op, i) => [op.operationId, i]));
  const target = parts[0].target;
  const checks = mergeRecords(parts.flatMap((p) => p.records))
    .sort((a, b) => (order.get(a.operationId) ?? 0) - (order.get(b.operationId) ?? 0))
    .map((record) =>
      record.status === 'failed'
        ? {
            ...record,
            failureId: failureIdOf(record),
            curl: record.request
              ? curlFor(target.baseUrl ?? '', record.request, parts[0].keyHeader)
              : undefined,
          }
        : record,
    );
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const c of checks) totals[c.status]++;
  const summary: RunSummary = {
    tool: toolInfo(),
    target,
    spec: {
      title: spec.title,
      version: spec.version,
      path: path.relative(process.cwd(), spec.specPath) || spec.specPath,
      sha256: spec.sha256,
    },
    runId: config.runId,
    seed: config.seed,
    runs: config.runs,
    startedAt,
    durationMs,
    totals,
    checks,
    createdObjects: parts.flatMap((p) => p.createdObjects),
  };
  return { summary, exchanges: parts.flatMap((p) => p.exchanges), keyHeader: parts[0].keyHeader };
}
