import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import ajvPackage from 'ajv/package.json';
import ajvFormatsPackage from 'ajv-formats/package.json';
import {
  AJV_OPTIONS,
  ALL_FORMATS,
  createAjv,
  FORMATS_MODULE,
  OPENAPI_FORMATS,
  OPENAPI_KEYWORDS,
  SPEC_SCHEMA_ID,
} from './ajv';
import { cacheDir, readCacheEntry, writeCacheEntry } from './cache-dir';
import { SpecError } from './errors';

type Doc = Record<string, unknown>;

/** What the spec's own validators look like to the model: one per schema pointer. */
export interface SpecValidators {
  validatorAt(pointer: string): ValidateFunction;
  /** Keeps the code of the validators compiled so far for the next process to load (once more
   *  only when something was compiled since). */
  keep(): void;
}

function extensionKeys(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => extensionKeys(item, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) out.add(key);
      extensionKeys(value, out);
    }
  }
  return out;
}

/**
 * Everything the validators' code depends on besides the spec text: ajv's and ajv-formats'
 * versions and the ajv configuration, read as the text of ajv.ts (its options, keywords and
 * formats: the code of a format is the same whichever transpiler loaded it).
 */
function fingerprintOf(bytes: Buffer, extensions: string[]): string {
  const configuration = JSON.stringify({
    ajv: ajvPackage.version,
    ajvFormats: ajvFormatsPackage.version,
    options: AJV_OPTIONS,
    keywords: OPENAPI_KEYWORDS,
    formats: Object.keys(OPENAPI_FORMATS),
    extensions,
  });
  return createHash('sha256')
    .update(configuration)
    .update(ajvConfigurationText())
    .update('\n')
    .update(bytes)
    .digest('hex');
}

function ajvConfigurationText(): string {
  const source = path.join(__dirname, 'ajv.ts');
  return existsSync(source) ? readFileSync(source, 'utf8') : '';
}

const requireHere = createRequire(__filename);

/** Validators from ajv standalone code kept by an earlier process; undefined if none is usable. */
function loadKept(file: string): Record<string, ValidateFunction> | undefined {
  const code = readCacheEntry(file);
  if (!code) return undefined;
  try {
    const module = { exports: {} as Record<string, ValidateFunction> };
    const load = (id: string): unknown => (id === FORMATS_MODULE ? ALL_FORMATS : requireHere(id));
    new Function('require', 'module', 'exports', code.toString('utf8'))(
      load,
      module,
      module.exports,
    );
    return module.exports;
  } catch {
    return undefined;
  }
}

/**
 * The spec's validators. Compiling them is most of what loading the spec costs, and every process
 * that loads it (each CLI run, each jest test file) would pay it again: the first compiles with
 * ajv and keeps ajv's standalone code, named by a SHA-256 of the spec text and of the ajv
 * configuration; the next ones load that code. A schema that does not compile is reported at
 * load as before, since nothing is kept for a spec until its validators compiled.
 */
export function specValidators(specPath: string, parsed: Doc, bytes: Buffer): SpecValidators {
  const known = new Set<string>(OPENAPI_KEYWORDS);
  // Specification extensions (x-tagGroups, ...) may sit anywhere, the top level included, which
  // ajv compiles when resolving a pointer: strict mode must know them as annotations.
  const extensions = [...extensionKeys(parsed)].filter((k) => !known.has(k)).sort();
  const file = path.join(cacheDir('validators'), `${fingerprintOf(bytes, extensions)}.js`);
  const kept = loadKept(file);

  let ajv: Ajv2020 | undefined;
  const compiler = (): Ajv2020 => {
    if (ajv) return ajv;
    ajv = createAjv({ source: true });
    ajv.addVocabulary(extensions);
    try {
      ajv.addSchema({ ...parsed, $id: SPEC_SCHEMA_ID });
    } catch (err) {
      throw new SpecError(specPath, undefined, `schemas do not compile: ${(err as Error).message}`);
    }
    return ajv;
  };
  if (!kept) compiler();

  const compiled = new Map<string, ValidateFunction>();
  /** Pointers compiled by ajv in this process that the kept code does not have. */
  let fresh = !kept;
  return {
    validatorAt(pointer) {
      let validate = compiled.get(pointer) ?? kept?.[pointer];
      if (!validate) {
        try {
          validate = compiler().getSchema(SPEC_SCHEMA_ID + pointer);
        } catch (err) {
          if (err instanceof SpecError) throw err;
          throw new SpecError(
            specPath,
            pointer,
            `schema does not compile: ${(err as Error).message}`,
          );
        }
        if (!validate) throw new SpecError(specPath, pointer, 'no schema at this pointer');
        fresh = true;
      }
      compiled.set(pointer, validate);
      return validate;
    },
    keep() {
      if (!fresh || compiled.size === 0) return;
      // Kept functions carry no source: standalone code is written from ajv's own compilation of
      // every pointer met so far (already done, unless the earlier ones came from kept code).
      const all = new Set([...Object.keys(kept ?? {}), ...compiled.keys()]);
      const exports: Record<string, string> = {};
      for (const pointer of all) {
        compiler().getSchema(SPEC_SCHEMA_ID + pointer);
        exports[pointer] = SPEC_SCHEMA_ID + pointer;
      }
      writeCacheEntry(file, standaloneCode(compiler(), exports));
      fresh = false;
    },
  };
}
