import fc from 'fast-check';
import { child } from '../../model';
import type { JsonSchema } from '../../model';
import { mergeAllOf } from './all-of';
import { arrayArbitrary } from './array';
import { combinatorArbitrary } from './combinators';
import { constEnumArbitrary } from './const-enum';
import {
  isSchemaObject,
  UnsupportedSchemaError,
  type ChildStep,
  type CompileContext,
  type SchemaGeneratorOptions,
  type SchemaObject,
} from './context';
import { numberArbitrary } from './number';
import { objectArbitrary } from './object';
import { stringArbitrary } from './string';
import { typesOf, type JsonType } from './type';

export * from './context';
export { mergeAllOf } from './all-of';
export { ANNOTATION_KEYWORDS, SUPPORTED_KEYWORDS } from './keywords';
export { typesOf, jsonTypeOf, typeAllows, JSON_TYPES, type JsonType } from './type';
export { isValid, matchesFormat, validatorFor } from './validators';
export { canonicalJson } from './array';
export { codePointLength } from './viable';

/** A schema that says nothing: small JSON values. */
const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

function typeArbitrary(
  type: JsonType,
  schema: SchemaObject,
  ctx: CompileContext,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberArbitrary(schema, ctx, true);
    case 'number':
      return numberArbitrary(schema, ctx, false);
    case 'string':
      return stringArbitrary(schema, ctx);
    case 'array':
      return arrayArbitrary(schema, ctx);
    case 'object':
      return objectArbitrary(schema, ctx);
    default:
      throw new UnsupportedSchemaError(
        child(ctx.pointer, 'type'),
        `unknown type '${String(type)}'`,
      );
  }
}

function typedArbitrary(schema: SchemaObject, ctx: CompileContext): fc.Arbitrary<unknown> {
  const types = typesOf(schema);
  if (!types) return anyJson;
  // `null` is a legitimate but less common answer for nullable fields: keep it, less often.
  const choices = [...new Set(types)].map((t) => ({
    weight: t === 'null' ? 1 : 3,
    arbitrary: typeArbitrary(t, schema, ctx),
  }));
  return choices.length === 1 ? choices[0].arbitrary : fc.oneof(...choices);
}

/** The keyword families, composed: combinators distribute, const/enum pin, types build. */
function compileMerged(schema: SchemaObject, ctx: CompileContext): fc.Arbitrary<unknown> {
  return (
    combinatorArbitrary(schema, ctx) ??
    constEnumArbitrary(schema, ctx) ??
    typedArbitrary(schema, ctx)
  );
}

function compileAt(
  schema: JsonSchema,
  options: SchemaGeneratorOptions,
  pointer: string,
  path: ReadonlyArray<string>,
  propertyName: string | undefined,
  ancestors: ReadonlySet<object>,
): fc.Arbitrary<unknown> {
  if (schema === true) return anyJson;
  if (!isSchemaObject(schema)) {
    throw new UnsupportedSchemaError(
      pointer,
      schema === false ? 'a false schema admits no value' : 'not a schema',
    );
  }
  if (ancestors.has(schema))
    throw new UnsupportedSchemaError(pointer, 'recursive schemas are not supported');
  const merged = mergeAllOf(schema, pointer);
  const below = new Set(ancestors).add(schema);
  const ctx: CompileContext = {
    options,
    pointer,
    path,
    propertyName,
    ancestors: below,
    compile: (sub: JsonSchema, step: ChildStep) =>
      compileAt(
        sub,
        options,
        child(pointer, ...step.schemaPath),
        step.valuePath === undefined ? path : [...path, step.valuePath],
        step.propertyName ?? propertyName,
        below,
      ),
  };
  const next = (refined: SchemaObject) => compileMerged(refined, ctx);
  return options.hook?.({ schema: merged, pointer, path, propertyName }, next) ?? next(merged);
}

/**
 * A fast-check arbitrary of values valid against a (dereferenced) JSON Schema 2020-12. A
 * validation keyword it does not understand is an error naming the schema pointer.
 */
export function arbitraryFromSchema(
  schema: JsonSchema,
  options: SchemaGeneratorOptions = {},
): fc.Arbitrary<unknown> {
  return compileAt(schema, options, options.pointer ?? '#', [], options.name, new Set());
}
