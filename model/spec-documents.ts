import { createHash } from 'node:crypto';
import path from 'node:path';
import v8 from 'node:v8';
import swaggerParserPackage from '@apidevtools/swagger-parser/package.json';
import jsYamlPackage from 'js-yaml/package.json';
import { cacheDir, readCacheEntry, writeCacheEntry } from './cache-dir';

type Doc = Record<string, unknown>;

/** A spec text as the model uses it: parsed, and dereferenced by swagger-parser. */
export interface SpecDocuments {
  parsed: Doc;
  dereferenced: Doc;
}

/**
 * Spec texts already parsed, validated and dereferenced. swagger-parser's validation compiles the
 * OpenAPI 3.1 meta-schema, and loading it, parsing the YAML and dereferencing cost every process
 * (each CLI run, each jest test file) about half a second, while the result depends only on the
 * bytes and on js-yaml's and swagger-parser's versions. A valid text's documents are kept (v8's
 * serialisation keeps shared `$ref` targets shared); an invalid text is never kept, so its error
 * is reported on every load.
 */
function entryOf(bytes: Buffer): string {
  const key = createHash('sha256')
    .update(`js-yaml ${jsYamlPackage.version} swagger-parser ${swaggerParserPackage.version}\n`)
    .update(bytes)
    .digest('hex');
  return path.join(cacheDir('spec-documents'), `${key}.v8`);
}

export function keptDocuments(bytes: Buffer): SpecDocuments | undefined {
  const file = entryOf(bytes);
  const entry = readCacheEntry(file);
  if (!entry) return undefined;
  try {
    const kept = v8.deserialize(entry) as SpecDocuments;
    return kept && typeof kept.parsed === 'object' && typeof kept.dereferenced === 'object'
      ? kept
      : undefined;
  } catch {
    return undefined;
  }
}

export function keepDocuments(bytes: Buffer, documents: SpecDocuments): void {
  let data: Buffer;
  try {
    data = v8.serialize(documents);
  } catch {
    return; // a value v8 cannot serialise: this text is loaded afresh each time
  }
  writeCacheEntry(entryOf(bytes), data);
}
