import fc from 'fast-check';

interface RecordContext {
  /** The value of each key as drawn (undefined: the optional key is absent). */
  values: Array<fc.Value<unknown> | undefined>;
}

/** How often an optional property is present: as fast-check's own records draw them. */
const PRESENT_ONE_IN = 6;

/**
 * An object arbitrary like `fc.record`, whose shrinking removes optional properties in halves
 * first (delta debugging: all of them, then each half, each quarter... then one at a time),
 * then simplifies the values left in halves the same way, before it shrinks them one by one. A failing 40-field body then loses the fields
 * that do not matter in a few requests instead of one request per field.
 */
class ShrinkableRecord extends fc.Arbitrary<Record<string, unknown>> {
  private readonly keys: string[];
  private readonly arbs: Array<fc.Arbitrary<unknown>>;
  private readonly required: boolean[];

  constructor(model: Record<string, fc.Arbitrary<unknown>>, requiredKeys: ReadonlySet<string>) {
    super();
    this.keys = Object.keys(model);
    this.arbs = this.keys.map((k) => model[k]);
    this.required = this.keys.map((k) => requiredKeys.has(k));
  }

  private build(values: Array<fc.Value<unknown> | undefined>): fc.Value<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    values.forEach((v, i) => {
      if (v !== undefined) out[this.keys[i]] = v.value;
    });
    return new fc.Value(out, { values } satisfies RecordContext);
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<Record<string, unknown>> {
    const values = this.arbs.map((arb, i) =>
      this.required[i] || mrng.nextInt(1, PRESENT_ONE_IN) !== 1
        ? arb.generate(mrng, biasFactor)
        : undefined,
    );
    return this.build(values);
  }

  canShrinkWithoutContext(_value: unknown): _value is Record<string, unknown> {
    return false;
  }

  shrink(
    _value: Record<string, unknown>,
    context: unknown,
  ): fc.Stream<fc.Value<Record<string, unknown>>> {
    const ctx = context as RecordContext | undefined;
    if (!ctx) return fc.Stream.nil();
    const { values } = ctx;
    const optional = values
      .map((v, i) => (v !== undefined && !this.required[i] ? i : -1))
      .filter((i) => i >= 0);
    const build = (vs: Array<fc.Value<unknown> | undefined>) => this.build(vs);
    const arbs = this.arbs;
    function* candidates(): Generator<fc.Value<Record<string, unknown>>> {
      // Optional properties away in chunks: all, halves, quarters... down to one at a time.
      for (let size = optional.length; size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2)) {
        for (let start = 0; start < optional.length; start += size) {
          const drop = new Set(optional.slice(start, start + size));
          yield build(values.map((v, i) => (drop.has(i) ? undefined : v)));
        }
      }
      // Then the values, simplified together in chunks (each to its own first, boldest shrink):
      // fields that play no part in the failure lose their content in a few steps.
      const present = values.map((v, i) => (v !== undefined ? i : -1)).filter((i) => i >= 0);
      const boldest = new Map<number, fc.Value<unknown>>();
      for (const i of present) {
        const v = values[i] as fc.Value<unknown>;
        const [first] = arbs[i].shrink(v.value_, v.context).take(1);
        if (first) boldest.set(i, first);
      }
      const simplifiable = present.filter((i) => boldest.has(i));
      for (let size = simplifiable.length; size >= 2; size = size === 2 ? 0 : Math.ceil(size / 2)) {
        for (let start = 0; start < simplifiable.length; start += size) {
          const chunk = new Set(simplifiable.slice(start, start + size));
          yield build(values.map((v, i) => (chunk.has(i) ? boldest.get(i) : v)));
        }
      }
      // Then each value that is left, shrunk as its own arbitrary shrinks it.
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === undefined) continue;
        for (const smaller of arbs[i].shrink(v.value_, v.context)) {
          yield build(values.map((w, j) => (j === i ? smaller : w)));
        }
      }
    }
    return new fc.Stream(candidates());
  }
}

export function shrinkableRecord(
  model: Record<string, fc.Arbitrary<unknown>>,
  requiredKeys: Iterable<string>,
): fc.Arbitrary<Record<string, unknown>> {
  return new ShrinkableRecord(model, new Set(requiredKeys));
}
