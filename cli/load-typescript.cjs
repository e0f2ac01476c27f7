// How every command runs its TypeScript without a build step: `node --require
// ./cli/load-typescript.cjs FILE.ts` (the npm scripts), or required before a TypeScript module
// is (jest's reporter and sequencer, a --checks-file). swc transpiles each file once, with the
// options jest's transform uses (jest.config.ts), so a command runs the code the tests ran; tsc
// checks the types in CI. The output is kept per user, named by a SHA-256 of everything it
// derives from: a command starts in about a third of the CPU time tsx's loader took, whose
// module hooks cost more than the transpiling they saved.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');

const SWC_OPTIONS = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  // Stack traces (errors.log, a check's own defect) point at TypeScript lines.
  sourceMaps: 'inline',
};
const EXTENSIONS = ['.ts', '.cts', '.mts'];
/** Entries kept: the newest, so a tree edited again and again does not fill the disk. */
const KEPT_ENTRIES = 4096;

/** The same folder model/cache-dir.ts uses for what is derived from a spec, kind `typescript`. */
function cacheFolder(env = process.env) {
  const root =
    env.CONFORMANCE_CACHE_DIR ||
    path.join(
      os.tmpdir(),
      `api4partners-conformance-${process.getuid ? process.getuid() : 'user'}`,
    );
  return path.join(root, 'typescript');
}

/** Code read from the cache is run: only from a folder that is this user's and no one else's. */
function trusted(folder) {
  try {
    const stat = fs.statSync(folder);
    const uid = process.getuid ? process.getuid() : undefined;
    return (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * swc's report of a syntax error (a framed snippet, then a native backtrace) as one line:
 * `FILE:LINE:COLUMN: what is wrong`, which is what a command prints of it.
 */
function syntaxError(err, filename) {
  const text = String((err && err.message) || err);
  const what = (/^\s*x (.+)$/m.exec(text) || [])[1] || text.split('\n')[0].trim();
  const line = (/,-\[.*:(\d+):\d+\]/.exec(text) || [])[1];
  const caret = /^( *:)( *)\^/m.exec(text);
  const snippet = line && new RegExp(`^( *${line} \\| )`, 'm').exec(text);
  const column = caret && snippet ? caret[1].length + caret[2].length - snippet[1].length + 1 : 0;
  const where = line ? `${filename}:${line}${column > 0 ? `:${column}` : ''}` : filename;
  return new SyntaxError(`${where}: ${what}`);
}

let swc;
let swcVersion;
function transpile(source, filename) {
  swc ??= require('@swc/core');
  try {
    return swc.transformSync(source, { ...SWC_OPTIONS, filename }).code;
  } catch (err) {
    throw syntaxError(err, filename);
  }
}

/**
 * The folder and its missing parents, one level at a time: node's recursive mkdirSync never
 * returns where a parent cannot be made and says ENOENT (under /proc, for one), and a cache
 * folder pointed anywhere must fail, not hang.
 */
function makeFolder(folder) {
  if (fs.existsSync(folder)) return;
  const parent = path.dirname(folder);
  if (parent !== folder) makeFolder(parent);
  fs.mkdirSync(folder, { mode: 0o700 });
}

let pruned = false;
/** Best effort, whole or not at all: a cache that cannot be written only costs time. */
function keep(folder, file, code) {
  try {
    makeFolder(folder);
    if (!trusted(folder)) return;
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
    if (pruned) return;
    pruned = true;
    const entries = fs
      .readdirSync(folder)
      .map((name) => ({ name, at: fs.statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of entries.slice(KEPT_ENTRIES))
      fs.rmSync(path.join(folder, old.name), { force: true });
  } catch {
    // not kept, or not pruned: the next process transpiles it again, or prunes
  }
}

/** The file's JavaScript: from the cache when this exact text was transpiled before. */
function compiled(source, filename) {
  swcVersion ??= require('@swc/core/package.json').version;
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([swcVersion, SWC_OPTIONS, filename]))
    .update(source)
    .digest('hex');
  const folder = cacheFolder();
  const file = path.join(folder, `${key}.js`);
  if (trusted(folder)) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      // not transpiled yet
    }
  }
  const code = transpile(source, filename);
  keep(folder, file, code);
  return code;
}

function loadTypeScript(module, filename) {
  module._compile(compiled(fs.readFileSync(filename, 'utf8'), filename), filename);
}

// Registered once per process, however many copies of this module are evaluated (jest's
// module registry evaluates its own when a test loads a checks file).
const REGISTERED = Symbol.for('api4partners-conformance.load-typescript');
if (!process[REGISTERED]) {
  process[REGISTERED] = true;
  for (const extension of EXTENSIONS) Module._extensions[extension] = loadTypeScript;
  process.setSourceMapsEnabled(true);
}

module.exports = { cacheFolder };
