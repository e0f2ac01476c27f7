import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import swaggerParserPackage from '@apidevtools/swagger-parser/package.json';
import { cacheDir, writeCacheEntry } from './cache-dir';

/**
 * Spec texts swagger-parser has already found valid. Its validation compiles the OpenAPI 3.1
 * meta-schema, half a second paid by every process that loads the spec (each jest worker, each
 * test file, each CLI run), while its verdict depends only on the bytes and on swagger-parser's
 * version: a text found valid once is not validated again. An invalid text is never recorded, so
 * its error is reported on every load.
 */
function markOf(bytes: Buffer): string {
  const key = createHash('sha256')
    .update(`swagger-parser ${swaggerParserPackage.version}\n`)
    .update(bytes)
    .digest('hex');
  return path.join(cacheDir('validated-specs'), key);
}

export function knownValid(bytes: Buffer): boolean {
  return existsSync(markOf(bytes));
}

export function rememberValid(bytes: Buffer): void {
  writeCacheEntry(markOf(bytes), '');
}
