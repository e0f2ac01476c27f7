import fc from 'fast-check';
import type { SchemaObject } from './context';

/** The values a schema itself offers as examples (`example`, `examples`): realistic by definition. */
export function schemaExamples(schema: SchemaObject): unknown[] {
  const out: unknown[] = [];
  if ('example' in schema) out.push(schema.example);
  if (Array.isArray(schema.examples)) out.push(...schema.examples);
  return out;
}

/** The examples that `fits` accepts, as an arbitrary, or undefined when none does. */
export function examplesArbitrary<T>(
  schema: SchemaObject,
  fits: (value: unknown) => value is T,
): fc.Arbitrary<T> | undefined {
  const usable = schemaExamples(schema).filter(fits);
  return usable.length > 0 ? fc.constantFrom(...usable) : undefined;
}
