import { unescapeSegment } from '../../model';
import { REMOVE, type Replacement, type RequestSample } from '../types';

/** The request-pointer view of a sample: /path/<name>, /query/<name>, /body/... */
type Root = 'path' | 'query' | 'body';

function split(pointer: string): { root: Root; segments: string[] } {
  const [, root, ...rest] = pointer.split('/');
  if (root !== 'path' && root !== 'query' && root !== 'body')
    throw new Error(`not a request pointer: ${pointer}`);
  return { root, segments: rest.map(unescapeSegment) };
}

const FIELD: Record<Root, 'pathParams' | 'query' | 'body'> = {
  path: 'pathParams',
  query: 'query',
  body: 'body',
};

/** The value at a request pointer, or undefined. */
export function valueAtRequest(sample: RequestSample, pointer: string): unknown {
  const { root, segments } = split(pointer);
  let node: unknown = sample[FIELD[root]];
  for (const s of segments) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[s];
  }
  return node;
}

function replaced(node: unknown, segments: string[], value: Replacement): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(node)
    ? [...node]
    : { ...(node as object) };
  const inner = replaced((copy as Record<string, unknown>)[head], rest, value);
  if (inner === REMOVE) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete copy[head];
  } else {
    (copy as Record<string, unknown>)[head] = inner;
  }
  return copy;
}

/** A copy of the sample with the value at `pointer` replaced (or removed); the rest is shared. */
export function withValueAt(
  sample: RequestSample,
  pointer: string,
  value: Replacement,
): RequestSample {
  const { root, segments } = split(pointer);
  const field = FIELD[root];
  const next = replaced(sample[field], segments, value);
  const out: RequestSample = { ...sample };
  if (next === REMOVE) delete out[field];
  else (out as unknown as Record<string, unknown>)[field] = next;
  return out;
}
