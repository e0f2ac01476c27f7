/** JSON pointers (RFC 6901) in URI-fragment form: `#/paths/~1sales~1api/post`. */

// Pointers are built for every value of every request: most segments need no escaping.
export function escapeSegment(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  const s = segment;
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

export function unescapeSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

export function pointerOf(segments: ReadonlyArray<string | number>): string {
  return '#' + segments.map((s) => '/' + escapeSegment(s)).join('');
}

export function child(pointer: string, ...segments: Array<string | number>): string {
  let out = pointer;
  for (const s of segments) out += '/' + escapeSegment(s);
  return out;
}

export function segmentsOf(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  if (!body.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return body
    .slice(1)
    .split('/')
    .map((s) => unescapeSegment(decodeURIComponent(s)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value at `pointer`, or undefined. Does not follow `$ref`s. */
export function valueAt(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const segment of segmentsOf(pointer)) {
    if (!isObject(node)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * The pointer where the value really lives: every local `$ref` met on the way (including at
 * the end) is followed, so two routes to one schema give one pointer, and one validator.
 */
export function canonicalPointer(doc: unknown, pointer: string, maxHops = 64): string {
  let current: string[] = [];
  let node: unknown = doc;
  const follow = (): void => {
    for (let hops = 0; isObject(node) && typeof node.$ref === 'string'; hops++) {
      const ref = node.$ref;
      if (!ref.startsWith('#') || hops >= maxHops) return;
      current = segmentsOf(ref);
      node = valueAt(doc, ref);
    }
  };
  for (const segment of segmentsOf(pointer)) {
    follow();
    if (!isObject(node)) return pointerOf([...current, segment]);
    node = (node as Record<string, unknown>)[segment];
    current = [...current, segment];
  }
  follow();
  return pointerOf(current);
}
