import {
  descriptionOf,
  enumDescriptionsOf,
  enumOf,
  exampleOf,
  itemsOf,
  propertiesOf,
  type SchemaObject,
} from './schema-access';

/**
 * Defaults the spec states in prose ("if not provided at creation time, it will be defaulted
 * to `STRNG_VAL_PROP`"), read from the descriptions of the created object's properties.
 */
const DEFAULTED_TO = /defaulted\s+to\s+(.+?)(?:\s+if\b|\s*\(|\.(?:\s|$)|$)/i;
const QUOTES = /^[\s`'"‘’“”]+|[\s`'"‘’“”]+$/g;

function resolveToken(token: string, schema: SchemaObject): unknown {
  const valueSchema = schema.type === 'array' ? itemsOf(schema) : schema;
  const members = (enumOf(valueSchema) ?? []).filter((v): v is string => typeof v === 'string');
  const labels = enumDescriptionsOf(valueSchema);
  const norm = token.trim().toLowerCase();
  const member =
    members.find((m) => m.toLowerCase() === norm) ??
    members.find((m) => (labels[m] ?? '').trim().toLowerCase() === norm);
  // "the primary 3DS PSM" names no value: the documented example stands in for it.
  const value =
    member ?? (members.length === 0 ? (exampleOf(valueSchema) ?? exampleOf(schema)) : undefined);
  if (value === undefined) return undefined;
  return schema.type === 'array' ? [value] : value;
}

function defaultFromDescription(schema: SchemaObject): unknown {
  for (const text of [descriptionOf(schema), descriptionOf(itemsOf(schema))]) {
    const token = DEFAULTED_TO.exec(text.replace(/\s+/g, ' '))?.[1]?.replace(QUOTES, '');
    if (token) return resolveToken(token, schema);
  }
  return undefined;
}

/** Property name -> the value it takes when a create request leaves it out. */
export function creationDefaults(
  resourceSchema: SchemaObject | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(propertiesOf(resourceSchema))) {
    const value = defaultFromDescription(schema);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
