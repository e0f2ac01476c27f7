import {
  canonicalPointer,
  type HeaderModel,
  type OperationModel,
  type SpecModel,
} from '../../../model';
import { structuralKey } from '../structural';
import type { Finding, LintCheck } from '../types';

const RULE = 'header-consistency';

const lower = (h: HeaderModel): string => h.name.toLowerCase();

/** Headers any response of `op` declares, by lower-cased name, with their spelling. */
function declaredHeaders(op: OperationModel): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of Object.values(op.responses))
    for (const h of r.headers) names.set(lower(h), h.name);
  return names;
}

/** A response that lacks headers its siblings declare leaves clients unsure they will get them. */
function missingInOperation(spec: SpecModel, op: OperationModel): Finding[] {
  const declared = declaredHeaders(op);
  return Object.values(op.responses).flatMap((response) => {
    const own = new Set(response.headers.map(lower));
    const missing = [...declared.entries()]
      .filter(([key]) => !own.has(key))
      .map(([, name]) => name);
    if (missing.length === 0) return [];
    return [
      {
        severity: 'warning' as const,
        rule: RULE,
        pointer: canonicalPointer(spec.parsed, response.pointer),
        message: `${op.operationId} ${response.status} does not declare ${missing.join(', ')}, which other responses of the operation declare`,
      },
    ];
  });
}

/** Headers that most operations declare, missing from every response of another operation. */
function missingAcrossOperations(spec: SpecModel): Finding[] {
  const perOp = spec.operations.map((op) => ({ op, names: declaredHeaders(op) }));
  const counts = new Map<string, { name: string; count: number }>();
  perOp.forEach(({ names }) =>
    names.forEach((name, key) =>
      counts.set(key, { name, count: (counts.get(key)?.count ?? 0) + 1 }),
    ),
  );
  // Only a header most operations declare is an expectation; a rare one is a local choice.
  const common = [...counts.entries()].filter(([, c]) => c.count * 2 > perOp.length);
  return perOp.flatMap(({ op, names }) => {
    const missing = common.filter(([key]) => !names.has(key)).map(([, c]) => c.name);
    if (missing.length === 0) return [];
    return [
      {
        severity: 'warning' as const,
        rule: RULE,
        pointer: op.pointer,
        message: `${op.operationId} declares none of ${missing.join(', ')}, which other operations declare`,
      },
    ];
  });
}

/** One header name, one schema: a client parses it the same way whatever the operation. */
function schemaDrift(spec: SpecModel): Finding[] {
  const byName = new Map<string, Array<{ header: HeaderModel; where: string }>>();
  for (const op of spec.operations) {
    for (const r of Object.values(op.responses)) {
      for (const header of r.headers) {
        const list = byName.get(lower(header)) ?? [];
        list.push({ header, where: `${op.operationId} ${r.status}` });
        byName.set(lower(header), list);
      }
    }
  }
  const findings: Finding[] = [];
  for (const uses of byName.values()) {
    const groups = new Map<string, typeof uses>();
    for (const use of uses) {
      const key = structuralKey(use.header.schema);
      groups.set(key, [...(groups.get(key) ?? []), use]);
    }
    if (groups.size < 2) continue;
    const [majority, ...others] = [...groups.values()].sort((a, b) => b.length - a.length);
    for (const use of others.flat()) {
      findings.push({
        severity: 'warning',
        rule: RULE,
        pointer: use.header.schemaPointer,
        message: `${use.header.name} on ${use.where} has a different schema from ${majority[0].where} (and ${majority.length - 1} more)`,
      });
    }
  }
  return findings;
}

export const headerConsistency: LintCheck = {
  rule: RULE,
  description:
    'response headers (e.g. X-RateLimit-*) declared on every response of an operation, on every operation, with one schema',
  run: (spec) => [
    ...spec.operations.flatMap((op) => missingInOperation(spec, op)),
    ...missingAcrossOperations(spec),
    ...schemaDrift(spec),
  ],
};
