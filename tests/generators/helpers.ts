import { isDeepStrictEqual } from 'node:util';
import type fc from 'fast-check';
import { escapeSegment, type OperationModel } from '../../model';
import {
  decodeParam,
  REMOVE,
  valueAtRequest,
  withValueAt,
  type InvalidSample,
  type RequestSample,
} from '../../generators';

/** Samples per operation: 1000 by default, more with GEN_RUNS=5000. */
export const RUNS = Number(process.env.GEN_RUNS ?? 1000);

/** fast-check parameters: FC_SEED replays a failing run (fc.assert prints seed and path). */
export function fcParams<T>(numRuns = RUNS): fc.Parameters<T> {
  return { seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined, numRuns };
}

export { labelFound, strayFindings } from '../../generators';

/** What the spec's own validators say about a request, asked directly (not through requestFindings). */
export function specValidatorErrors(op: OperationModel, sample: RequestSample): string[] {
  const errors: string[] = [];
  for (const p of op.parameters) {
    const values =
      p.in === 'path' ? sample.pathParams : p.in === 'query' ? sample.query : undefined;
    const raw = values?.[p.name];
    if (raw === undefined) {
      if (p.required) errors.push(`${p.in} ${p.name} missing`);
      continue;
    }
    if (!p.validate(decodeParam(p, raw)))
      errors.push(`${p.in} ${p.name}: ${JSON.stringify(p.validate.errors)}`);
  }
  const media = op.requestBody?.json;
  if (media) {
    if (sample.body === undefined) {
      if (op.requestBody?.required) errors.push('body missing');
    } else if (!media.validate(sample.body)) {
      errors.push(`body: ${JSON.stringify(media.validate.errors)}`);
    }
  }
  return errors;
}

const HTTP_LEVEL = new Set(['malformed-json', 'wrong-content-type', 'empty-body']);

/** The invalid sample with the change at its pointer put back: must give its base exactly. */
export function undo(sample: InvalidSample): RequestSample {
  const { violation, pointer, expected: _e, reason: _r, base, ...request } = sample;
  if (HTTP_LEVEL.has(violation)) {
    const { rawBody: _raw, contentType: _ct, ...rest } = request as RequestSample;
    return {
      ...rest,
      ...(base.body !== undefined ? { body: base.body } : {}),
      ...(base.contentType ? { contentType: base.contentType } : {}),
    };
  }
  const original = valueAtRequest(base, pointer);
  return withValueAt(request, pointer, original === undefined ? REMOVE : original);
}

export function sameRequest(a: RequestSample, b: RequestSample): boolean {
  const strip = (s: RequestSample) => JSON.parse(JSON.stringify(s)) as unknown;
  return isDeepStrictEqual(strip(a), strip(b));
}

/** Every string in a value, with its pointer. */
export function stringsIn(value: unknown, at = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${at}/${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${at}/${escapeSegment(k)}`));
  }
  return [];
}

type Schema = Record<string, unknown>;

/** The `format` the spec gives the body field at a request pointer (through properties, items, allOf). */
export function formatAt(op: OperationModel, pointer: string): string | undefined {
  const segments = pointer.split('/').slice(2);
  let nodes: Schema[] = [op.requestBody?.json?.schema as Schema];
  const expand = (list: Schema[]): Schema[] =>
    list.flatMap((s) => [s, ...expand((s.allOf as Schema[] | undefined) ?? [])]);
  for (const segment of segments) {
    nodes = expand(nodes).flatMap((s) => {
      const byName = (s.properties as Record<string, Schema> | undefined)?.[segment];
      if (byName) return [byName];
      return /^\d+$/.test(segment) && s.items ? [s.items as Schema] : [];
    });
  }
  return expand(nodes)
    .map((s) => s.format as string | undefined)
    .find((f) => f !== undefined);
}
