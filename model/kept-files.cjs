// Files kept between processes (the spec's parsed documents, its compiled validators, the
// commands' transpiled TypeScript), some of which are run as code. Plain JavaScript: the
// TypeScript loader (cli/load-typescript.cjs) needs it before any TypeScript can load.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/**
 * Where kept files live: per user, in the temporary directory, or under CONFORMANCE_CACHE_DIR
 * (empty means unset); one folder per kind below it.
 */
function cacheRoot(env = process.env) {
  return (
    env.CONFORMANCE_CACHE_DIR ||
    path.join(os.tmpdir(), `api4partners-conformance-${process.getuid ? process.getuid() : 'user'}`)
  );
}

/** Every entry ends with the SHA-256 of what precedes it: a cut or emptied file is never used. */
const TRAILER = '\nsha256=';
const TRAILER_BYTES = TRAILER.length + 64;
/** A read older than this refreshes the entry's date, so pruning drops the unused ones first. */
const DAY_MS = 24 * 60 * 60 * 1000;

const digest = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
const ownUid = () => (process.getuid ? process.getuid() : undefined);
const isOwn = (stat) => ownUid() === undefined || stat.uid === ownUid();

/** A real folder (not a link) this user owns and nobody else may write to. */
function ownFolder(folder) {
  try {
    const stat = fs.lstatSync(folder);
    return stat.isDirectory() && isOwn(stat) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * The entry's folder and the cache's root above it are both this user's alone: nobody else can
 * swap either for a folder of theirs between this check and the read.
 */
const trustedPlace = (file, root) => ownFolder(path.dirname(file)) && ownFolder(root);

/** The entry's content without its trailer, when the trailer vouches for it. */
function whole(bytes) {
  if (bytes.length < TRAILER_BYTES) return undefined;
  const body = bytes.subarray(0, bytes.length - TRAILER_BYTES);
  const trailer = bytes.subarray(bytes.length - TRAILER_BYTES).toString('latin1');
  return trailer === TRAILER + digest(body) ? body : undefined;
}

/**
 * A kept entry, or undefined when there is none that can be trusted: the file itself (opened
 * without following a link) must be this user's, writable by nobody else, linked once, and
 * whole.
 */
function readKept(file, root) {
  if (!trustedPlace(file, root)) return undefined;
  let fd;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.nlink !== 1 || !isOwn(stat) || (stat.mode & 0o022) !== 0)
      return undefined;
    const body = whole(fs.readFileSync(fd));
    if (body && Date.now() - stat.mtimeMs > DAY_MS) fs.futimesSync(fd, new Date(), new Date());
    return body;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The folder and its missing parents, one level at a time, for this user alone: node's
 * recursive mkdirSync never returns where a parent cannot be made and says ENOENT (under /proc,
 * for one), and a cache folder pointed anywhere must fail, not hang.
 */
function makeFolder(folder) {
  if (fs.existsSync(folder)) return;
  const parent = path.dirname(folder);
  if (parent !== folder) makeFolder(parent);
  fs.mkdirSync(folder, { mode: 0o700 });
}

/**
 * Best effort, whole or not at all: written under a fresh name nobody can have prepared (a link
 * there would be refused), then renamed into place. A cache that cannot be written only costs
 * time.
 */
function writeKept(file, data, root) {
  let partial;
  try {
    makeFolder(path.dirname(file));
    if (!trustedPlace(file, root)) return;
    partial = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    const fd = fs.openSync(partial, 'wx', 0o600);
    try {
      fs.writeSync(fd, data);
      fs.writeSync(fd, TRAILER + digest(data));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
    partial = undefined;
  } catch {
    // not kept: the next process derives it again
  } finally {
    if (partial) fs.rmSync(partial, { force: true });
  }
}

/** The newest `keep` entries of a folder stay; older ones go (best effort). */
function pruneKept(folder, keep) {
  try {
    const entries = fs
      .readdirSync(folder)
      .map((name) => ({ name, at: fs.statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of entries.slice(keep)) fs.rmSync(path.join(folder, old.name), { force: true });
  } catch {
    // not pruned: the next write prunes
  }
}

module.exports = { cacheRoot, readKept, writeKept, pruneKept };
