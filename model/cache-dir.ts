import path from 'node:path';

interface KeptFiles {
  cacheRoot(env: NodeJS.ProcessEnv): string;
  readKept(file: string, root: string): Buffer | undefined;
  writeKept(file: string, data: string | Buffer, root: string): void;
  pruneKept(folder: string, keep: number): void;
}
// Plain JavaScript, shared with the TypeScript loader (which runs before TypeScript can load).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kept = require('./kept-files.cjs') as KeptFiles;

/**
 * Where what is derived from a spec text is kept between processes (model/kept-files.cjs).
 * Entries are named by a SHA-256 of everything they derive from, so a stale entry is never read,
 * only left behind.
 */
const cacheRoot = (env = process.env): string => kept.cacheRoot(env);

export function cacheDir(kind: string, env = process.env): string {
  return path.join(cacheRoot(env), kind);
}

/**
 * A kept entry, or undefined: code read from the cache is run, so an entry is used only when
 * it, its folder and the cache's root are this user's alone, and it is whole (model/kept-files.cjs).
 */
export function readCacheEntry(file: string): Buffer | undefined {
  return kept.readKept(file, path.dirname(path.dirname(file)));
}

/** Entries kept per kind: the newest, so specs edited again and again do not fill the disk. */
const KEPT_ENTRIES = 32;

/** Best effort, whole or not at all: a cache that cannot be written only costs time. */
export function writeCacheEntry(file: string, text: string | Buffer): void {
  kept.writeKept(file, text, path.dirname(path.dirname(file)));
  kept.pruneKept(path.dirname(file), KEPT_ENTRIES);
}
