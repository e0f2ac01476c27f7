import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where what is derived from a spec text is kept between processes: per user, in the temporary
 * directory, or under CONFORMANCE_CACHE_DIR. Entries are named by a SHA-256 of everything they
 * derive from, so a stale entry is never read, only left behind.
 */
export function cacheDir(kind: string, env = process.env): string {
  const root =
    env.CONFORMANCE_CACHE_DIR ??
    path.join(os.tmpdir(), `api4partners-conformance-${process.getuid?.() ?? 'user'}`);
  return path.join(root, kind);
}

/**
 * Whether an entry's folder is this user's alone: code read from the cache is run, so a folder
 * someone else made or may write to in a shared temporary directory is not trusted.
 */
export function trustedCacheFolder(file: string): boolean {
  try {
    const folder = statSync(path.dirname(file));
    const uid = process.getuid?.();
    return (uid === undefined || folder.uid === uid) && (folder.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * The folder and its missing parents, one level at a time: node's recursive mkdirSync never
 * returns where a parent cannot be made and says ENOENT (under /proc, for one), and a cache
 * folder pointed anywhere must fail, not hang.
 */
function makeFolder(folder: string): void {
  if (existsSync(folder)) return;
  const parent = path.dirname(folder);
  if (parent !== folder) makeFolder(parent);
  mkdirSync(folder, { mode: 0o700 });
}

/** Entries kept per kind: the newest, so specs edited again and again do not fill the disk. */
const KEPT_ENTRIES = 32;

/** Best effort, whole or not at all: a cache that cannot be written only costs time. */
export function writeCacheEntry(file: string, text: string | Buffer): void {
  const folder = path.dirname(file);
  try {
    makeFolder(folder);
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, file);
    const entries = readdirSync(folder)
      .map((name) => ({ name, at: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const old of entries.slice(KEPT_ENTRIES))
      rmSync(path.join(folder, old.name), { force: true });
  } catch {
    // not kept, or not pruned: the next process derives it again, or prunes
  }
}
