import type { SpecModel } from '../../../model';
import { structuralKey } from '../structural';
import type { Finding, LintCheck } from '../types';

interface Use {
  status: string;
  schemaPointer: string;
}

function responseSchemaUses(spec: SpecModel): Map<string, Use[]> {
  const byStructure = new Map<string, Use[]>();
  for (const op of spec.operations) {
    for (const response of Object.values(op.responses)) {
      if (!response.json) continue;
      const key = structuralKey(response.json.schema);
      const use = { status: response.status, schemaPointer: response.json.schemaPointer };
      byStructure.set(key, [...(byStructure.get(key) ?? []), use]);
    }
  }
  return byStructure;
}

/** Infrastructure statuses: what a gateway or proxy answers, so the body is the best evidence of who answered. */
const INFRASTRUCTURE = new Set(['429', '502', '503', '504']);

/**
 * When two statuses accept exactly the same bodies, validating a body says nothing about which of
 * them was meant: a 429 body passes the 401 schema and vice versa.
 */
function indistinguishable(uses: Use[]): Finding[] {
  const statuses = [...new Set(uses.map((u) => u.status))].sort();
  if (statuses.length < 2) return [];
  const schemas = [...new Set(uses.map((u) => u.schemaPointer))].sort();
  const involvesInfrastructure = statuses.some((s) => INFRASTRUCTURE.has(s));
  return [
    {
      severity: involvesInfrastructure ? 'warning' : 'info',
      rule: sharedStatusSchema.rule,
      pointer: schemas[0],
      message: `statuses ${statuses.join(', ')} share one body shape (${schemas.join(', ')}): a body cannot tell them apart`,
    },
  ];
}

export const sharedStatusSchema: LintCheck = {
  rule: 'shared-status-schema',
  description: 'error statuses (notably 429 and 503) have a body shape no other status shares',
  run: (spec) => [...responseSchemaUses(spec).values()].flatMap(indistinguishable),
};
