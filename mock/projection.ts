import {
  allowsType,
  emptyMemberOf,
  enumOf,
  isRecord,
  itemsOf,
  propertiesOf,
  requiredOf,
  valueTypeAllowed,
  type SchemaObject,
} from '../model/schema-access';

export interface ProjectOptions {
  /** Every property the schema declares is present: null where nothing is known (reads). */
  fillNulls: boolean;
  /** A value outside the schema's enum: its translation, or undefined to drop it. */
  translate?: (schema: SchemaObject, value: unknown) => unknown;
}

const isObjectSchema = (s: SchemaObject): boolean =>
  Object.keys(propertiesOf(s)).length > 0 ||
  (allowsType(s, 'object') && s.type !== undefined && !allowsType(s, 'array'));

/**
 * Reads name a list by the singular (`customerContact`) where requests use the plural
 * (`customerContacts`); the stored object keeps the request's name.
 */
function lookup(source: Record<string, unknown>, name: string): unknown {
  return source[name] !== undefined ? source[name] : source[`${name}s`];
}

function missing(schema: SchemaObject, required: boolean, options: ProjectOptions): unknown {
  if (options.fillNulls && allowsType(schema, 'null')) return null;
  // A required enum with nothing stored: its "Empty" member, when it has one.
  if (options.fillNulls && required) return emptyMemberOf(schema);
  return undefined;
}

function projectObject(schema: SchemaObject, value: unknown, options: ProjectOptions): unknown {
  if (!isRecord(value)) return undefined;
  const required = new Set(requiredOf(schema));
  const out: Record<string, unknown> = {};
  for (const [name, propSchema] of Object.entries(propertiesOf(schema))) {
    let v = project(propSchema, lookup(value, name), options);
    if (v === undefined) v = missing(propSchema, required.has(name), options);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function projectScalar(schema: SchemaObject, value: unknown, options: ProjectOptions): unknown {
  const members = enumOf(schema);
  if (members && !members.includes(value)) return options.translate?.(schema, value);
  return valueTypeAllowed(schema, value) ? value : undefined;
}

/**
 * The part of `value` the schema describes, in its shape: unknown members are dropped,
 * values of the wrong type are treated as unknown. Undefined means "nothing to show".
 */
export function project(
  schema: SchemaObject | undefined,
  value: unknown,
  options: ProjectOptions,
): unknown {
  if (!schema || value === undefined) return undefined;
  if (value === null) return allowsType(schema, 'null') ? null : undefined;
  if (Array.isArray(value)) {
    if (!allowsType(schema, 'array')) return undefined;
    const items = itemsOf(schema);
    return items
      ? value.map((v) => project(items, v, options)).filter((v) => v !== undefined)
      : value;
  }
  if (isRecord(value))
    return isObjectSchema(schema) ? projectObject(schema, value, options) : undefined;
  return projectScalar(schema, value, options);
}
