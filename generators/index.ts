import fc from 'fast-check';
import type { OperationModel, SpecModel } from '../model';
import { invalidRequestOf } from './invalid';
import { validRequestOf } from './request/valid';
import type { GeneratorOptions, InvalidSample, RequestSample } from './types';

export type {
  GeneratorOptions,
  InvalidSample,
  RequestSample,
  ValueMutation,
  Replacement,
} from './types';
export { REMOVE } from './types';
export {
  arbitraryFromSchema,
  UnsupportedSchemaError,
  type SchemaGeneratorOptions,
  type SchemaHook,
  type SchemaSite,
} from './schema';
export { toHttpRequest, apiKeyHeaders, fillPath } from './request/http';
export { requestFindings, type Finding } from './request/findings';
export { decodeParam, serializeParam } from './request/params';
export { valueAtRequest, withValueAt } from './request/pointer';
export { invalidKindsOf } from './invalid';
export { unknownId, partnerIdPointer } from './invalid/stateful';
export { DESCRIPTION_RULES, type DescriptionRule, type RuleFinding } from './rules';
export { AJV_KEYWORDS_OF } from './labels';

type OperationArg = OperationModel | string;

const resolve = (spec: SpecModel, op: OperationArg): OperationModel =>
  typeof op === 'string' ? spec.operation(op) : op;

/** Valid requests for an operation (pass the model or its operationId). */
export function validRequest(
  spec: SpecModel,
  op: OperationArg,
  options?: GeneratorOptions,
): fc.Arbitrary<RequestSample> {
  return validRequestOf(resolve(spec, op), options);
}

/** Requests breaking exactly one rule. Throws a UsageError for operations that admit none (e.g. a read by id). */
export function invalidRequest(
  spec: SpecModel,
  op: OperationArg,
  options?: GeneratorOptions,
): fc.Arbitrary<InvalidSample> {
  return invalidRequestOf(resolve(spec, op), options);
}

/**
 * Stateful cases, for the suites to sequence: `unknownIdRequest(op)` is a valid request to an id
 * never created (ERROR_048); `duplicatePartnerIdRequest(op, earlierCreate)` a valid create that
 * reuses an earlier partner id (ERR801).
 */
export {
  unknownIdRequestOf as unknownIdRequest,
  duplicatePartnerIdRequestOf as duplicatePartnerIdRequest,
} from './invalid/stateful';

export interface SampleOptions extends GeneratorOptions {
  seed?: number;
  /** How many samples (default 10). */
  count?: number;
}

/** `count` valid requests, replayable from `seed`. */
export function sampleValid(op: OperationModel, options: SampleOptions = {}): RequestSample[] {
  const { seed, count = 10, ...rest } = options;
  return fc.sample(validRequestOf(op, rest), { seed, numRuns: count });
}

/** `count` labelled invalid requests, replayable from `seed`. */
export function sampleInvalid(op: OperationModel, options: SampleOptions = {}): InvalidSample[] {
  const { seed, count = 10, ...rest } = options;
  return fc.sample(invalidRequestOf(op, rest), { seed, numRuns: count });
}

export { drawShrinkable, shrinksOf, type Drawn } from './draw';
export {
  invalidCoverage,
  validCoverage,
  validCoverageBeyond,
  enumPlaces,
  enumValuesSent,
  placeOf,
} from './coverage';
export { breaksOnlyItsLabel, labelFound, strayFindings } from './invalid/still-invalid';
