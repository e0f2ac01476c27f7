import { roleOf } from './roles';
import type { OperationModel } from './types';

/**
 * The rules the spec states in prose (descriptions, examples) rather than in schemas, and the
 * outcome it documents for each way a request can be wrong. This is the one place that maps a
 * kind of invalid input to a status and error code: generators label cases with it, the mock
 * answers with it, checks assert it.
 */
export type ViolationKind =
  // Schema rules, found by ajv.
  | 'required'
  | 'type'
  | 'enum'
  | 'const'
  | 'pattern'
  | 'format'
  | 'minLength'
  | 'maxLength'
  | 'minimum'
  | 'maximum'
  | 'minItems'
  | 'maxItems'
  | 'additionalProperties'
  | 'oneOf'
  | 'anyOf'
  // HTTP-level problems.
  | 'malformed-json'
  | 'wrong-content-type'
  | 'empty-body'
  // Rules written in descriptions.
  | 'search-no-criterion'
  | 'search-missing-bound'
  | 'search-from-not-before-to'
  | 'search-window-too-long'
  | 'date-time-not-utc'
  | 'duplicate-partner-id'
  | 'unknown-id';

/** The kinds ajv reports: a request breaking one of these fails the schema itself. */
export const SCHEMA_VIOLATIONS: readonly ViolationKind[] = [
  'required',
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minItems',
  'maxItems',
  'additionalProperties',
  'oneOf',
  'anyOf',
];

export interface DocumentedOutcome {
  /** Statuses a conforming server may answer with. */
  statuses: number[];
  /** The `error.code` the spec documents for this case, when it documents one. */
  code?: string;
  /** Where the spec says so, for a reader of a failure. */
  source: string;
}

/** Error codes the spec's examples document. */
export const ERROR_CODES = {
  duplicatePartnerId: 'ERR801',
  dateFormat: 'ERR805',
  maintenance: 'ERR899',
  searchMissingBound: 'ERROR_043',
  badTop: 'ERROR_004',
  unknownId: 'ERROR_048',
} as const;

/** "The maximum time window allowed for the search is 1 week / 7 days". */
export const SEARCH_MAX_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const DATE_FORMATS = new Set(['date', 'date-time']);

/**
 * The outcome the spec documents when `op` receives a request that breaks `kind` at `pointer`
 * (a pointer into the request: `/body/leadOpportunity/closeDate`, `/query/top`).
 * `format` is the JSON Schema format of the field, when the violation is a format one.
 */
export function documentedOutcome(
  op: OperationModel,
  kind: ViolationKind,
  pointer: string,
  format?: string,
): DocumentedOutcome {
  const role = roleOf(op);
  if (kind === 'unknown-id') {
    return { statuses: [500], code: ERROR_CODES.unknownId, source: '500 example: ERROR_048' };
  }
  if (kind === 'duplicate-partner-id') {
    return { statuses: [400], code: ERROR_CODES.duplicatePartnerId, source: '400 example: ERR801' };
  }
  if (
    (role === 'create' || role === 'update') &&
    kind === 'format' &&
    format !== undefined &&
    DATE_FORMATS.has(format)
  ) {
    return { statuses: [406], code: ERROR_CODES.dateFormat, source: '406 example: ERR805' };
  }
  if (role === 'search' && kind === 'search-missing-bound') {
    return {
      statuses: [400],
      code: ERROR_CODES.searchMissingBound,
      source: '400 example: ERROR_043',
    };
  }
  if (role === 'list' && /^\/query\/top$/.test(pointer)) {
    return { statuses: [400], code: ERROR_CODES.badTop, source: '400 example: ERROR_004 (top=-5)' };
  }
  return { statuses: [400], source: '400: Bad request, invalid input' };
}
