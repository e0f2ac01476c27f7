import type fc from 'fast-check';
import { UsageError } from '../../model';
import type { JsonSchema } from '../../model';

/** A schema object (boolean schemas are handled before any keyword is read). */
export type SchemaObject = { [keyword: string]: unknown };

/** Where a schema sits: in the document (for error messages) and in the generated value. */
export interface SchemaSite {
  /** The schema with its `allOf` merged in. */
  schema: SchemaObject;
  /** JSON pointer of the schema in the document (or relative to what the caller compiled). */
  pointer: string;
  /** Property names and array indices ('*' for any item) from the compiled root to this value. */
  path: ReadonlyArray<string>;
  /** The name of the property this value is held under, when it is one. */
  propertyName?: string;
}

/** Compiles a (possibly refined) schema at the same site: the default behaviour a hook can wrap. */
export type NextCompiler = (schema: SchemaObject) => fc.Arbitrary<unknown>;

/**
 * A hook sees every schema before the compiler does, and may return its own arbitrary (often by
 * refining the schema and calling `next`). Description rules plug in here.
 */
export type SchemaHook = (
  site: SchemaSite,
  next: NextCompiler,
) => fc.Arbitrary<unknown> | undefined;

export interface SchemaGeneratorOptions {
  /** Pointer of the schema in its document; error messages name places below it. */
  pointer?: string;
  /** The property or parameter name the root value is held under (for pools and realistic values). */
  name?: string;
  /** Values to draw string properties from, keyed by property name (e.g. offerNameId). */
  pools?: Record<string, ReadonlyArray<string> | undefined>;
  /** Extra items generated beyond `minItems` when `maxItems` does not say (default 3). */
  maxExtraItems?: number;
  /** Mix in strings of a few hundred characters (default true). */
  longStrings?: boolean;
  /**
   * Every declared property present and every list non-empty: a request with every place the
   * schema defines, for the coverage phase to break each one.
   */
  complete?: boolean;
  hook?: SchemaHook;
}

/** Everything a keyword-family compiler needs to know about where it is. */
export interface CompileContext {
  options: SchemaGeneratorOptions;
  pointer: string;
  path: ReadonlyArray<string>;
  propertyName?: string;
  compile: (schema: JsonSchema, at: ChildStep) => fc.Arbitrary<unknown>;
  /** Schemas being compiled on the way here, to refuse recursive schemas instead of looping. */
  ancestors: ReadonlySet<object>;
}

/** One step down the schema: the pointer suffix and, for values, the path segment. */
export interface ChildStep {
  schemaPath: Array<string | number>;
  valuePath?: string;
  propertyName?: string;
}

/** A schema the generator cannot honour, named by its pointer. Never silently ignored. */
export class UnsupportedSchemaError extends UsageError {
  constructor(pointer: string, what: string) {
    super(`schema at ${pointer || '#'}: ${what}`);
    this.name = 'UnsupportedSchemaError';
  }
}

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
