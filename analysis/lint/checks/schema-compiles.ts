import { UsageError, type SpecModel } from '../../../model';
import { schemaNodes } from '../schema-nodes';
import type { Finding, LintCheck } from '../types';

/** Component schemas and the schemas operations use: the ones a validator is ever built for. */
function rootPointers(spec: SpecModel): string[] {
  const operationSchemas = spec.operations.flatMap((op) => [
    ...op.parameters.map((p) => p.schemaPointer),
    ...(op.requestBody?.contents ?? []).map((m) => m.schemaPointer),
    ...Object.values(op.responses).flatMap((r) => r.contents.map((m) => m.schemaPointer)),
  ]);
  const components = schemaNodes(spec)
    .map((n) => n.pointer)
    .filter((p) => /^#\/components\/schemas\/[^/]+$/.test(p));
  return [...new Set([...components, ...operationSchemas])];
}

function compileFinding(spec: SpecModel, pointer: string): Finding[] {
  try {
    spec.validatorAt(pointer);
    return [];
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    // SpecError messages start with the file and pointer; the finding carries the pointer already.
    const reason = err.message
      .slice(err.message.indexOf(pointer) + pointer.length)
      .replace(/^:\s*/, '');
    return [{ severity: 'error', rule: schemaCompiles.rule, pointer, message: reason }];
  }
}

/** A schema ajv cannot compile means no response at that status can ever be checked. */
export const schemaCompiles: LintCheck = {
  rule: 'schema-compiles',
  description: 'every component schema and every request/response/parameter schema compiles',
  run: (spec) => rootPointers(spec).flatMap((p) => compileFinding(spec, p)),
};
