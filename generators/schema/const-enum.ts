import fc from 'fast-check';
import { child } from '../../model';
import { UnsupportedSchemaError, type CompileContext, type SchemaObject } from './context';
import { jsonTypeOf, typeAllows, typesOf } from './type';

/** `const` and `enum` pin the value down; other keywords only have to agree (checked by type). */
export function constEnumArbitrary(
  schema: SchemaObject,
  ctx: CompileContext,
): fc.Arbitrary<unknown> | undefined {
  if ('const' in schema) return fc.constant(schema.const);
  if (!Array.isArray(schema.enum)) return undefined;
  const types = typesOf(schema);
  const allowed = schema.enum.filter((v) => !types || typeAllows(types, jsonTypeOf(v)));
  if (allowed.length === 0) {
    throw new UnsupportedSchemaError(
      child(ctx.pointer, 'enum'),
      'no enum value has an allowed type',
    );
  }
  return fc.constantFrom(...allowed);
}
