import fc from 'fast-check';

/** Fixed, so that compiling a schema twice decides the same way. */
const PROBE_SEED = 20_250_801;
const PROBE_RUNS = 60;

/**
 * Whether `arb.filter(fits)` can produce anything in practice. A filter that never passes would
 * spin forever at generation time; this turns that into a decision at compile time.
 */
export function canSatisfy<T>(arb: fc.Arbitrary<T>, fits: (value: T) => boolean): boolean {
  return fc.sample(arb, { seed: PROBE_SEED, numRuns: PROBE_RUNS }).some(fits);
}

/** Weighted alternatives, skipping the absent ones; a single one is returned as is. */
export function mix<T>(
  ...choices: Array<{ weight: number; arbitrary: fc.Arbitrary<T> } | undefined | false>
): fc.Arbitrary<T> {
  const present = choices.filter((c): c is { weight: number; arbitrary: fc.Arbitrary<T> } => !!c);
  if (present.length === 1) return present[0].arbitrary;
  return fc.oneof(...present);
}

export const codePointLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
