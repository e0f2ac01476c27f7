import type { SchemaObject } from './context';
import { isStringFormat } from './formats';

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export const JSON_TYPES: JsonType[] = [
  'null',
  'boolean',
  'integer',
  'number',
  'string',
  'array',
  'object',
];

/** The JSON Schema type of a value ('integer' for whole numbers). */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** Whether a value of type `actual` is allowed by the list (an integer is a number). */
export function typeAllows(types: ReadonlyArray<JsonType>, actual: JsonType): boolean {
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/**
 * The types a schema allows. Without `type`, the keywords present say what the author meant
 * (properties: an object; items: an array; ...), which is also what a real client would send.
 */
export function typesOf(schema: SchemaObject): JsonType[] | undefined {
  if (typeof schema.type === 'string') return [schema.type as JsonType];
  if (Array.isArray(schema.type)) return schema.type as JsonType[];
  const has = (...keys: string[]) => keys.some((k) => k in schema);
  if (has('properties', 'required', 'additionalProperties')) return ['object'];
  if (has('items', 'minItems', 'maxItems', 'uniqueItems')) return ['array'];
  if (has('pattern', 'minLength', 'maxLength')) return ['string'];
  if (typeof schema.format === 'string' && isStringFormat(schema.format)) return ['string'];
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'))
    return ['number'];
  return undefined;
}
