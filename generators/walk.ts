import { child, escapeSegment, isRecord } from '../model';
import type { JsonSchema } from '../model';
import {
  isSchemaObject,
  isValid,
  mergeAllOf,
  typesOf,
  type SchemaObject,
  type SchemaSite,
} from './schema';

/** A place in a request value, with the schema that governs it. */
export interface ValueSite extends SchemaSite {
  /** Request pointer: '/body/leadOpportunity/closeDate'. */
  at: string;
  /** False for an optional property the value does not have (only the site itself is visited). */
  present: boolean;
  value: unknown;
  /** Whether the parent object requires this property. */
  required: boolean;
  parent?: ValueSite;
}

export const pointerChild = (at: string, segment: string | number): string =>
  `${at}/${escapeSegment(segment)}`;

interface PropertyStep {
  name: string;
  schema: JsonSchema;
  /** The name as a pointer segment. */
  segment: string;
}

/**
 * A schema's properties as the walk steps through them, each name escaped once: every
 * generated request is walked whole, many times, and these never change.
 */
const stepsOf = new WeakMap<SchemaObject, PropertyStep[]>();
function propertySteps(schema: SchemaObject): PropertyStep[] {
  let steps = stepsOf.get(schema);
  if (!steps) {
    const properties = (schema.properties as Record<string, JsonSchema>) ?? {};
    steps = Object.entries(properties).map(([name, s]) => ({
      name,
      schema: s,
      segment: escapeSegment(name),
    }));
    stepsOf.set(schema, steps);
  }
  return steps;
}

/** The schema pointers of those steps, by their parent's pointer: built once each. */
const propertyPointers = new Map<string, Map<string, string>>();
function propertyPointer(pointer: string, name: string): string {
  let byName = propertyPointers.get(pointer);
  if (!byName) propertyPointers.set(pointer, (byName = new Map()));
  let out = byName.get(name);
  if (out === undefined) byName.set(name, (out = child(pointer, 'properties', name)));
  return out;
}

const itemsPointers = new Map<string, string>();
function itemsPointer(pointer: string): string {
  let out = itemsPointers.get(pointer);
  if (out === undefined) itemsPointers.set(pointer, (out = child(pointer, 'items')));
  return out;
}

/**
 * The schema to descend with: `allOf` merged, and the properties of the anyOf/oneOf branches
 * this value matches. Branch `required` lists are left out on purpose: removing a property one
 * branch requires may still leave the value valid through another branch.
 */
function descentSchema(schema: SchemaObject, value: unknown, pointer: string): SchemaObject {
  const keyword = Array.isArray(schema.anyOf)
    ? 'anyOf'
    : Array.isArray(schema.oneOf)
      ? 'oneOf'
      : undefined;
  if (!keyword) return schema;
  const branches = schema[keyword] as JsonSchema[];
  const matched = branches.flatMap((b, i) => (isSchemaObject(b) && isValid(b, value) ? [i] : []));
  // One object per (schema, matched branches): validators and vetted candidates are cached by identity.
  let byMatch = descents.get(schema);
  if (!byMatch) descents.set(schema, (byMatch = new Map()));
  const key = matched.join(',');
  let out = byMatch.get(key);
  if (!out) {
    const { [keyword]: _dropped, ...rest } = schema;
    const properties: Record<string, unknown> = { ...((rest.properties as object) ?? {}) };
    for (const i of matched) {
      const merged = mergeAllOf(branches[i] as SchemaObject, child(pointer, keyword, i));
      for (const [name, s] of Object.entries((merged.properties as object) ?? {})) {
        properties[name] = name in properties ? { allOf: [properties[name], s] } : s;
      }
    }
    out = { ...rest, properties };
    byMatch.set(key, out);
  }
  return out;
}

const descents = new WeakMap<object, Map<string, SchemaObject>>();

/** Visits `value` and everything below it, with the schema that governs each place. */
export function walkValue(
  schema: JsonSchema,
  value: unknown,
  where: { at: string; pointer: string; present?: boolean; propertyName?: string },
  visit: (site: ValueSite) => void,
): void {
  const walk = (
    s: JsonSchema,
    v: unknown,
    at: string,
    pointer: string,
    path: string[],
    present: boolean,
    required: boolean,
    propertyName: string | undefined,
    parent: ValueSite | undefined,
  ): void => {
    if (!isSchemaObject(s)) return;
    const merged = mergeAllOf(s, pointer);
    const governing = present ? descentSchema(merged, v, pointer) : merged;
    const site: ValueSite = {
      schema: governing,
      pointer,
      path,
      propertyName,
      at,
      present,
      value: v,
      required,
      parent,
    };
    visit(site);
    if (!present) return;
    const types = typesOf(governing);
    if (isRecord(v) && (!types || types.includes('object'))) {
      const req = (governing.required as string[] | undefined) ?? [];
      for (const { name, schema: ps, segment } of propertySteps(governing)) {
        walk(
          ps,
          v[name],
          `${at}/${segment}`,
          propertyPointer(pointer, name),
          [...path, name],
          name in v,
          req.includes(name),
          name,
          site,
        );
      }
    }
    if (Array.isArray(v) && (!types || types.includes('array')) && governing.items !== undefined) {
      const items = itemsPointer(pointer);
      v.forEach((item, i) =>
        walk(
          governing.items as JsonSchema,
          item,
          `${at}/${i}`,
          items,
          [...path, '*'],
          true,
          true,
          propertyName,
          site,
        ),
      );
    }
  };
  walk(
    schema,
    value,
    where.at,
    where.pointer,
    [],
    where.present ?? true,
    true,
    where.propertyName,
    undefined,
  );
}
