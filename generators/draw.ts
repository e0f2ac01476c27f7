import fc from 'fast-check';

/** A generated value that still knows how to shrink. */
export interface Drawn<T> {
  value: T;
  /** fast-check's value with its shrink context. */
  readonly handle: fc.Value<T>;
  readonly arbitrary: fc.Arbitrary<T>;
}

/** Records every value fast-check draws from the wrapped arbitrary, with its shrink context. */
class Recording<T> extends fc.Arbitrary<T> {
  readonly drawn: Array<fc.Value<T>> = [];
  constructor(private readonly inner: fc.Arbitrary<T>) {
    super();
  }
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    const value = this.inner.generate(mrng, biasFactor);
    this.drawn.push(value);
    return value;
  }
  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value);
  }
  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context);
  }
}

/**
 * `count` values from `arbitrary`, exactly those `fc.sample(arbitrary, { seed, numRuns })`
 * gives, each able to shrink: what a failing request is made smaller from.
 */
export function drawShrinkable<T>(
  arbitrary: fc.Arbitrary<T>,
  seed: number,
  count: number,
): Array<Drawn<T>> {
  const recording = new Recording(arbitrary);
  fc.sample(recording, { seed, numRuns: count });
  return recording.drawn.map((handle) => ({ value: handle.value, handle, arbitrary }));
}

/** The smaller values fast-check proposes for a drawn one, lazily, most promising first. */
export function* shrinksOf<T>(drawn: Drawn<T>): Generator<Drawn<T>> {
  for (const handle of drawn.arbitrary.shrink(drawn.handle.value_, drawn.handle.context)) {
    yield { value: handle.value, handle, arbitrary: drawn.arbitrary };
  }
}
