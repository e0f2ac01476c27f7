import { isValid, type SchemaObject } from '../schema';

const withoutCache = new WeakMap<object, Map<string, SchemaObject>>();

function withoutKeyword(schema: SchemaObject, keyword: string): SchemaObject {
  let byKeyword = withoutCache.get(schema);
  if (!byKeyword) withoutCache.set(schema, (byKeyword = new Map()));
  let out = byKeyword.get(keyword);
  if (!out) {
    const { [keyword]: _dropped, ...rest } = schema;
    out = rest;
    byKeyword.set(keyword, out);
  }
  return out;
}

/**
 * Whether `candidate` fails `schema` because of `keyword` alone: it passes the schema without
 * that keyword, and fails the schema with it. The guard that keeps each invalid value single-fault.
 */
export function breaksOnly(schema: SchemaObject, keyword: string, candidate: unknown): boolean {
  return isValid(withoutKeyword(schema, keyword), candidate) && !isValid(schema, candidate);
}
