import { escapeSegment, isRecord, type JsonSchema } from '../../model';

type Json = Record<string, unknown>;

/** One place in an instance, with every schema that may describe it there. */
export interface InstanceNode {
  value: unknown;
  /** JSON pointer into the instance, without `#` (`/info/timeStamp`). */
  path: string;
  /** Candidate schemas (dereferenced); empty when no schema says anything about this place. */
  schemas: Json[];
}

/** The schema and its allOf/anyOf/oneOf branches, recursively: any of them may apply. */
export function branchesOf(schema: JsonSchema, depth = 0): Json[] {
  if (!isRecord(schema) || depth > 16) return [];
  const branches = ['allOf', 'anyOf', 'oneOf'].flatMap((k) =>
    Array.isArray(schema[k]) ? (schema[k] as JsonSchema[]) : [],
  );
  return [schema, ...branches.flatMap((b) => branchesOf(b, depth + 1))];
}

function propertySchemas(schemas: Json[], name: string): Json[] {
  return schemas.flatMap((s) => {
    const properties = s.properties;
    if (isRecord(properties) && name in properties)
      return branchesOf(properties[name] as JsonSchema);
    return isRecord(s.additionalProperties) ? branchesOf(s.additionalProperties) : [];
  });
}

function itemSchemas(schemas: Json[]): Json[] {
  return schemas.flatMap((s) => (isRecord(s.items) ? branchesOf(s.items) : []));
}

/**
 * Walk an example value alongside its schema, depth first, calling `visit` for every node.
 * Keeps going where no schema applies (schemas empty) so checks can still look at keys.
 */
export function walkInstance(
  value: unknown,
  schema: JsonSchema,
  visit: (node: InstanceNode) => void,
): void {
  const walk = (v: unknown, path: string, schemas: Json[]): void => {
    visit({ value: v, path, schemas });
    if (Array.isArray(v)) {
      const items = itemSchemas(schemas);
      v.forEach((item, i) => walk(item, `${path}/${i}`, items));
    } else if (isRecord(v)) {
      for (const [key, inner] of Object.entries(v)) {
        walk(inner, `${path}/${escapeSegment(key)}`, propertySchemas(schemas, key));
      }
    }
  };
  walk(value, '', branchesOf(schema));
}

/** The key of the last segment of an instance path (`timeStamp` for `/info/timeStamp`). */
export function lastKey(path: string): string | undefined {
  const i = path.lastIndexOf('/');
  return i < 0
    ? undefined
    : path
        .slice(i + 1)
        .replace(/~1/g, '/')
        .replace(/~0/g, '~');
}
