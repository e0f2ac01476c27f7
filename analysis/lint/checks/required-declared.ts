import { segmentsOf, pointerOf, isRecord, type SpecModel } from '../../../model';
import { schemaAt } from '../example-sites';
import { branchesOf } from '../instance-walk';
import { schemaNodes } from '../schema-nodes';
import type { Finding, LintCheck } from '../types';

/** The composition parent of `pointer` when it is an allOf/anyOf/oneOf branch. */
function compositionParent(pointer: string): string | undefined {
  const segments = segmentsOf(pointer);
  const keyword = segments[segments.length - 2];
  return ['allOf', 'anyOf', 'oneOf'].includes(keyword)
    ? pointerOf(segments.slice(0, -2))
    : undefined;
}

/** Property names visible where a `required` sits: its own, its branches', and its composition parents'. */
function declaredAround(spec: SpecModel, pointer: string): Set<string> {
  const names = new Set<string>();
  for (let at: string | undefined = pointer; at !== undefined; at = compositionParent(at)) {
    for (const branch of branchesOf(schemaAt(spec, at))) {
      if (isRecord(branch.properties)) Object.keys(branch.properties).forEach((n) => names.add(n));
    }
  }
  return names;
}

/** A required name no schema around it declares is nearly always a typo or a renamed field. */
function undeclaredRequired(spec: SpecModel): Finding[] {
  return schemaNodes(spec).flatMap(({ pointer, schema }) => {
    if (!Array.isArray(schema.required)) return [];
    const declared = declaredAround(spec, pointer);
    // A bare `required` on a free-form object is deliberate; only judge objects that list properties.
    if (declared.size === 0) return [];
    return (schema.required as unknown[])
      .map(String)
      .filter((name) => !declared.has(name))
      .map((name) => ({
        severity: 'warning' as const,
        rule: requiredDeclared.rule,
        pointer: `${pointer}/required`,
        message: `'${name}' is required but not declared in properties (declared: ${[...declared].join(', ')})`,
      }));
  });
}

export const requiredDeclared: LintCheck = {
  rule: 'required-declared',
  description: 'every name listed in `required` is a declared property',
  run: undeclaredRequired,
};
