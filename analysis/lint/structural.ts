/**
 * Keywords that document a schema without changing what it accepts: two schemas that differ only
 * in these accept the same instances.
 */
const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'deprecated',
  'default',
  '$comment',
  'readOnly',
  'writeOnly',
]);

/** Keywords whose value maps names (not keywords) to schemas: the names must all be kept. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
/** Keywords whose value is data, compared as is. */
const DATA = new Set(['enum', 'const', 'required', 'type']);

type Json = Record<string, unknown>;

function normaliseSchema(node: unknown, stack: Set<unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => normaliseSchema(n, stack));
  if (typeof node !== 'object' || node === null) return node;
  if (stack.has(node)) return '[circular]';
  stack.add(node);
  const out: Json = {};
  for (const key of Object.keys(node).sort()) {
    const value = (node as Json)[key];
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (DATA.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null) {
      const map: Json = {};
      for (const name of Object.keys(value).sort()) {
        map[name] = normaliseSchema((value as Json)[name], stack);
      }
      out[key] = map;
    } else out[key] = normaliseSchema(value, stack);
  }
  stack.delete(node);
  return out;
}

/**
 * A string equal for schemas that accept the same instances by construction (same keywords,
 * annotations aside). Meant for dereferenced schemas; cycles are cut.
 */
export function structuralKey(schema: unknown): string {
  return JSON.stringify(normaliseSchema(schema, new Set()));
}
