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

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Every string leaf of a JSON value, by pointer. */
function stringLeaves(
  value: unknown,
  at = '',
  out = new Map<string, string>(),
): Map<string, string> {
  if (typeof value === 'string') out.set(at, value);
  else if (isJson(value)) {
    for (const [k, v] of Object.entries(value)) stringLeaves(v, `${at}/${k}`, out);
  }
  return out;
}

const lastName = (pointer: string): string =>
  pointer
    .split('/')
    .filter((s) => s && !/^\d+$/.test(s))
    .pop() ?? '';

const correspondenceCache = new WeakMap<object, Map<string, Map<string, Set<string>>>>();

/**
 * What the spec's own examples say about vocabularies: two response examples of one object
 * through two versions (the same dsLeadOpportunityId, HCRQ-F1LLDE, read through v0 and v1)
 * pair the values each version shows at the same place (UPFRONT with PxC, RENTAL_BOOKING with
 * YxC). Examples are compared leaf by leaf; the pairs are kept by field name, both ways.
 */
export function exampleCorrespondences(spec: {
  operations: Array<{
    version: string;
    responses: Record<string, { json?: { examples: Array<{ value: unknown }> } }>;
  }>;
}): Map<string, Map<string, Set<string>>> {
  const cached = correspondenceCache.get(spec);
  if (cached) return cached;
  const out = new Map<string, Map<string, Set<string>>>();
  const add = (field: string, a: string, b: string): void => {
    const byValue = out.get(field) ?? new Map<string, Set<string>>();
    out.set(field, byValue);
    const set = byValue.get(a) ?? new Set<string>();
    set.add(b);
    byValue.set(a, set);
  };
  const examples = spec.operations.flatMap((op) =>
    (op.responses['200']?.json?.examples ?? []).map((e) => ({
      version: op.version,
      leaves: stringLeaves(e.value),
    })),
  );
  for (let i = 0; i < examples.length; i++) {
    for (let j = i + 1; j < examples.length; j++) {
      const [x, y] = [examples[i], examples[j]];
      if (x.version === y.version) continue;
      const shared = [...x.leaves.keys()].filter((k) => y.leaves.has(k));
      const same = shared.filter((k) => x.leaves.get(k) === y.leaves.get(k));
      // One object seen twice: nearly every leaf agrees, and the ones that differ are its
      // vocabulary.
      if (shared.length < 5 || same.length < shared.length * 0.8) continue;
      for (const k of shared) {
        const [a, b] = [x.leaves.get(k) as string, y.leaves.get(k) as string];
        if (a === b) continue;
        add(lastName(k), a, b);
        add(lastName(k), b, a);
      }
    }
  }
  correspondenceCache.set(spec, out);
  return out;
}

/**
 * Every value `value` (of field `field`, from vocabulary `from`) may read as in vocabulary `to`:
 * itself where `to` has it; else the value the spec's examples pair it with; else by
 * `x-enumDescriptions` (see enumTranslations).
 */
export function translationsFor(
  spec: Parameters<typeof exampleCorrespondences>[0],
  field: string,
  value: string,
  from: JsonSchema | undefined,
  to: JsonSchema | undefined,
): string[] {
  const targets = enumOf(to);
  if (targets.includes(value)) return [value];
  const paired = [...(exampleCorrespondences(spec).get(field)?.get(value) ?? [])].filter((v) =>
    targets.includes(v),
  );
  if (paired.length > 0) return paired;
  return enumTranslations(value, from, to);
}
