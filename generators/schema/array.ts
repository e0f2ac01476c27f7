import fc from 'fast-check';
import type { CompileContext, SchemaObject } from './context';

/** An array without `items` may hold anything; a real client sends strings (ids, names). */
const DEFAULT_ITEMS = { type: 'string' };
const DEFAULT_EXTRA_ITEMS = 3;

/** Key order does not matter to JSON Schema's uniqueItems, so it must not matter here either. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function arrayArbitrary(schema: SchemaObject, ctx: CompileContext): fc.Arbitrary<unknown[]> {
  const declared = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const minLength = ctx.options.complete ? Math.max(1, declared) : declared;
  const extra = ctx.options.maxExtraItems ?? DEFAULT_EXTRA_ITEMS;
  const maxLength = typeof schema.maxItems === 'number' ? schema.maxItems : minLength + extra;
  const items = ctx.compile((schema.items ?? DEFAULT_ITEMS) as SchemaObject, {
    schemaPath: schema.items === undefined ? [] : ['items'],
    valuePath: '*',
  });
  if (schema.uniqueItems === true) {
    return fc.uniqueArray(items, { minLength, maxLength, selector: canonicalJson });
  }
  return fc.array(items, { minLength, maxLength });
}
