import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { SpecError } from './errors';
import { HTTP_METHODS, versionOf } from './operations';
import type { HttpMethod } from './types';

export interface OperationSummary {
  operationId: string;
  method: HttpMethod;
  path: string;
  version: string;
  deprecated: boolean;
  tags: string[];
  /** Response statuses as written in the spec ('200', '503', ...). */
  statuses: string[];
}

/**
 * The operations of a spec, read synchronously and without validation. Jest registers tests
 * synchronously, before the full (asynchronous) model can load, so suites name their tests
 * from this list and load the model in `beforeAll`.
 */
export function listOperations(specPath: string): OperationSummary[] {
  let doc: unknown;
  try {
    doc = yaml.load(readFileSync(specPath, 'utf8'));
  } catch (err) {
    throw new SpecError(specPath, undefined, (err as Error).message.split('\n')[0]);
  }
  const paths = ((doc as Record<string, unknown> | null)?.paths ?? {}) as Record<string, unknown>;
  const out: OperationSummary[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, unknown> | null)?.[method] as
        Record<string, unknown> | undefined;
      if (!op || typeof op.operationId !== 'string') continue;
      out.push({
        operationId: op.operationId,
        method,
        path,
        version: versionOf(path),
        deprecated: op.deprecated === true,
        tags: Array.isArray(op.tags) ? (op.tags as string[]) : [],
        statuses: Object.keys((op.responses as Record<string, unknown> | undefined) ?? {}),
      });
    }
  }
  return out;
}
