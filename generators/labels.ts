import type { ViolationKind } from '../model';

/**
 * The ajv keywords that report each kind of violation, where it differs from the kind's name:
 * a missing search bound is a `required` error, a search without criterion an `anyOf` one.
 */
export const AJV_KEYWORDS_OF: Partial<Record<ViolationKind, ReadonlyArray<string>>> = {
  minimum: ['minimum', 'exclusiveMinimum'],
  maximum: ['maximum', 'exclusiveMaximum'],
  'search-missing-bound': ['required'],
  'search-no-criterion': ['anyOf', 'oneOf'],
};
