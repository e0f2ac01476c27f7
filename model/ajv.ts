import Ajv2020 from 'ajv/dist/2020';
import { _, type Format } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';

/**
 * Keywords OpenAPI 3.1 allows in a document or schema that JSON Schema 2020-12 does not know.
 * Registered as annotation-only keywords so ajv's strict mode stays on for everything else
 * (a typo such as `minLenght` still fails compilation).
 */
export const OPENAPI_KEYWORDS = [
  // Schema Object extensions
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'x-enumDescriptions',
  // Top-level fields, so the whole document can be registered and pointed into.
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'x-logo',
] as const;

/** OpenAPI's numeric formats, checked for range; the others are annotations. */
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** The formats OpenAPI adds to JSON Schema's, as ajv defines formats. */
export const OPENAPI_FORMATS = {
  int32: {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
  },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) },
  float: { type: 'number', validate: () => true },
  double: { type: 'number', validate: () => true },
  password: true,
  byte: /^[A-Za-z0-9+/]*={0,2}$/,
  binary: true,
} satisfies Record<string, Format>;

/** Every format a validator may call: ajv-formats' full set and OpenAPI's. */
export const ALL_FORMATS: Record<string, Format> = { ...fullFormats, ...OPENAPI_FORMATS };

/**
 * The module name standalone validator code requires its formats from (see
 * compiled-validators.ts, which hands it ALL_FORMATS).
 */
export const FORMATS_MODULE = 'api4partners-conformance:formats';

export const AJV_OPTIONS = {
  allErrors: true,
  // Unknown keywords and formats are errors; the looser checks below would only log noise.
  strictSchema: true,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  validateFormats: true,
} as const;

export const SPEC_SCHEMA_ID = 'openapi-document.json';

/** `source`: keep each validator's code, so ajv's standalone module can be written from it. */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    ...AJV_OPTIONS,
    ...(options.source ? { code: { source: true, formats: _`require(${FORMATS_MODULE})` } } : {}),
  });
  addFormats(ajv);
  ajv.addVocabulary([...OPENAPI_KEYWORDS]);
  for (const [name, format] of Object.entries(OPENAPI_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}
