import fc from 'fast-check';
import type { JsonSchema } from '../../model';
import type { CompileContext, SchemaObject } from './context';
import { shrinkableRecord } from './shrinkable-record';

/** A required property the schema does not describe: any realistic scalar will do. */
const UNDESCRIBED = { type: 'string' };

const isReadOnly = (s: JsonSchema): boolean => typeof s === 'object' && s.readOnly === true;

/**
 * Declared properties only: extra properties are allowed by most schemas, but a real client does
 * not invent fields, and `additionalProperties: false` must be honoured anyway.
 */
export function objectArbitrary(
  schema: SchemaObject,
  ctx: CompileContext,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    // Read-only properties belong to responses; a client must not send them.
    if (isReadOnly(propertySchema) && !required.has(name)) continue;
    model[name] = ctx.compile(propertySchema, {
      schemaPath: ['properties', name],
      valuePath: name,
      propertyName: name,
    });
  }
  for (const name of required) {
    model[name] ??= ctx.compile(UNDESCRIBED, {
      schemaPath: [],
      valuePath: name,
      propertyName: name,
    });
  }
  const requiredKeys = ctx.options.complete ? Object.keys(model) : [...required];
  return shrinkableRecord(model, requiredKeys);
}
