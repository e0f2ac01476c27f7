import type { JsonSchema } from './types';

/**
 * Reading the dereferenced schemas the model hands out. Only what the mock needs to shape
 * bodies: properties (through allOf), types, enums. Validation itself is left to the model's
 * compiled validators.
 */
export type SchemaObject = { [keyword: string]: unknown };

export const asSchema = (s: unknown): SchemaObject | undefined =>
  typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as SchemaObject) : undefined;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Schemas are immutable once loaded, and the same few are read on every request: answers are
 * remembered per schema object.
 */
function memoized<T>(compute: (s: SchemaObject) => T): (s: SchemaObject) => T {
  const cache = new WeakMap<SchemaObject, T>();
  return (s) => {
    let value = cache.get(s);
    if (value === undefined) {
      value = compute(s);
      cache.set(s, value);
    }
    return value;
  };
}

const NO_PROPERTIES: Record<string, SchemaObject> = Object.freeze({}) as Record<
  string,
  SchemaObject
>;

/** Properties declared by the schema and its allOf members (later members win). */
export function propertiesOf(schema: JsonSchema | unknown): Readonly<Record<string, SchemaObject>> {
  const s = asSchema(schema);
  return s ? cachedProperties(s) : NO_PROPERTIES;
}

const cachedProperties = memoized((s: SchemaObject): Record<string, SchemaObject> => {
  const out: Record<string, SchemaObject> = {};
  for (const member of Array.isArray(s.allOf) ? s.allOf : [])
    Object.assign(out, propertiesOf(member));
  for (const [name, prop] of Object.entries(asSchema(s.properties) ?? {})) {
    const p = asSchema(prop);
    if (p) out[name] = p;
  }
  return out;
});

export function requiredOf(schema: JsonSchema | unknown): readonly string[] {
  const s = asSchema(schema);
  return s ? cachedRequired(s) : [];
}

const cachedRequired = memoized((s: SchemaObject): string[] => {
  const own = Array.isArray(s.required) ? (s.required as string[]) : [];
  const fromAllOf = (Array.isArray(s.allOf) ? s.allOf : []).flatMap((m) => requiredOf(m));
  return [...new Set([...own, ...fromAllOf])];
});

export function propertyOf(
  schema: JsonSchema | unknown,
  ...names: string[]
): SchemaObject | undefined {
  let node: SchemaObject | undefined = asSchema(schema);
  for (const name of names) node = node ? propertiesOf(node)[name] : undefined;
  return node;
}

export function itemsOf(schema: JsonSchema | unknown): SchemaObject | undefined {
  return asSchema(asSchema(schema)?.items);
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

/** Whether a value of this JSON type can satisfy the schema's `type`/`oneOf`/`anyOf`/`allOf`. */
export function allowsType(schema: JsonSchema | unknown, type: JsonType): boolean {
  if (schema === true || schema === undefined) return true;
  const s = asSchema(schema);
  if (!s) return false;
  return cachedAllowed(s).get(type) ?? false;
}

const JSON_TYPES: JsonType[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'null',
  'array',
  'object',
];
const cachedAllowed = memoized(
  (s: SchemaObject): Map<JsonType, boolean> =>
    new Map(JSON_TYPES.map((t) => [t, computeAllowsType(s, t)])),
);

function computeAllowsType(s: SchemaObject, type: JsonType): boolean {
  if ('const' in s) return jsonTypeOf(s.const) === type;
  if (Array.isArray(s.enum)) return s.enum.some((v) => jsonTypeOf(v) === type);
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    const ok = types.includes(type) || (type === 'integer' && types.includes('number'));
    if (!ok) return false;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = s[key];
    if (Array.isArray(branches) && !branches.some((b) => allowsType(b, type))) return false;
  }
  if (Array.isArray(s.allOf) && !s.allOf.every((b) => allowsType(b, type))) return false;
  return true;
}

export function jsonTypeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/** A value's type is allowed (an integer is also a number). */
export function valueTypeAllowed(schema: JsonSchema | unknown, value: unknown): boolean {
  const t = jsonTypeOf(value);
  return allowsType(schema, t) || (t === 'integer' && allowsType(schema, 'number'));
}

export function enumOf(schema: JsonSchema | unknown): unknown[] | undefined {
  const s = asSchema(schema);
  if (!s) return undefined;
  if (Array.isArray(s.enum)) return s.enum;
  for (const member of Array.isArray(s.allOf) ? s.allOf : []) {
    const e = enumOf(member);
    if (e) return e;
  }
  return undefined;
}

export function formatOf(schema: JsonSchema | unknown): string | undefined {
  const f = asSchema(schema)?.format;
  return typeof f === 'string' ? f : undefined;
}

export function descriptionOf(schema: JsonSchema | unknown): string {
  const d = asSchema(schema)?.description;
  return typeof d === 'string' ? d : '';
}

export function enumDescriptionsOf(schema: JsonSchema | unknown): Record<string, string> {
  const d = asSchema(schema)?.['x-enumDescriptions'];
  return isRecord(d) ? (d as Record<string, string>) : {};
}

/** The enum member the spec describes as "Empty" (EMPTY): what "not filled in" looks like. */
export function emptyMemberOf(schema: JsonSchema | unknown): string | undefined {
  const descriptions = enumDescriptionsOf(schema);
  return (enumOf(schema) ?? []).find(
    (v): v is string => typeof v === 'string' && /^\s*empty\b/i.test(descriptions[v] ?? ''),
  );
}

export function exampleOf(schema: JsonSchema | unknown): unknown {
  const s = asSchema(schema);
  if (!s) return undefined;
  if ('example' in s) return s.example;
  return Array.isArray(s.examples) ? s.examples[0] : undefined;
}
