/**
 * "What was sent is what is read": every value a client sent comes back from a read of the
 * same object. The read may add fields (defaults, server data) and may use the singular name
 * of a list (`customerContacts` sent, `customerContact` read, as the spec's schemas do).
 */
export interface CompareOptions {
  /** Values acceptable in the read for a sent enum value (another version's vocabulary). */
  translate?: (pointer: string, sent: unknown) => unknown[] | undefined;
  /** Pointers (sent side) the server may legitimately change, with why. */
  excused?: (pointer: string, sent: unknown, read: unknown) => string | undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(T.*)?$/;

/** The same date, whatever the precision or zone notation the server chose. */
function sameDate(a: string, b: string): boolean {
  if (!DATE_LIKE.test(a) || !DATE_LIKE.test(b)) return false;
  if (a.length === 10 || b.length === 10) return a.slice(0, 10) === b.slice(0, 10);
  return Date.parse(a) === Date.parse(b);
}

function sameScalar(sent: unknown, read: unknown): boolean {
  if (sent === read) return true;
  if (typeof sent === 'number' && typeof read === 'number')
    return Math.abs(sent - read) <= 1e-9 * Math.max(1, Math.abs(sent));
  if (typeof sent === 'string' && typeof read === 'string') return sameDate(sent, read);
  return false;
}

function ownKey(read: Json, key: string): string | undefined {
  if (key in read) return key;
  if (key.endsWith('s') && key.slice(0, -1) in read) return key.slice(0, -1);
  return undefined;
}

/**
 * Where a sent field is in the read: same name, or its singular, at the same level or one
 * level down (the GET schemas nest offerLines and contacts inside leadOpportunity, where the
 * create body has them beside it).
 */
function readValue(read: Json, key: string): { found: boolean; value?: unknown } {
  const own = ownKey(read, key);
  if (own !== undefined) return { found: true, value: read[own] };
  for (const child of Object.values(read)) {
    if (!isObject(child)) continue;
    const nested = ownKey(child, key);
    if (nested !== undefined) return { found: true, value: child[nested] };
  }
  return { found: false };
}

export function compareSentToRead(
  sent: unknown,
  read: unknown,
  options: CompareOptions = {},
  at = '',
): string[] {
  const excuse = options.excused?.(at, sent, read);
  if (excuse) return [];
  if (isObject(sent)) {
    if (!isObject(read)) return [`${at || '/'}: sent an object, read ${JSON.stringify(read)}`];
    const out: string[] = [];
    for (const [k, v] of Object.entries(sent)) {
      if (v === undefined || v === null) continue;
      const found = readValue(read, k);
      // A field the read does not carry at all is a shape difference between the documented
      // request and response schemas (partnerId), not a lost value.
      if (!found.found) continue;
      out.push(...compareSentToRead(v, found.value, options, `${at}/${k}`));
    }
    return out;
  }
  if (Array.isArray(sent)) {
    if (!Array.isArray(read)) {
      return sent.length === 0 && (read === null || read === undefined)
        ? []
        : [`${at}: sent a list, read ${JSON.stringify(read)}`];
    }
    if (sent.length !== read.length)
      return [`${at}: sent ${sent.length} items, read ${read.length}`];
    const out: string[] = [];
    // Order is not documented: each sent item must match some read item.
    sent.forEach((item, i) => {
      const matches = read.some(
        (r) => compareSentToRead(item, r, options, `${at}/${i}`).length === 0,
      );
      if (!matches) {
        const detail = compareSentToRead(item, read[i], options, `${at}/${i}`);
        out.push(detail[0] ?? `${at}/${i}: no read item matches`);
      }
    });
    return out;
  }
  // Where the read's vocabulary differs, only the translated value is right: the sent
  // literal leaking through untranslated is the defect this comparison exists to catch.
  const alternatives = options.translate?.(at, sent);
  if (alternatives) {
    return alternatives.some((alt) => sameScalar(alt, read))
      ? []
      : [
          `${at}: sent ${JSON.stringify(sent)}, read ${JSON.stringify(read)} (expected ${alternatives.map((a) => JSON.stringify(a)).join(' or ')})`,
        ];
  }
  if (sameScalar(sent, read)) return [];
  return [`${at}: sent ${JSON.stringify(sent)}, read ${JSON.stringify(read)}`];
}
