import fc from 'fast-check';
import { child, UsageError } from '../../model';
import { longText, realisticText, words } from '../realistic/text';
import { extraPatterns } from './all-of';
import { UnsupportedSchemaError, type CompileContext, type SchemaObject } from './context';
import { examplesArbitrary } from './examples';
import { stringFormatArbitrary } from './formats';
import { matchesFormat } from './validators';
import { shrinkingAsText } from './text-shrink';
import { canSatisfy, codePointLength, mix } from './viable';

/** Formats whose generators are correct by construction (the others are filtered by ajv's check). */
const TRUSTED_FORMATS = new Set(['date-time', 'date', 'time', 'uuid']);

/** Long enough to overflow a VARCHAR(255) column, short enough to keep generation fast. */
const LONG = { min: 256, max: 1200 };

interface StringConstraints {
  min: number;
  max?: number;
  patterns: RegExp[];
  format?: string;
}

function constraintsOf(schema: SchemaObject, pointer: string): StringConstraints {
  const patterns = [schema.pattern, ...extraPatterns(schema)]
    .filter((p): p is string => typeof p === 'string')
    .map((p) => {
      try {
        return new RegExp(p, 'u');
      } catch {
        throw new UnsupportedSchemaError(
          child(pointer, 'pattern'),
          `pattern ${p} is not a valid regular expression`,
        );
      }
    });
  return {
    min: typeof schema.minLength === 'number' ? schema.minLength : 0,
    max: typeof schema.maxLength === 'number' ? schema.maxLength : undefined,
    patterns,
    format: typeof schema.format === 'string' ? schema.format : undefined,
  };
}

function fitsFn(c: StringConstraints): (value: unknown) => value is string {
  return (value: unknown): value is string => {
    if (typeof value !== 'string') return false;
    const n = codePointLength(value);
    if (n < c.min || (c.max !== undefined && n > c.max)) return false;
    if (!c.patterns.every((p) => p.test(value))) return false;
    return c.format === undefined || matchesFormat(c.format, value);
  };
}

type Choice = { weight: number; arbitrary: fc.Arbitrary<string> } | undefined | false;

/** The weights of the free-text choices below add up to about this. */
const FREE_TEXT_WEIGHT = 69;

const isFree = (c: StringConstraints): boolean =>
  c.min === 0 && c.max === undefined && c.patterns.length === 0 && c.format === undefined;

/** Keeps only values meeting the constraints; no filter at all where nothing constrains. */
function within(arb: fc.Arbitrary<string>, c: StringConstraints): fc.Arbitrary<string> | undefined {
  if (isFree(c)) return arb;
  const fits = fitsFn(c);
  return canSatisfy(arb, fits) ? arb.filter(fits) : undefined;
}

/**
 * Plain text: words (what people type) most of the time, then ASCII noise, unicode (one code
 * point per unit where lengths are constrained, so they hold), the exact length boundaries,
 * and now and then a long string.
 */
function freeTextChoices(c: StringConstraints, longStrings: boolean): Choice[] {
  const bounded = c.min > 0 || c.max !== undefined;
  // fast-check's own size bias picks lengths when the schema does not bound them.
  const lengths = bounded ? { minLength: c.min, maxLength: c.max ?? c.min + 40 } : {};
  const unit = bounded ? ('grapheme-composite' as const) : ('grapheme' as const);
  const canBeLong = longStrings && (c.max === undefined || c.max >= LONG.min);
  const wordsWithin = within(words, c);
  return [
    wordsWithin && { weight: 40, arbitrary: wordsWithin },
    { weight: 12, arbitrary: fc.string({ unit: 'grapheme-ascii', ...lengths }) },
    { weight: 12, arbitrary: fc.string({ unit, ...lengths }) },
    bounded && {
      weight: 6,
      arbitrary: fc
        .constantFrom(...new Set([c.min, c.max ?? c.min + 40]))
        .chain((n) => fc.string({ unit: 'grapheme-ascii', minLength: n, maxLength: n })),
    },
    !bounded && { weight: 3, arbitrary: fc.constant('') },
    canBeLong && {
      weight: 1,
      arbitrary: longText(Math.max(c.min, LONG.min), Math.min(c.max ?? LONG.max, LONG.max)),
    },
  ];
}

/** Values of a format or pattern; the format generators are trusted when nothing else applies. */
function shapedChoice(c: StringConstraints, ctx: CompileContext): fc.Arbitrary<string> {
  let base: fc.Arbitrary<string>;
  if (c.format !== undefined) {
    const formatted = stringFormatArbitrary(c.format);
    if (!formatted) {
      throw new UnsupportedSchemaError(
        child(ctx.pointer, 'format'),
        `string format '${c.format}' is not supported`,
      );
    }
    const onlyFormat = c.min === 0 && c.max === undefined && c.patterns.length === 0;
    if (onlyFormat && TRUSTED_FORMATS.has(c.format)) return formatted;
    base = formatted;
  } else {
    base = fc.stringMatching(c.patterns[0]);
  }
  const fits = fitsFn(c);
  if (!canSatisfy(base, fits)) {
    throw new UnsupportedSchemaError(
      ctx.pointer,
      'cannot generate strings meeting pattern, format and length together',
    );
  }
  return base.filter(fits);
}

function poolArbitrary(
  c: StringConstraints,
  ctx: CompileContext,
): fc.Arbitrary<string> | undefined {
  const pool = ctx.propertyName ? ctx.options.pools?.[ctx.propertyName] : undefined;
  if (!pool) return undefined;
  const usable = pool.filter(fitsFn(c));
  if (usable.length === 0) {
    throw new UsageError(`pool for '${ctx.propertyName}' has no value valid at ${ctx.pointer}`);
  }
  return fc.constantFrom(...usable);
}

export function stringArbitrary(schema: SchemaObject, ctx: CompileContext): fc.Arbitrary<string> {
  const c = constraintsOf(schema, ctx.pointer);
  // A caller's pool (e.g. real portfolio ids) is what a server will accept: use it alone.
  const pool = poolArbitrary(c, ctx);
  if (pool) return pool;
  const hint = realisticText(ctx.propertyName);
  const hintWithin = hint && within(hint, c);
  const examples = examplesArbitrary(schema, fitsFn(c));
  const shaped = c.format !== undefined || c.patterns.length > 0;
  // One flat weighted choice (nested oneofs cost time on every value): the schema-driven values,
  // as much realistic text for the property's name, a third as many of the schema's examples.
  const drawn = mix(
    ...(shaped
      ? [{ weight: FREE_TEXT_WEIGHT, arbitrary: shapedChoice(c, ctx) }]
      : freeTextChoices(c, ctx.options.longStrings ?? true)),
    hintWithin && { weight: FREE_TEXT_WEIGHT, arbitrary: hintWithin },
    examples && { weight: FREE_TEXT_WEIGHT / 3, arbitrary: examples },
  );
  // Free text may shrink character by character: a failure shrinks to what matters in it.
  return shaped ? drawn : shrinkingAsText(drawn, c.min, c.max);
}
