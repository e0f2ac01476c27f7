import fc from 'fast-check';
import { child } from '../../model';
import { UnsupportedSchemaError, type CompileContext, type SchemaObject } from './context';
import { examplesArbitrary } from './examples';
import { NUMBER_FORMAT_BOUNDS } from './formats';
import { mix } from './viable';

/** Unbounded numbers still need bounds to generate; wide enough to hit big-amount bugs. */
const DEFAULT_RANGE = { min: -1e12, max: 1e12 };
/** What amounts and counts look like in practice. */
const EVERYDAY_MAX = 10_000_000;

interface NumericBounds {
  min: number;
  max: number;
  minExcluded: boolean;
  maxExcluded: boolean;
  integer: boolean;
  multipleOf?: number;
}

function boundsOf(schema: SchemaObject, integer: boolean, pointer: string): NumericBounds {
  const num = (k: string): number | undefined =>
    typeof schema[k] === 'number' ? (schema[k] as number) : undefined;
  const format = typeof schema.format === 'string' ? schema.format : undefined;
  const formatBounds = format ? NUMBER_FORMAT_BOUNDS[format] : undefined;
  if (format && !formatBounds) {
    throw new UnsupportedSchemaError(
      child(pointer, 'format'),
      `numeric format '${format}' is not supported`,
    );
  }
  const isInt = integer || formatBounds?.integer === true;
  const range = isInt ? NUMBER_FORMAT_BOUNDS.int32 : DEFAULT_RANGE;
  let min = Math.max(num('minimum') ?? -Infinity, formatBounds?.min ?? -Infinity);
  let max = Math.min(num('maximum') ?? Infinity, formatBounds?.max ?? Infinity);
  let minExcluded = false;
  let maxExcluded = false;
  const exMin = num('exclusiveMinimum');
  const exMax = num('exclusiveMaximum');
  if (exMin !== undefined && exMin >= min) [min, minExcluded] = [exMin, true];
  if (exMax !== undefined && exMax <= max) [max, maxExcluded] = [exMax, true];
  if (min === -Infinity)
    min = Math.min(range.min, max === Infinity ? range.min : max - (range.max - range.min));
  if (max === Infinity) max = Math.max(range.max, min + (range.max - range.min));
  const multipleOf = num('multipleOf');
  if (multipleOf !== undefined && !(Number.isInteger(multipleOf) && multipleOf > 0)) {
    throw new UnsupportedSchemaError(
      child(pointer, 'multipleOf'),
      'only positive integer multipleOf is supported',
    );
  }
  return { min, max, minExcluded, maxExcluded, integer: isInt, multipleOf };
}

function integerArbitrary(b: NumericBounds, pointer: string): fc.Arbitrary<number> {
  const step = b.multipleOf ?? 1;
  const lo = Math.ceil((b.minExcluded ? Math.floor(b.min) + 1 : b.min) / step);
  const hi = Math.floor((b.maxExcluded ? Math.ceil(b.max) - 1 : b.max) / step);
  if (lo > hi) throw new UnsupportedSchemaError(pointer, 'no integer satisfies the bounds');
  const clamp = (k: number, from: number) => Math.min(hi, Math.max(from, k));
  const everydayLo = clamp(0, lo);
  const everydayHi = clamp(Math.floor(EVERYDAY_MAX / step), everydayLo);
  const edges = [...new Set([lo, lo + 1, hi - 1, hi, 0].filter((k) => k >= lo && k <= hi))];
  return mix(
    { weight: 4, arbitrary: fc.integer({ min: everydayLo, max: everydayHi }) },
    { weight: 2, arbitrary: fc.integer({ min: lo, max: hi }) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  ).map((k) => k * step);
}

function doubleArbitrary(b: NumericBounds): fc.Arbitrary<number> {
  const inRange = (x: number) =>
    (b.minExcluded ? x > b.min : x >= b.min) && (b.maxExcluded ? x < b.max : x <= b.max);
  const loCents = Math.ceil(Math.max(b.min, 0) * 100);
  const hiCents = Math.floor(Math.min(b.max, EVERYDAY_MAX) * 100);
  const amounts =
    loCents <= hiCents
      ? fc
          .integer({ min: loCents, max: hiCents })
          .map((c) => c / 100)
          .filter(inRange)
      : undefined;
  const edges = [b.min, b.max, 0, 0.01, 1].filter(inRange);
  return mix(
    amounts && { weight: 4, arbitrary: amounts },
    {
      weight: 2,
      arbitrary: fc.double({
        min: b.min,
        max: b.max,
        minExcluded: b.minExcluded,
        maxExcluded: b.maxExcluded,
        noNaN: true,
        noDefaultInfinity: true,
      }),
    },
    edges.length > 0 && { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

export function numberArbitrary(
  schema: SchemaObject,
  ctx: CompileContext,
  integer: boolean,
): fc.Arbitrary<number> {
  const b = boundsOf(schema, integer, ctx.pointer);
  const base =
    b.integer || b.multipleOf !== undefined ? integerArbitrary(b, ctx.pointer) : doubleArbitrary(b);
  const fits = (v: unknown): v is number =>
    typeof v === 'number' &&
    (!b.integer || Number.isInteger(v)) &&
    (b.minExcluded ? v > b.min : v >= b.min) &&
    (b.maxExcluded ? v < b.max : v <= b.max) &&
    (b.multipleOf === undefined || v % b.multipleOf === 0);
  const examples = examplesArbitrary(schema, fits);
  return mix({ weight: 5, arbitrary: base }, examples && { weight: 1, arbitrary: examples });
}
