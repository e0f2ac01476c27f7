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
function lookup(source: Record<string, unknown>, name: string, plural: string): unknown {
  return source[name] !== undefined ? source[name] : source[plural];
}

/** What an absent property shows: null where the schema allows it (reads), or its "Empty" member. */
function missingOf(schema: SchemaObject, required: boolean): (options: ProjectOptions) => unknown {
  const nullable = allowsType(schema, 'null');
  // A required enum with nothing stored: its "Empty" member, when it has one.
  const empty = required ? emptyMemberOf(schema) : undefined;
  return (options) => {
    if (!options.fillNulls) return undefined;
    return nullable ? null : empty;
  };
}

type Projector = (value: unknown, options: ProjectOptions) => unknown;

/**
 * The projection for one schema, its keywords read once: every answer of the mock goes through
 * it, field by field. Sub-schemas get theirs when first met, so recursive schemas are fine.
 */
function compile(schema: SchemaObject): Projector {
  const nullable = allowsType(schema, 'null');
  const arrays = allowsType(schema, 'array');
  const items = itemsOf(schema);
  const objects = isObjectSchema(schema);
  const required = new Set(requiredOf(schema));
  const properties = Object.entries(propertiesOf(schema)).map(([name, propSchema]) => ({
    name,
    // Built once: a name made afresh on each lookup costs more than the lookup itself.
    plural: `${name}s`,
    propSchema,
    missing: missingOf(propSchema, required.has(name)),
  }));
  const members = enumOf(schema);
  return (value, options) => {
    if (value === undefined) return undefined;
    if (value === null) return nullable ? null : undefined;
    if (Array.isArray(value)) {
      if (!arrays) return undefined;
      if (!items) return value;
      const out: unknown[] = [];
      for (const v of value) {
        const projected = project(items, v, options);
        if (projected !== undefined) out.push(projected);
      }
      return out;
    }
    if (isRecord(value)) {
      if (!objects) return undefined;
      const out: Record<string, unknown> = {};
      for (const { name, plural, propSchema, missing } of properties) {
        let v = project(propSchema, lookup(value, name, plural), options);
        if (v === undefined) v = missing(options);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    if (members && !members.includes(value)) return options.translate?.(schema, value);
    return valueTypeAllowed(schema, value) ? value : undefined;
  };
}

const projectors = new WeakMap<SchemaObject, Projector>();

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
  let projector = projectors.get(schema);
  if (!projector) projectors.set(schema, (projector = compile(schema)));
  return projector(value, options);
}
