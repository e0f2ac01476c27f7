import type fc from 'fast-check';
import {
  invalidCoverage,
  enumValuesSent,
  invalidRequest,
  validCoverageBeyond,
  validRequest,
  type InvalidSample,
  type RequestSample,
} from '../generators';
import type { OperationModel, SpecModel } from '../model';

/**
 * The partner ids generated requests carry: the same for every run, so the compiled
 * generators can be shared by every run of the process. Each request's id is replaced with a
 * fresh one of its run just before it is sent.
 */
export const GENERATED_ID_PREFIX = 'CONF-00000000-000000-';

export const GENERATOR_OPTIONS = { idPrefix: GENERATED_ID_PREFIX } as const;

interface Compiled {
  valid: Map<string, fc.Arbitrary<RequestSample>>;
  invalid: Map<string, fc.Arbitrary<InvalidSample> | null>;
  coverage: Map<string, InvalidSample[]>;
  validCoverage: Map<string, RequestSample[]>;
}

/** Kept answers of validCoverage per spec: enough for every operation at a few seeds. */
const VALID_COVERAGE_KEPT = 64;

const bySpec = new WeakMap<SpecModel, Compiled>();

function compiled(spec: SpecModel): Compiled {
  let c = bySpec.get(spec);
  if (!c) {
    c = { valid: new Map(), invalid: new Map(), coverage: new Map(), validCoverage: new Map() };
    bySpec.set(spec, c);
  }
  return c;
}

/** Valid requests of an operation: random, or with every property the schema declares. */
export function validArbitrary(
  spec: SpecModel,
  op: OperationModel,
  complete = false,
): fc.Arbitrary<RequestSample> {
  const cache = compiled(spec).valid;
  const key = `${op.operationId}|${complete}`;
  let arb = cache.get(key);
  if (!arb) {
    arb = validRequest(spec, op, { ...GENERATOR_OPTIONS, ...(complete ? { complete: true } : {}) });
    cache.set(key, arb);
  }
  return arb;
}

/** Requests breaking one rule each, or undefined when the operation admits none (a read by id). */
export function invalidArbitrary(
  spec: SpecModel,
  op: OperationModel,
): fc.Arbitrary<InvalidSample> | undefined {
  const cache = compiled(spec).invalid;
  if (!cache.has(op.operationId)) {
    let arb: fc.Arbitrary<InvalidSample> | null;
    try {
      arb = invalidRequest(spec, op, GENERATOR_OPTIONS);
    } catch {
      arb = null;
    }
    cache.set(op.operationId, arb);
  }
  return cache.get(op.operationId) ?? undefined;
}

/** The coverage phase's invalid requests (one per rule and place), for a seed. */
export function coverageRequests(
  spec: SpecModel,
  op: OperationModel,
  seed: number,
): InvalidSample[] {
  const cache = compiled(spec).coverage;
  const key = `${op.operationId}|${seed}`;
  let list = cache.get(key);
  if (!list) {
    list = invalidCoverage(op, GENERATOR_OPTIONS, seed);
    cache.set(key, list);
  }
  return list;
}

/**
 * The valid coverage phase's requests: every enum value the random valid requests (`sent`) did
 * not carry, and long and non-ASCII text. They depend on `sent` only through the enum values it
 * carried, so runs at one seed (each fault of the fault-detection matrix) share one answer
 * instead of vetting every candidate again.
 */
export function validCoverageRequests(
  op: OperationModel,
  spec: SpecModel,
  sent: RequestSample[],
  seed: number,
): RequestSample[] {
  const cache = compiled(spec).validCoverage;
  const seen = enumValuesSent(op, sent);
  const carried = [...seen].map(([place, values]) => `${place}=${[...values].join(',')}`);
  const key = `${op.operationId}|${seed}|${carried.join(';')}`;
  let list = cache.get(key);
  if (!list) {
    list = validCoverageBeyond(op, seen, GENERATOR_OPTIONS, seed);
    if (cache.size >= VALID_COVERAGE_KEPT) cache.delete(cache.keys().next().value as string);
    cache.set(key, list);
  }
  return list;
}
