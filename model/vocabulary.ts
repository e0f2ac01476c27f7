import type { JsonSchema } from './types';

type SchemaObject = { [k: string]: unknown };

const asObject = (s: JsonSchema | undefined): SchemaObject | undefined =>
  typeof s === 'object' && s !== null ? s : undefined;

function enumOf(schema: JsonSchema | undefined): string[] {
  const e = asObject(schema)?.enum;
  return Array.isArray(e) ? e.filter((v): v is string => typeof v === 'string') : [];
}

function descriptionsOf(schema: JsonSchema | undefined): Record<string, string> {
  const d = asObject(schema)?.['x-enumDescriptions'];
  return typeof d === 'object' && d !== null ? (d as Record<string, string>) : {};
}

const norm = (s: string): string => s.trim().toLowerCase();

/**
 * Translate an enum value between two vocabularies of the same concept (v0 revenueType
 * UPFRONT/RENTAL_BOOKING vs v1 PxC/YxC), matching them by their `x-enumDescriptions`:
 * the same description ("Upfront"), else a description that contains the other ("Rental
 * Booking" in "Yearly Rental Booking"), else the same literal. The spec's own pair of examples
 * (HCRQ-F1LLDE: UPFRONT/RENTAL_BOOKING in v0, PxC/YxC in v1) agrees with this reading.
 */
export function translateEnumValue(
  value: string,
  from: JsonSchema | undefined,
  to: JsonSchema | undefined,
): string | undefined {
  return enumTranslations(value, from, to)[0];
}

/**
 * Every value `value` may translate to, best first. "Rental Booking" is contained in both
 * "Yearly Rental Booking" and "Quarterly Rental Booking": a reader must accept either.
 */
export function enumTranslations(
  value: string,
  from: JsonSchema | undefined,
  to: JsonSchema | undefined,
): string[] {
  const targets = enumOf(to);
  if (targets.length === 0) return [];
  const fromText = descriptionsOf(from)[value];
  const toDescriptions = descriptionsOf(to);
  if (fromText !== undefined) {
    const exact = targets.filter(
      (t) => toDescriptions[t] !== undefined && norm(toDescriptions[t]) === norm(fromText),
    );
    if (exact.length) return exact;
    const containing = targets.filter((t) => {
      const d = toDescriptions[t];
      return (
        d !== undefined && (norm(d).includes(norm(fromText)) || norm(fromText).includes(norm(d)))
      );
    });
    if (containing.length) return containing;
  }
  return targets.includes(value) ? [value] : [];
}
