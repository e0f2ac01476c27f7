import type fc from 'fast-check';
import type { DocumentedOutcome, ViolationKind } from '../model';

/** One request to an operation, before it becomes HTTP (see `toHttpRequest`). */
export interface RequestSample {
  operationId: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  /** A JSON value, sent as JSON ... */
  body?: unknown;
  /** ... or raw text (malformed JSON, an empty body, a JSON text under another content type). */
  rawBody?: string;
  contentType?: string;
}

/** A request that breaks exactly one rule, labelled with that rule and the documented outcome. */
export type InvalidSample = RequestSample & {
  violation: ViolationKind;
  /** JSON pointer into the request: '/body/leadOpportunity/closeDate', '/query/top', '/body'. */
  pointer: string;
  expected: DocumentedOutcome;
  /** One human line: what was changed and why it is wrong. */
  reason: string;
  /** The valid request this one was made from: undo the change at `pointer` and you get it back. */
  base: RequestSample;
};

export interface GeneratorOptions {
  /**
   * Prefix of generated partner ids (partnerLeadOpportunityId in create bodies). Make it unique
   * per run: ids are `prefix + counter`, so valid creates never collide within or across runs.
   */
  idPrefix?: string;
  /** Values a server knows, by property or parameter name (e.g. offerNameId from portfolio-items). */
  pools?: {
    offerNameId?: ReadonlyArray<string>;
    [name: string]: ReadonlyArray<string> | undefined;
  };
  /** Items generated beyond minItems in arrays without maxItems (default 3). */
  maxExtraItems?: number;
  /** Mix in strings of several hundred characters (default true). */
  longStrings?: boolean;
  /** Every declared property present and every list non-empty (see SchemaGeneratorOptions). */
  complete?: boolean;
  /** Invalid requests only: restrict to these kinds of violation. */
  kinds?: ReadonlyArray<ViolationKind>;
}

/** Removes the value at a pointer when used as a replacement. */
export const REMOVE: unique symbol = Symbol('remove');
export type Replacement = unknown | typeof REMOVE;

/** One way to break a valid request: a change at `pointer`, drawn from `value`. */
export interface ValueMutation {
  kind: ViolationKind;
  /** Request pointer of the changed place. */
  pointer: string;
  value: fc.Arbitrary<Replacement>;
  /** What is wrong with the new value, in a few words. */
  describe: (value: Replacement) => string;
  /** The JSON Schema format of the field, for format violations. */
  format?: string;
  /** The finite list `value` draws from, when it is one (lets callers filter without sampling). */
  candidates?: ReadonlyArray<unknown>;
}
