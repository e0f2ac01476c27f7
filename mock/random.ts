/** A small seeded PRNG (mulberry32): ids, trace ids and the catalogue replay from a seed. */
export interface Random {
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  return { next, int, pick: (items) => items[int(items.length)] };
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_HEX = '0123456789abcdef';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

interface Shape {
  alphabet: string;
  /** The example's characters, with null where a random one goes. */
  template: Array<string | null>;
}

/** Every answer carries a trace id shaped like the spec's: the shape is read once per example. */
const shapes = new Map<string, Shape>();

function shapeOf(example: string): Shape {
  let shape = shapes.get(example);
  if (!shape) {
    const alphabet = /^[0-9a-f]+$/.test(example)
      ? LOWER_HEX
      : /[a-z]/.test(example)
        ? LOWER_ALNUM
        : UPPER_ALNUM;
    shape = { alphabet, template: [...example].map((ch) => (/[A-Za-z0-9]/.test(ch) ? null : ch)) };
    shapes.set(example, shape);
  }
  return shape;
}

/**
 * A fresh string with the shape of a documented one: `9YEL-Y3W56Q` gives four and six
 * uppercase alphanumerics around a dash; `3d29ece3...` gives lowercase hex.
 */
export function shapedLike(example: string, random: Random): string {
  const { alphabet, template } = shapeOf(example);
  let out = '';
  for (const ch of template) out += ch ?? alphabet[random.int(alphabet.length)];
  return out;
}

/** The pattern a `shapedLike` string follows, for tests and for recognising ids. */
export function shapePattern(example: string): RegExp {
  const cls = /^[0-9a-f]+$/.test(example)
    ? '[0-9a-f]'
    : /[a-z]/.test(example)
      ? '[a-z0-9]'
      : '[A-Z0-9]';
  const body = example.replace(/[A-Za-z0-9]+|[^A-Za-z0-9]/g, (run) =>
    /[A-Za-z0-9]/.test(run)
      ? `${cls}{${run.length}}`
      : run.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
  );
  return new RegExp(`^${body}$`);
}
