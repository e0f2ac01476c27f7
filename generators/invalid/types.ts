import type fc from 'fast-check';
import type { ViolationKind } from '../../model';
import type { RequestSample, ValueMutation } from '../types';

/** One way to turn a valid request into one that breaks `kind` at `pointer`. */
export interface RequestMutation {
  kind: ViolationKind;
  pointer: string;
  format?: string;
  apply: fc.Arbitrary<{ sample: RequestSample; reason: string }>;
}

/**
 * A mutation that could be made, known by kind and place only: building it (vetting candidate
 * values against the schema) is left until it is picked, since only one per request is used.
 * `build` returns undefined when no candidate turns out to break the rule alone.
 */
export interface Plan<M = ValueMutation> {
  kind: ViolationKind;
  pointer: string;
  format?: string;
  build: () => M | undefined;
}
