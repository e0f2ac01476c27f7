import { shrinksOf, type Drawn } from '../generators';
import type { HttpRequest } from '../model';
import { wireBody } from './http/client';
import type { RequestSize } from './summary';

/** Fields a request carries (every property and list item of its body, every query parameter) and its bytes. */
export function sizeOfRequest(request: HttpRequest): RequestSize {
  let fields = Object.keys(request.query ?? {}).length;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      fields += node.length;
      node.forEach(walk);
    } else if (node !== null && typeof node === 'object') {
      const values = Object.values(node);
      fields += values.length;
      values.forEach(walk);
    }
  };
  walk(request.body);
  const query = new URLSearchParams(request.query ?? {}).toString();
  return { fields, bytes: Buffer.byteLength(wireBody(request) ?? '') + query.length };
}

export interface Attempt<E> {
  /** The failure signatures the candidate's answer shows. */
  signatures: ReadonlySet<string>;
  exchange: E;
}

export interface ShrinkOptions<T, E> {
  /** The failure to keep. */
  signature: string;
  /** Extra requests allowed. */
  budget: number;
  /** Whether a candidate stays in the class of the original (valid, or breaking the same rule only). */
  inClass(value: T): boolean;
  /** Send a candidate; undefined when nothing could be concluded (no answer, rate limited): shrinking stops. */
  attempt(value: T): Promise<Attempt<E> | undefined>;
}

export interface Shrunk<T, E> {
  value: T;
  exchange: E;
  /** Requests spent. */
  requests: number;
}

/**
 * fast-check's shrinker, driven through the target: each smaller candidate that stays in the
 * original's class is sent, and kept when its answer still shows the same failure; the next
 * round shrinks from it. Stops at a local minimum, or when the budget is spent. Candidates out
 * of class cost nothing: they are never sent.
 */
export async function shrinkThroughTarget<T, E>(
  original: Drawn<T>,
  options: ShrinkOptions<T, E>,
): Promise<Shrunk<T, E> | undefined> {
  let current = original;
  let best: Shrunk<T, E> | undefined;
  let spent = 0;
  for (;;) {
    let moved = false;
    for (const candidate of shrinksOf(current)) {
      if (!options.inClass(candidate.value)) continue;
      if (spent >= options.budget) return best && { ...best, requests: spent };
      spent++;
      const attempt = await options.attempt(candidate.value);
      if (!attempt) return best && { ...best, requests: spent };
      if (attempt.signatures.has(options.signature)) {
        current = candidate;
        best = { value: candidate.value, exchange: attempt.exchange, requests: spent };
        moved = true;
        break;
      }
    }
    if (!moved) return best && { ...best, requests: spent };
  }
}
