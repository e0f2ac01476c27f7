// How every command runs its TypeScript without a build step: `node --require
// ./cli/load-typescript.cjs FILE.ts` (the npm scripts), or required before a TypeScript module
// is (jest's reporter and sequencer, a --checks-file). swc transpiles each file once, with the
// options jest's transform uses (cli/swc-options.cjs), so a command runs the code the tests ran; tsc
// checks the types in CI. The output is kept per user, named by a SHA-256 of everything it
// derives from: a command starts in about a third of the CPU time tsx's loader took, whose
// module hooks cost more than the transpiling they saved.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
// Kept beside what model/cache-dir.ts derives from a spec, as kind `typescript`.
const { cacheRoot, readKept, writeKept, pruneKept } = require('../model/kept-files.cjs');
const { swcOptions } = require('./swc-options.cjs');

// Stack traces (errors.log, a check's own defect) point at TypeScript lines.
const SWC_OPTIONS = { ...swcOptions('typescript'), sourceMaps: 'inline' };
const EXTENSIONS = ['.ts', '.cts', '.mts'];
/** Entries kept: the newest, so a tree edited again and again does not fill the disk. */
const KEPT_ENTRIES = 4096;

/**
 * swc's report of an error (a framed snippet, then a native backtrace) as one line,
 * `FILE:LINE:COLUMN: what is wrong`, which is what a command prints of it. The column is given
 * where the snippet's caret counts characters: on a line of printable ASCII (a tab or a wide
 * character is drawn wider than one).
 */
function transpileError(err, filename, source) {
  const text = String((err && err.message) || err);
  const what = (/^\s*x (.+)$/m.exec(text) || [])[1] || text.split('\n')[0].trim();
  const line = (/,-\[.*:(\d+):\d+\]/.exec(text) || [])[1];
  const caret = /^( *:)( *)\^/m.exec(text);
  const snippet = line && new RegExp(`^( *${line} \\| )`, 'm').exec(text);
  const plain = line && /^[\x20-\x7e]*$/.test(source.split('\n')[Number(line) - 1] ?? '');
  const column =
    plain && caret && snippet ? caret[1].length + caret[2].length - snippet[1].length + 1 : 0;
  const where = line ? `${filename}:${line}${column > 0 ? `:${column}` : ''}` : filename;
  const Kind = /Syntax Error/.test(text) ? SyntaxError : Error;
  return new Kind(`${where}: ${what}`);
}

let swc;
let swcVersion;
function transpile(source, filename) {
  swc ??= require('@swc/core');
  try {
    return swc.transformSync(source, { ...SWC_OPTIONS, filename }).code;
  } catch (err) {
    throw transpileError(err, filename, source);
  }
}

/** The file's JavaScript: from the cache when this exact text was transpiled before. */
let pruned = false;
function compiled(source, filename) {
  swcVersion ??= require('@swc/core/package.json').version;
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([swcVersion, SWC_OPTIONS, filename]))
    .update(source)
    .digest('hex');
  const root = cacheRoot();
  const folder = path.join(root, 'typescript');
  const file = path.join(folder, `${key}.js`);
  const kept = readKept(file, root);
  if (kept) return kept.toString('utf8');
  const code = transpile(source, filename);
  writeKept(file, code, root);
  if (!pruned) {
    pruned = true;
    pruneKept(folder, KEPT_ENTRIES);
  }
  return code;
}

function loadTypeScript(module, filename) {
  module._compile(compiled(fs.readFileSync(filename, 'utf8'), filename), filename);
}

/**
 * TypeScript written for ES modules names `./helper.js` for `./helper.ts` (and `.mjs`, `.cjs`
 * for `.mts`, `.cts`): from a TypeScript file, a relative request not found as written is
 * tried with its TypeScript extension.
 */
function resolvingTypeScript(resolve) {
  return function resolveFilename(request, parent, ...rest) {
    try {
      return resolve.call(this, request, parent, ...rest);
    } catch (err) {
      const fromTypeScript = parent && /\.[cm]?ts$/.test(parent.filename || '');
      if (!fromTypeScript || !/^\.\.?\/.*\.[cm]?js$/.test(request)) throw err;
      try {
        return resolve.call(this, request.replace(/js$/, 'ts'), parent, ...rest);
      } catch {
        throw err;
      }
    }
  };
}

// Registered once per process, however many copies of this module are evaluated (jest's
// module registry evaluates its own when a test loads a checks file).
const REGISTERED = Symbol.for('api4partners-conformance.load-typescript');
if (!process[REGISTERED]) {
  process[REGISTERED] = true;
  for (const extension of EXTENSIONS) Module._extensions[extension] = loadTypeScript;
  Module._resolveFilename = resolvingTypeScript(Module._resolveFilename);
  process.setSourceMapsEnabled(true);
}
