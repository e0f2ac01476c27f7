import type { OperationModel, OperationRef, SpecModel } from '../../model';
import { diffOperations } from './operation-diff';
import type { DeprecationDiff } from './types';

export type * from './types';
export { CLASSIFIERS, classify, type Verdict } from './classify';
export { diffSchemas } from './schema-diff';
export { diffOperations } from './operation-diff';
export { renderMarkdown, renderJson } from './render';

const refOf = (op: OperationRef): OperationRef => ({
  operationId: op.operationId,
  method: op.method,
  path: op.path,
});

/**
 * For every deprecated operation, the differences a partner meets when moving to the successor
 * its description names; plus the v0 operations that have no successor and stay current.
 */
export function diffDeprecated(spec: SpecModel): DeprecationDiff {
  const byId = new Map(spec.operations.map((o) => [o.operationId, o]));
  const deprecated = spec.operations.filter((o) => o.deprecated);
  const pairs = deprecated.flatMap((v0) => {
    const v1: OperationModel | undefined = v0.successor && byId.get(v0.successor.operationId);
    return v1 ? [{ v0: refOf(v0), v1: refOf(v1), changes: diffOperations(spec, v0, v1) }] : [];
  });
  return {
    pairs,
    currentV0: spec.operations.filter((o) => o.version === 'v0' && !o.deprecated).map(refOf),
    unresolved: deprecated.filter((o) => !o.successor).map(refOf),
  };
}
