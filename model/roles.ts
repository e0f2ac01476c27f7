import type { OperationModel } from './types';

/**
 * What an operation does to its resource, read from its method and path shape, so that rules
 * written once for "create" or "read" apply to v0, v1 and any later version alike.
 */
export type OperationRole = 'create' | 'read' | 'update' | 'search' | 'list' | 'other';

const hasPathParam = (op: OperationModel): boolean => /\{[^}]+\}\/?$/.test(op.path);
const isSearchPath = (op: OperationModel): boolean => /\/search\/?$/.test(op.path);

export function roleOf(op: OperationModel): OperationRole {
  if (isSearchPath(op)) return op.method === 'post' ? 'search' : 'list';
  if (op.method === 'post' && !hasPathParam(op)) return 'create';
  if (op.method === 'get' && hasPathParam(op)) return 'read';
  if ((op.method === 'patch' || op.method === 'put') && hasPathParam(op)) return 'update';
  if (op.method === 'get') return 'list';
  return 'other';
}

/** `leads-opportunities` for `/sales/api4partners/v1/leads-opportunities/{id}`. */
export function resourceOf(op: OperationModel): string {
  const parts = op.path.split('/').filter((p) => p && !/^\{.*\}$/.test(p) && p !== 'search');
  return parts[parts.length - 1] ?? op.path;
}

/** The operations that act on the same resource with the given role and version. */
export function sibling(
  operations: OperationModel[],
  of: OperationModel,
  role: OperationRole,
  version = of.version,
): OperationModel | undefined {
  return operations.find(
    (o) => resourceOf(o) === resourceOf(of) && roleOf(o) === role && o.version === version,
  );
}
