import { canonicalPointer, child, valueAt, isRecord, type SpecModel } from '../../model';

type Json = Record<string, unknown>;

/** A schema object as written in the parsed document, and where it is. */
export interface SchemaNode {
  pointer: string;
  schema: Json;
}

const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_KEYWORDS = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];

/** The pointers of the direct subschemas of `schema` (at `pointer`), `$ref`s not followed. */
export function subschemaPointers(schema: Json, pointer: string): string[] {
  const out: string[] = [];
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = schema[keyword];
    if (isRecord(map)) for (const name of Object.keys(map)) out.push(child(pointer, keyword, name));
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((_, i) => out.push(child(pointer, keyword, i)));
  }
  for (const keyword of SCHEMA_KEYWORDS) {
    if (isRecord(schema[keyword])) out.push(child(pointer, keyword));
  }
  return out;
}

/** Pointers of every schema the operations use directly (bodies, parameters, headers). */
function operationSchemaRoots(spec: SpecModel): string[] {
  return spec.operations.flatMap((op) => [
    ...op.parameters.map((p) => p.schemaPointer),
    ...(op.requestBody?.contents ?? []).map((m) => m.schemaPointer),
    ...Object.values(op.responses).flatMap((r) => [
      ...r.contents.map((m) => m.schemaPointer),
      ...r.headers.map((h) => h.schemaPointer),
    ]),
  ]);
}

function componentSchemaRoots(spec: SpecModel): string[] {
  const schemas = valueAt(spec.parsed, '#/components/schemas');
  return isRecord(schemas)
    ? Object.keys(schemas).map((name) => child('#/components/schemas', name))
    : [];
}

/**
 * Every schema object in the document, each once: the component schemas, the schemas operations
 * use, and everything nested in them. Nested `$ref`s are not followed (their targets are visited
 * where they live), so each node is reported at the place a reader would edit it.
 */
export function schemaNodes(spec: SpecModel): SchemaNode[] {
  const seen = new Set<string>();
  const out: SchemaNode[] = [];
  const visit = (pointer: string): void => {
    if (seen.has(pointer)) return;
    seen.add(pointer);
    const schema = valueAt(spec.parsed, pointer);
    if (!isRecord(schema)) return;
    out.push({ pointer, schema });
    subschemaPointers(schema, pointer).forEach(visit);
  };
  const roots = [...componentSchemaRoots(spec), ...operationSchemaRoots(spec)];
  roots.map((p) => canonicalPointer(spec.parsed, p)).forEach(visit);
  return out;
}
