import type { OperationRef } from '../../model';

export type Side = 'request' | 'response';

export type ChangeKind =
  // Operation level.
  | 'status-added'
  | 'status-removed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-required-added'
  | 'parameter-required-removed'
  | 'request-body-added'
  | 'request-body-removed'
  | 'request-body-required-added'
  | 'request-body-required-removed'
  | 'media-type-added'
  | 'media-type-removed'
  | 'header-added'
  | 'header-removed'
  // Schema level.
  | 'property-added'
  | 'property-removed'
  | 'required-added'
  | 'required-removed'
  | 'enum-values-added'
  | 'enum-values-removed'
  | 'enum-added'
  | 'enum-removed'
  | 'type-narrowed'
  | 'type-widened'
  | 'type-changed'
  | 'format-added'
  | 'format-removed'
  | 'format-changed'
  | 'constraint-tightened'
  | 'constraint-loosened'
  | 'default-added'
  | 'default-removed'
  | 'default-changed';

/** One difference between a v0 operation and its successor, judged for a partner moving to v1. */
export interface Change {
  kind: ChangeKind;
  /** True when a client built for v0 can fail against v1 because of this change. */
  breaking: boolean;
  /** Why it is (not) breaking, in one line. */
  rationale: string;
  where: Side;
  /** Response status as written in the spec, for response changes. */
  status?: string;
  /** Where in the message: `offerLines[].revenueType`, `query.top`, `header X-RateLimit-Limit`. */
  path: string;
  /** Pointer into the document on the v0 side, when the v0 side has the thing. */
  v0Pointer?: string;
  /** Pointer into the document on the v1 side, when the v1 side has the thing. */
  v1Pointer?: string;
  /** The values involved (enum values, types, formats, constraint values), when any. */
  values?: unknown[];
  message: string;
}

export interface OperationPair {
  v0: OperationRef;
  v1: OperationRef;
  changes: Change[];
}

export interface DeprecationDiff {
  /** Each deprecated operation and the successor its description names. */
  pairs: OperationPair[];
  /** v0 operations that are not deprecated and have no successor: still the current way. */
  currentV0: OperationRef[];
  /** Deprecated operations whose successor could not be found (see the lint rule deprecated-successor). */
  unresolved: OperationRef[];
}
