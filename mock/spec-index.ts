import { roleOf, type OperationModel, type OperationRole, type SpecModel } from '../model';
import { itemsOf, propertiesOf, type SchemaObject } from '../model/schema-access';
import { FIELDS } from './spec-fields';

/**
 * Where the mock finds things in the model: operations by role and version (never by path),
 * and the few schemas it shapes objects with.
 */
export interface SpecIndex {
  spec: SpecModel;
  /** Versions that can read the resource, oldest first ('v0', 'v1'). */
  versions: string[];
  /** The newest version: its read vocabulary is the one objects are stored in. */
  latest: string;
  op(role: OperationRole, version: string): OperationModel | undefined;
  /** `data.leadOpportunity` in the read's 200 schema. */
  readResource(version: string): SchemaObject | undefined;
  /** The create body's schema. */
  createBody(version: string): SchemaObject | undefined;
  /** An offer line's `revenueType` schema: as created, and as read. */
  createRevenueType(version: string): SchemaObject | undefined;
  readRevenueType(version: string): SchemaObject | undefined;
}

const versionNumber = (v: string): number => Number(/\d+/.exec(v)?.[0] ?? -1);

function successSchema(op: OperationModel | undefined): SchemaObject | undefined {
  const status = op && Object.keys(op.responses).find((s) => /^2\d\d$/.test(s));
  return status ? (op.responses[status].json?.schema as SchemaObject | undefined) : undefined;
}

/** A function of a version, computed once per version: the mock asks on every request. */
function perVersion<T>(compute: (version: string) => T): (version: string) => T {
  const known = new Map<string, T>();
  return (version) => {
    if (!known.has(version)) known.set(version, compute(version));
    return known.get(version) as T;
  };
}

export function indexSpec(spec: SpecModel): SpecIndex {
  const byRole = new Map<OperationRole, (version: string) => OperationModel | undefined>();
  const op = (role: OperationRole, version: string): OperationModel | undefined => {
    let find = byRole.get(role);
    if (!find) {
      find = perVersion((v) => spec.operations.find((o) => roleOf(o) === role && o.version === v));
      byRole.set(role, find);
    }
    return find(version);
  };
  const versions = [
    ...new Set(spec.operations.filter((o) => roleOf(o) === 'read').map((o) => o.version)),
  ].sort((a, b) => versionNumber(a) - versionNumber(b));
  const readResource = perVersion(
    (version): SchemaObject | undefined =>
      propertiesOf(propertiesOf(successSchema(op('read', version)))[FIELDS.data])[FIELDS.resource],
  );
  const createBody = perVersion(
    (version): SchemaObject | undefined =>
      op('create', version)?.requestBody?.json?.schema as SchemaObject | undefined,
  );
  return {
    spec,
    versions,
    latest: versions[versions.length - 1] ?? 'unversioned',
    op,
    readResource,
    createBody,
    createRevenueType: perVersion(
      (version) =>
        propertiesOf(itemsOf(propertiesOf(createBody(version))[FIELDS.offerLines]))[
          FIELDS.revenueType
        ],
    ),
    readRevenueType: perVersion(
      (version) =>
        propertiesOf(itemsOf(propertiesOf(readResource(version))[FIELDS.offerLines]))[
          FIELDS.revenueType
        ],
    ),
  };
}
