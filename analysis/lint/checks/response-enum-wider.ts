import { child, type OperationModel, type SpecModel } from '../../../model';
import { resolvedNodes } from '../resolved-walk';
import type { Finding, LintCheck } from '../types';

interface EnumUse {
  property: string;
  values: unknown[];
  pointer: string;
}

function enumsUnder(spec: SpecModel, roots: string[]): EnumUse[] {
  return roots.flatMap((root) =>
    resolvedNodes(spec.parsed, root).flatMap(({ pointer, schema, property }) =>
      Array.isArray(schema.enum) && property
        ? [{ property, values: schema.enum, pointer: child(pointer, 'enum') }]
        : [],
    ),
  );
}

const requestRoots = (ops: OperationModel[]): string[] =>
  ops.flatMap((op) => (op.requestBody?.contents ?? []).map((m) => m.schemaPointer));

const successRoots = (ops: OperationModel[]): string[] =>
  ops.flatMap((op) =>
    Object.values(op.responses)
      .filter((r) => /^2/.test(r.status))
      .flatMap((r) => r.contents.map((m) => m.schemaPointer)),
  );

/**
 * Within one version, a field a partner writes with one vocabulary and reads back with a wider
 * one: a client that validates what it reads against what it may write rejects the extra values.
 */
function widerInResponses(spec: SpecModel, version: string): Finding[] {
  const ops = spec.operations.filter((o) => o.version === version);
  const written = enumsUnder(spec, requestRoots(ops));
  const read = enumsUnder(spec, successRoots(ops));
  const findings = new Map<string, Finding>();
  for (const r of read) {
    for (const w of written.filter((x) => x.property === r.property && x.pointer !== r.pointer)) {
      const extra = r.values.filter((v) => !w.values.includes(v));
      if (extra.length === 0) continue;
      findings.set(`${w.pointer} ${r.pointer}`, {
        severity: 'warning',
        rule: responseEnumWider.rule,
        pointer: r.pointer,
        message: `${r.property} is written with ${w.pointer} (${w.values.join(', ')}) but read back with ${extra.length} more values: ${extra.join(', ')}`,
      });
    }
  }
  return [...findings.values()];
}

export const responseEnumWider: LintCheck = {
  rule: 'response-enum-wider',
  description:
    'a field read back in responses uses no value the requests of the same version cannot write',
  run: (spec) =>
    [...new Set(spec.operations.map((o) => o.version))].flatMap((v) => widerInResponses(spec, v)),
};
