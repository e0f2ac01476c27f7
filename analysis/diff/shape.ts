import { child, valueAt, isRecord } from '../../model';

type Json = Record<string, unknown>;

/** A keyword's value and where it is written. */
export interface Located<T> {
  value: T;
  pointer: string;
}

/**
 * What a schema says about one instance location, gathered from the schema, its `$ref` target and
 * its composition branches, each keyword with the pointer where it is written (so a change in
 * `revenueType`'s enum is reported at `#/components/schemas/revenueType/enum`).
 *
 * Approximations, chosen for a migration diff: allOf branches are merged; anyOf/oneOf branches
 * contribute their types (a `oneOf: [string, null]` is a nullable string), properties and
 * annotations, but not their `required` (those are alternatives, not obligations).
 */
export interface Shape {
  pointer: string;
  types?: Located<string[]>;
  format?: Located<string>;
  enum?: Located<unknown[]>;
  default?: Located<unknown>;
  /** Property name -> pointer of its schema. */
  properties: Map<string, string>;
  /** Where new properties would go, for pointing at an absence. */
  propertiesPointer: string;
  /** Required name -> pointer of the `required` array that lists it. */
  required: Map<string, string>;
  items?: string;
  /** minLength, maximum, pattern, ... -> value and where. */
  constraints: Map<string, Located<unknown>>;
}

export const CONSTRAINT_KEYWORDS = [
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'const',
] as const;

interface Entry {
  keyword: string;
  value: unknown;
  pointer: string;
  /** Reached through anyOf/oneOf: an alternative, not an obligation. */
  alternative: boolean;
}

function collect(
  doc: Json,
  pointer: string,
  alternative: boolean,
  seen: Set<string>,
  out: Entry[],
): void {
  if (seen.has(pointer)) return;
  seen.add(pointer);
  const node = valueAt(doc, pointer);
  if (!isRecord(node)) return;
  // The node's own keywords come first: they take precedence over its $ref target's.
  for (const [keyword, value] of Object.entries(node)) {
    if (['$ref', 'allOf', 'anyOf', 'oneOf'].includes(keyword)) continue;
    out.push({ keyword, value, pointer: child(pointer, keyword), alternative });
  }
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) {
    collect(doc, node.$ref, alternative, seen, out);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    branches.forEach((_, i) =>
      collect(doc, child(pointer, keyword, i), alternative || keyword !== 'allOf', seen, out),
    );
  }
}

const typesOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).map(String).sort();

function typesFrom(entries: Entry[]): Located<string[]> | undefined {
  const typeEntries = entries.filter((e) => e.keyword === 'type');
  const own = typeEntries.find((e) => !e.alternative);
  if (own) return { value: typesOf(own.value), pointer: own.pointer };
  if (typeEntries.length === 0) return undefined;
  const union = [...new Set(typeEntries.flatMap((e) => typesOf(e.value)))].sort();
  return { value: union, pointer: typeEntries[0].pointer };
}

function first<T>(
  entries: Entry[],
  keyword: string,
  obligatoryOnly = false,
): Located<T> | undefined {
  const e = entries.find((x) => x.keyword === keyword && !(obligatoryOnly && x.alternative));
  return e ? { value: e.value as T, pointer: e.pointer } : undefined;
}

export function shapeAt(doc: Json, pointer: string): Shape {
  const entries: Entry[] = [];
  collect(doc, pointer, false, new Set(), entries);
  const properties = new Map<string, string>();
  const required = new Map<string, string>();
  let propertiesPointer = child(pointer, 'properties');
  for (const e of entries) {
    if (e.keyword === 'properties' && isRecord(e.value)) {
      if (properties.size === 0) propertiesPointer = e.pointer;
      for (const name of Object.keys(e.value)) {
        if (!properties.has(name)) properties.set(name, child(e.pointer, name));
      }
    }
    if (e.keyword === 'required' && Array.isArray(e.value) && !e.alternative) {
      for (const name of e.value.map(String))
        if (!required.has(name)) required.set(name, e.pointer);
    }
  }
  const constraints = new Map<string, Located<unknown>>();
  for (const keyword of CONSTRAINT_KEYWORDS) {
    const found = first<unknown>(entries, keyword, true);
    if (found) constraints.set(keyword, found);
  }
  const items = entries.find((e) => e.keyword === 'items' && isRecord(e.value));
  return {
    pointer,
    types: typesFrom(entries),
    format: first<string>(entries, 'format'),
    enum: first<unknown[]>(entries, 'enum', true),
    default: first<unknown>(entries, 'default'),
    properties,
    propertiesPointer,
    required,
    items: items?.pointer,
    constraints,
  };
}
