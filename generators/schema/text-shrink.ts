import fc from 'fast-check';

/** Which shrinker made a value: the text's own, or the character-wise one. */
type Tagged = { by: 'own'; context: unknown } | { by: 'text'; context: unknown };

/**
 * Free text as the arbitrary draws it (a realistic name, a long run of characters), shrunk
 * both ways: first as the arbitrary itself shrinks, then character by character, down to the
 * schema's minimum length. A failure on "Bäckerei Schmidt GmbH" then shrinks to the one
 * character that matters, and one on a 1000-character string to the shortest that still
 * fails, below the length the arbitrary draws long strings from.
 */
class TextShrinking extends fc.Arbitrary<string> {
  private readonly text: fc.Arbitrary<string>;

  constructor(
    private readonly inner: fc.Arbitrary<string>,
    minLength: number,
    maxLength: number | undefined,
  ) {
    super();
    this.text = fc.string({
      unit: 'grapheme',
      minLength,
      ...(maxLength !== undefined ? { maxLength } : {}),
    });
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<string> {
    const value = this.inner.generate(mrng, biasFactor);
    return new fc.Value(value.value_, { by: 'own', context: value.context } satisfies Tagged);
  }

  canShrinkWithoutContext(value: unknown): value is string {
    return this.text.canShrinkWithoutContext(value);
  }

  shrink(value: string, context: unknown): fc.Stream<fc.Value<string>> {
    const tagged = context as Tagged | undefined;
    const asText = (ctx: unknown): fc.Stream<fc.Value<string>> =>
      this.text.canShrinkWithoutContext(value) || ctx !== undefined
        ? this.text
            .shrink(value, ctx)
            .map((v) => new fc.Value(v.value_, { by: 'text', context: v.context } satisfies Tagged))
        : fc.Stream.nil();
    if (tagged?.by === 'text') return asText(tagged.context);
    const own =
      tagged?.by === 'own'
        ? this.inner
            .shrink(value, tagged.context)
            .map((v) => new fc.Value(v.value_, { by: 'own', context: v.context } satisfies Tagged))
        : fc.Stream.nil<fc.Value<string>>();
    return own.join(asText(undefined));
  }
}

export function shrinkingAsText(
  arb: fc.Arbitrary<string>,
  minLength: number,
  maxLength?: number,
): fc.Arbitrary<string> {
  return new TextShrinking(arb, minLength, maxLength);
}
