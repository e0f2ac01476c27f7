import { existsSync, readFileSync, statSync } from 'node:fs';
import type { RunSummary } from '../engine/summary';
import { UsageError } from '../model/errors';

const STATUSES = ['passed', 'failed', 'skipped', 'error'];

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;

function checkShape(file: string, doc: unknown): void {
  const fail = (pointer: string, what: string): never => {
    throw new UsageError(`${file}: ${pointer}: ${what}`);
  };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    fail('#', `expected a run summary object, got ${typeName(doc)}`);
  const d = doc as Record<string, unknown>;
  for (const list of ['checks', 'failures']) {
    if (!Array.isArray(d[list]))
      fail(
        `#/${list}`,
        `expected an array, got ${typeName(d[list])} (a summary.json written by this version of the suite?)`,
      );
  }
  (d.checks as unknown[]).forEach((check, i) => {
    const at = `#/checks/${i}`;
    if (typeof check !== 'object' || check === null || Array.isArray(check))
      fail(at, `expected a check, got ${typeName(check)}`);
    const record = check as Record<string, unknown>;
    for (const field of ['operationId', 'check', 'message']) {
      if (typeof record[field] !== 'string')
        fail(`${at}/${field}`, `expected a string, got ${typeName(record[field])}`);
    }
    if (!STATUSES.includes(record.status as string)) {
      fail(
        `${at}/status`,
        `expected one of ${STATUSES.join('|')}, got ${JSON.stringify(record.status)}`,
      );
    }
  });
  (d.failures as unknown[]).forEach((failure, i) => {
    const at = `#/failures/${i}`;
    if (typeof failure !== 'object' || failure === null || Array.isArray(failure))
      fail(at, `expected a failure, got ${typeName(failure)}`);
    const record = failure as Record<string, unknown>;
    for (const field of ['id', 'check', 'operationId', 'kind', 'expected']) {
      if (typeof record[field] !== 'string')
        fail(`${at}/${field}`, `expected a string, got ${typeName(record[field])}`);
    }
  });
}

/**
 * A stored summary.json, checked enough to compare, merge or replay it: every problem is one
 * UsageError line naming the file and, for a bad shape, the JSON pointer.
 */
export function readSummaryFile(file: string): RunSummary {
  if (!existsSync(file)) throw new UsageError(`${file}: file not found`);
  if (statSync(file).isDirectory())
    throw new UsageError(`${file}: is a directory, not a summary.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
  checkShape(file, doc);
  return doc as RunSummary;
}
