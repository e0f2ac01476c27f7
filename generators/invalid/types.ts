import type fc from 'fast-check';
import type { ViolationKind } from '../../src/model';
import type { RequestSample } from '../types';

/** One way to turn a valid request into one that breaks `kind` at `pointer`. */
export interface RequestMutation {
  kind: ViolationKind;
  pointer: string;
  format?: string;
  apply: fc.Arbitrary<{ sample: RequestSample; reason: string }>;
}
