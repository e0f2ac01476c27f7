import {
  isRecord,
  descriptionOf,
  formatOf,
  itemsOf,
  propertiesOf,
  type JsonSchema,
  type SchemaObject,
} from '../model';
import type { Excuse } from './types';

type Json = Record<string, unknown>;
export const DATE_READ_AS_DAY: Excuse = {
  name: 'dateReadAsDay',
  allows: 'a date-time sent, read back as its day (YYYY-MM-DD, or midnight of that day)',
  when: 'the read schema describes the field as a day ("ISO 8601 format (YYYY-MM-DD)") although the request sends a date-time',
};

export const LIST_ORDER: Excuse = {
  name: 'listOrder',
  allows: 'list items read back in another order',
  when: 'always: the spec documents no order for offer lines or contacts',
};

export const EMPTY_READ_AS_ABSENT: Excuse = {
  name: 'emptyReadAsAbsent',
  allows: 'an empty list or string sent, read back as null or absent',
  when: 'the read schema allows null there ("type: [array, null]"): nothing was lost',
};

export const PATCH_LISTS_REPLACE_OR_EXTEND: Excuse = {
  name: 'patchListsReplaceOrExtend',
  allows: 'a list sent in a PATCH read back with more items than were sent',
  when: 'the spec does not say whether a list in a PATCH replaces or extends the stored one',
};

export const ONLY_USED_FOR: Excuse = {
  name: 'onlyUsedFor',
  allows:
    'a property sent where its description says it is "only used for" other values of a sibling (startDate/endDate of a PxC offer line) read back absent',
  when: 'the description limits where the property is used ("Note: startDate/endDate are only used for YxC/QxC")',
};

/**
 * Why a sent property may be dropped: its description says it is "only used for" some values
 * of a sibling property (an enum holding them), and the object has another one (or the
 * sibling's default is another one).
 */
export function unusedBecause(
  property: string,
  propSchema: SchemaObject | undefined,
  sent: Json,
  parentSchema: SchemaObject | undefined,
): string | undefined {
  const m = /only used for\s+([A-Za-z0-9_]+(?:\s*\/\s*[A-Za-z0-9_]+)*)/i.exec(
    descriptionOf(propSchema),
  );
  if (!m) return undefined;
  const values = m[1].split('/').map((v) => v.trim());
  for (const [name, schema] of Object.entries(propertiesOf(parentSchema))) {
    const members = (schema.enum as unknown[] | undefined) ?? [];
    if (name === property || !values.every((v) => members.includes(v))) continue;
    const actual = sent[name] ?? schema.default;
    if (actual !== undefined && !values.includes(actual as string)) {
      return `${property} is "only used for ${values.join('/')}" and ${name} is ${JSON.stringify(actual)}`;
    }
  }
  return undefined;
}

/** One difference between what was sent and what was read, at a pointer of the sent body. */
export interface Mismatch {
  kind: 'lost-value' | 'changed-value' | 'list-length';
  pointer: string;
  detail: string;
}

export interface CompareOptions {
  /** Values acceptable in the read for a sent enum value (the other version's vocabulary). */
  translate?: (
    field: string,
    sent: string,
    from: SchemaObject | undefined,
    to: SchemaObject | undefined,
  ) => string[] | undefined;
  /** Pointers (sent side) whose read value the spec lets the server set, with why; undefined otherwise. */
  excused?: (pointer: string, sent: unknown, read: unknown) => string | undefined;
  /** A list sent in a PATCH may replace or extend the stored one: read items beyond the sent ones are fine. */
  allowExtraItems?: boolean;
}

export interface Comparison {
  mismatches: Mismatch[];
  /** Latitudes the comparison took, each once, with an example. */
  excuses: Map<Excuse, string>;
  /** Pointers the rules in `excused` set aside, with why. */
  setAside: string[];
}

/** Where a sent property lives in the read: same name, or its singular (customerContacts -> customerContact). */
function readKey(props: Readonly<Record<string, unknown>>, key: string): string | undefined {
  if (key in props) return key;
  if (key.endsWith('s') && key.slice(0, -1) in props) return key.slice(0, -1);
  return undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

function describesDay(schema: SchemaObject | undefined): boolean {
  return formatOf(schema) === 'date' || /YYYY-MM-DD(?!T)/.test(descriptionOf(schema));
}

/** The calendar days a date-time denotes: in UTC, and in its own offset. */
function daysOf(dateTime: string): string[] {
  const utc = Number.isNaN(Date.parse(dateTime))
    ? undefined
    : new Date(dateTime).toISOString().slice(0, 10);
  return [...new Set([dateTime.slice(0, 10), ...(utc ? [utc] : [])])];
}

function sameInstant(a: string, b: string): boolean {
  return (
    DATE_TIME.test(a) &&
    DATE_TIME.test(b) &&
    Date.parse(a) === Date.parse(b) &&
    !Number.isNaN(Date.parse(a))
  );
}

interface Walk {
  options: CompareOptions;
  out: Comparison;
}

function compareScalar(
  sent: unknown,
  read: unknown,
  sentSchema: SchemaObject | undefined,
  readSchema: SchemaObject | undefined,
  pointer: string,
  walk: Walk,
): Mismatch | undefined {
  const changed = (expected: string): Mismatch => ({
    kind: 'changed-value',
    pointer,
    detail: `sent ${JSON.stringify(sent)}, read ${JSON.stringify(read)}${expected}`,
  });
  if (typeof sent === 'string') {
    const field =
      pointer
        .split('/')
        .filter((s) => !/^\d+$/.test(s))
        .pop() ?? '';
    const alternatives = walk.options.translate?.(field, sent, sentSchema, readSchema);
    if (alternatives && !(alternatives.length === 1 && alternatives[0] === sent)) {
      return alternatives.includes(read as string)
        ? undefined
        : changed(` (expected ${alternatives.map((a) => JSON.stringify(a)).join(' or ')})`);
    }
    if (sent === read) return undefined;
    if (typeof read === 'string' && DATE_TIME.test(sent)) {
      if (sameInstant(sent, read)) return undefined;
      if (describesDay(readSchema)) {
        const day = DAY.test(read)
          ? read
          : /T00:00:00(\.0+)?(Z|[+-]00:?00)$/.test(read)
            ? read.slice(0, 10)
            : undefined;
        if (day && daysOf(sent).includes(day)) {
          walk.out.excuses.set(DATE_READ_AS_DAY, `${pointer}: sent ${sent}, read ${read}`);
          return undefined;
        }
      }
    }
    return changed('');
  }
  if (typeof sent === 'number' && typeof read === 'number') {
    return Math.abs(sent - read) <= 1e-9 * Math.max(1, Math.abs(sent)) ? undefined : changed('');
  }
  return sent === read ? undefined : changed('');
}

function compareValue(
  sent: unknown,
  read: unknown,
  sentSchema: SchemaObject | undefined,
  readSchema: SchemaObject | undefined,
  pointer: string,
  walk: Walk,
): Mismatch[] {
  const why = walk.options.excused?.(pointer, sent, read);
  if (why) {
    walk.out.setAside.push(`${pointer}: ${why}`);
    return [];
  }
  if (isRecord(sent)) {
    if (!isRecord(read))
      return [
        { kind: 'changed-value', pointer, detail: `sent an object, read ${JSON.stringify(read)}` },
      ];
    return compareObject(sent, read, sentSchema, readSchema, pointer, walk);
  }
  if (Array.isArray(sent)) return compareList(sent, read, sentSchema, readSchema, pointer, walk);
  const one = compareScalar(sent, read, sentSchema, readSchema, pointer, walk);
  return one ? [one] : [];
}

function compareList(
  sent: unknown[],
  read: unknown,
  sentSchema: SchemaObject | undefined,
  readSchema: SchemaObject | undefined,
  pointer: string,
  walk: Walk,
): Mismatch[] {
  if (!Array.isArray(read)) {
    if (sent.length === 0 && (read === null || read === undefined)) {
      walk.out.excuses.set(
        EMPTY_READ_AS_ABSENT,
        `${pointer}: sent [], read ${JSON.stringify(read)}`,
      );
      return [];
    }
    return [
      { kind: 'changed-value', pointer, detail: `sent a list, read ${JSON.stringify(read)}` },
    ];
  }
  const tooFew = read.length < sent.length;
  const tooMany = read.length > sent.length && !walk.options.allowExtraItems;
  if (tooFew || tooMany) {
    return [
      { kind: 'list-length', pointer, detail: `sent ${sent.length} items, read ${read.length}` },
    ];
  }
  if (read.length > sent.length) {
    walk.out.excuses.set(
      PATCH_LISTS_REPLACE_OR_EXTEND,
      `${pointer}: sent ${sent.length} items, read ${read.length}`,
    );
  }
  const [sentItem, readItem] = [itemsOf(sentSchema), itemsOf(readSchema)];
  const out: Mismatch[] = [];
  const free = read.map((_, i) => i);
  sent.forEach((item, i) => {
    const at = `${pointer}/${i}`;
    const probe = (r: unknown): Mismatch[] =>
      compareValue(item, r, sentItem, readItem, at, {
        options: walk.options,
        out: emptyComparison(),
      });
    const match = free.findIndex((j) => probe(read[j]).length === 0);
    if (match < 0) {
      out.push(
        compareValue(item, read[i] ?? read[free[0]], sentItem, readItem, at, walk)[0] ?? {
          kind: 'changed-value',
          pointer: at,
          detail: 'no read item matches',
        },
      );
      return;
    }
    if (free[match] !== i)
      walk.out.excuses.set(LIST_ORDER, `${pointer}: item ${i} read at ${free[match]}`);
    // Walk the matched pair again for real, so its latitudes are recorded.
    compareValue(item, read[free[match]], sentItem, readItem, at, walk);
    free.splice(match, 1);
  });
  return out;
}

function compareObject(
  sent: Json,
  read: Json,
  sentSchema: SchemaObject | undefined,
  readSchema: SchemaObject | undefined,
  pointer: string,
  walk: Walk,
): Mismatch[] {
  const readProps = propertiesOf(readSchema);
  const out: Mismatch[] = [];
  for (const [key, value] of Object.entries(sent)) {
    if (value === undefined) continue;
    const at = `${pointer}/${key}`;
    const rk = readKey(readProps, key) ?? readKey(read, key);
    // The read documents no place for it (partnerId): a shape difference, not a lost value.
    if (rk === undefined) continue;
    const readValue = read[rk];
    const sentProp = propertiesOf(sentSchema)[key];
    if (readValue === undefined) {
      const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
      if (empty) {
        walk.out.excuses.set(
          EMPTY_READ_AS_ABSENT,
          `${at}: sent ${JSON.stringify(value)}, read absent`,
        );
        continue;
      }
      const why = walk.options.excused?.(at, value, undefined);
      if (why) {
        walk.out.setAside.push(`${at}: ${why}`);
        continue;
      }
      const unused = unusedBecause(key, sentProp, sent, sentSchema);
      if (unused) {
        walk.out.excuses.set(ONLY_USED_FOR, `${at}: ${unused}`);
        continue;
      }
      out.push({
        kind: 'lost-value',
        pointer: at,
        detail: `sent ${JSON.stringify(value)}, the read has no ${rk}`,
      });
      continue;
    }
    out.push(...compareValue(value, readValue, sentProp, readProps[rk], at, walk));
  }
  return out;
}

const emptyComparison = (): Comparison => ({ mismatches: [], excuses: new Map(), setAside: [] });

/**
 * Where each top-level part of a write body lives in a read: under the read's `data`, by the
 * same name or its singular, at that level or one level down (the GET schemas nest offerLines
 * and contacts inside leadOpportunity, beside which the create body sends them).
 */
function placeInRead(
  dataSchema: SchemaObject | undefined,
  data: Json,
  key: string,
): { schema?: SchemaObject; value: unknown; found: boolean } {
  const props = propertiesOf(dataSchema);
  const own = readKey(props, key);
  if (own) return { schema: props[own], value: data[own], found: true };
  for (const [name, child] of Object.entries(props)) {
    const nested = readKey(propertiesOf(child), key);
    if (nested) {
      const holder = isRecord(data[name]) ? (data[name] as Json) : {};
      return { schema: propertiesOf(child)[nested], value: holder[nested], found: true };
    }
  }
  return { value: undefined, found: false };
}

/** The read schema of the place a top-level part of a write body lives in (see placeInRead). */
export function schemaInRead(
  readSchema: JsonSchema | undefined,
  key: string,
): SchemaObject | undefined {
  return placeInRead(propertiesOf(readSchema).data, {}, key).schema;
}

/**
 * "What was sent is what is read": every value a client sent comes back from a read of the
 * same object, where the read's schema has a place for it. A value the read could carry but
 * does not is lost. The read may add fields (defaults, server data).
 */
export function compareSentToRead(
  sentBody: Json,
  readBody: unknown,
  writeSchema: JsonSchema | undefined,
  readSchema: JsonSchema | undefined,
  options: CompareOptions = {},
): Comparison {
  const out = emptyComparison();
  const walk: Walk = { options, out };
  const dataSchema = propertiesOf(readSchema).data;
  const data = isRecord(readBody) && isRecord(readBody.data) ? (readBody.data as Json) : {};
  for (const [key, value] of Object.entries(sentBody)) {
    if (value === undefined) continue;
    const place = placeInRead(dataSchema, data, key);
    if (!place.found) continue;
    const at = `/${key}`;
    if (place.value === undefined) {
      if (value === null || (Array.isArray(value) && value.length === 0)) {
        out.excuses.set(EMPTY_READ_AS_ABSENT, `${at}: sent ${JSON.stringify(value)}, read absent`);
        continue;
      }
      out.mismatches.push({
        kind: 'lost-value',
        pointer: at,
        detail: `sent ${key}, the read has none`,
      });
      continue;
    }
    out.mismatches.push(
      ...compareValue(value, place.value, propertiesOf(writeSchema)[key], place.schema, at, walk),
    );
  }
  return out;
}
