import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

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

export const SPEC_SCHEMA_ID = 'openapi-document.json';

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // Unknown keywords and formats are errors; the looser checks below would only log noise.
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: true,
  });
  addFormats(ajv);
  ajv.addVocabulary([...OPENAPI_KEYWORDS]);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('password', true);
  ajv.addFormat('byte', /^[A-Za-z0-9+/]*={0,2}$/);
  ajv.addFormat('binary', true);
  return ajv;
}
