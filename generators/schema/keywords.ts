import { child } from '../../model';
import { UnsupportedSchemaError, type SchemaObject } from './context';

/** Validation keywords the compiler turns into arbitraries (each has a keyword-family module). */
export const SUPPORTED_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'additionalProperties',
  'allOf',
  'anyOf',
  'oneOf',
]);

/** Keywords that describe but do not constrain: safe to ignore when generating. */
export const ANNOTATION_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$comment',
  '$anchor',
  '$defs',
  'definitions',
  'title',
  'description',
  'default',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentMediaType',
  'contentEncoding',
  // OpenAPI Schema Object extensions (annotations for JSON Schema purposes).
  'discriminator',
  'xml',
  'externalDocs',
]);

const isExtension = (keyword: string): boolean => keyword.startsWith('x-');

/** Throws, naming the pointer, on the first keyword that would constrain values in a way we do not generate. */
export function checkKeywords(schema: SchemaObject, pointer: string): void {
  for (const keyword of Object.keys(schema)) {
    if (SUPPORTED_KEYWORDS.has(keyword) || ANNOTATION_KEYWORDS.has(keyword)) continue;
    if (isExtension(keyword)) continue;
    const what =
      keyword === '$ref'
        ? `unresolved $ref '${String(schema.$ref)}' (compile dereferenced schemas)`
        : `keyword '${keyword}' is not supported by the generator`;
    throw new UnsupportedSchemaError(child(pointer, keyword), what);
  }
}
