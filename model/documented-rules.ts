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
  | 'forecast-not-allowed'
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

/** One answer the spec documents: a status, and the `error.code` when it documents one. */
export interface DocumentedAnswer {
  status: number;
  code?: string;
}

export interface DocumentedOutcome {
  /**
   * The answers a conforming server may give, the first being the one the spec names most
   * directly. More than one only where the spec leaves the choice open.
   */
  answers: DocumentedAnswer[];
  /** Where the spec says so, for a reader of a failure. */
  source: string;
}

/** The statuses of an outcome's answers. */
export const statusesOf = (outcome: DocumentedOutcome): number[] =>
  outcome.answers.map((a) => a.status);

/** `406 ERR805 or 400`, as a reader would write it. */
export const answersText = (outcome: DocumentedOutcome): string =>
  outcome.answers.map((a) => `${a.status}${a.code ? ` ${a.code}` : ''}`).join(' or ');

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

/** `nextMilestoneDate` -> `next milestone date`. */
const wordsOf = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();

/** The error messages of an operation's documented examples for one status. */
export function exampleErrorMessages(op: OperationModel, status: number): string[] {
  const examples = op.responses[String(status)]?.json?.examples ?? [];
  return examples
    .map((e) => (e.value as { error?: { message?: unknown } } | undefined)?.error?.message)
    .filter((m): m is string => typeof m === 'string');
}

/** The `error.code` values an operation's documented examples show for one status. */
export function exampleErrorCodes(op: OperationModel, status: number): string[] {
  const examples = op.responses[String(status)]?.json?.examples ?? [];
  const codes = examples
    .map((e) => (e.value as { error?: { code?: unknown } } | undefined)?.error?.code)
    .filter((c): c is string => typeof c === 'string');
  return [...new Set(codes)];
}

/**
 * The date fields the 406 example names ("Incorrect Close Date/next milestone date Format"):
 * for those the spec ties a malformed value to 406 ERR805. Other date fields are not named.
 */
export function namedBy406(op: OperationModel, pointer: string): boolean {
  const field = pointer.split('/').pop() ?? '';
  if (!field || /^\d+$/.test(field)) return false;
  const words = wordsOf(field);
  return exampleErrorMessages(op, 406).some((m) =>
    m.replace(/\s+/g, ' ').toLowerCase().includes(words),
  );
}

const BAD_REQUEST: DocumentedAnswer = { status: 400 };
const BAD_REQUEST_SOURCE = '400: "Bad request, invalid input."';

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
    if (op.responses['500'])
      return {
        answers: [{ status: 500, code: ERROR_CODES.unknownId }],
        source: '500 example: ERROR_048 "No access or inexistant lead-opportunity id"',
      };
    return {
      answers: [BAD_REQUEST],
      source: `${op.operationId} documents no answer for an unknown id: a documented rejection (400)`,
    };
  }
  if (kind === 'duplicate-partner-id') {
    return {
      answers: [{ status: 400, code: ERROR_CODES.duplicatePartnerId }],
      source: '400 example 400_alreadyExisting: ERR801',
    };
  }
  const isDate = kind === 'format' && format !== undefined && DATE_FORMATS.has(format);
  if ((role === 'create' || role === 'update') && isDate && op.responses['406']) {
    const dateFormat = { status: 406, code: ERROR_CODES.dateFormat };
    if (namedBy406(op, pointer)) {
      return {
        answers: [dateFormat],
        source: '406 example: ERR805 "Incorrect Close Date/next milestone date Format"',
      };
    }
    // The 406 example names two fields; for the others the spec does not say which wins.
    return {
      answers: [BAD_REQUEST, dateFormat],
      source: `${BAD_REQUEST_SOURCE} or 406 ERR805 ("Date format provided in one input is not as per the expected format"): the spec does not say which applies to ${pointer.split('/').pop()}`,
    };
  }
  if (role === 'search' && kind === 'search-missing-bound') {
    return {
      answers: [{ status: 400, code: ERROR_CODES.searchMissingBound }],
      source: '400 example: ERROR_043 "Both startDateTime and endDateTime must be passed"',
    };
  }
  if (role === 'list' && /^\/query\/top$/.test(pointer)) {
    return {
      answers: [{ status: 400, code: ERROR_CODES.badTop }],
      source: '400 example: ERROR_004 "#top should be a positive, non zero integer" (top=-5)',
    };
  }
  return { answers: [BAD_REQUEST], source: BAD_REQUEST_SOURCE };
}
