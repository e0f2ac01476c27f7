import { isDeepStrictEqual } from 'node:util';
import {
  codePointLength,
  jsonTypeOf,
  typeAllows,
  type JsonType,
  type SchemaObject,
} from '../schema';

/** Misspellings of each format that people and systems really send, beside plain nonsense. */
const BAD_FORMATS: Record<string, string[]> = {
  'date-time': [
    'next tuesday',
    '2025-13-45',
    '2025-13-45T10:00:00Z',
    '2025-02-30T12:00:00Z',
    '2025-06-01T25:61:00Z',
    '2025-06-01',
    '01/06/2025 10:00',
    '2025-06-01 10:00:00',
    '2025-06-01T10:00:00',
  ],
  date: [
    '2025-13-45',
    'next tuesday',
    '2025-02-30',
    '06/01/2025',
    '2025-6-1',
    '20250601',
    '2025-06-01T10:00:00Z',
  ],
  time: ['25:00:00Z', 'noon', '10:00'],
  email: ['john.doe', 'john.doe@', '@3ds.com', 'john doe@3ds.com', 'john.doe@@3ds.com'],
  uri: ['not a uri', '//missing-scheme', 'http//3ds.com'],
  uuid: ['1234', 'not-a-uuid', '6f9619ff-8b86-d011-b42d-00cf4fc964f'],
};

/** Forms of the current valid date-time that lose what makes it one: its zone, its time. */
export function derivedFormatCandidates(format: string, value: unknown): string[] {
  if (format !== 'date-time' || typeof value !== 'string') return [];
  return [value.replace(/(Z|[+-]\d{2}:\d{2})$/i, ''), value.slice(0, 10)];
}

export function formatCandidates(format: string): string[] {
  return BAD_FORMATS[format] ?? [];
}

export function patternCandidates(value: unknown): string[] {
  const fromValue =
    typeof value === 'string' && value !== ''
      ? [value.toLowerCase(), value.toUpperCase(), `${value}!`, ` ${value}`, value.slice(1)]
      : [];
  return [...fromValue, 'eur', 'Eur', 'E1R', '12!', '', ' ', 'invalid value', '€'];
}

/** A few near misses of a couple of members (a case slip, a stray space), and plain nonsense. */
export function enumCandidates(members: unknown[]): unknown[] {
  const strings = members
    .filter((m): m is string => typeof m === 'string')
    .filter((_, i, all) => i === 0 || i === all.length - 1);
  const numbers = members.filter((m): m is number => typeof m === 'number');
  const out: unknown[] = [
    ...strings.flatMap((m) => [m.toLowerCase(), `${m} `, m.replace(/_/g, ' '), `${m}_X`]),
    'NOT_A_DOCUMENTED_VALUE',
  ];
  if (numbers.length > 0) out.push(Math.max(...numbers) + 1, Math.min(...numbers) - 1);
  return out.filter((c) => !members.some((m) => isDeepStrictEqual(m, c)));
}

/** Wrong-typed values, most realistic first (a number sent as a string, a string sent as a number). */
export function typeCandidates(types: JsonType[], value: unknown): unknown[] {
  const out: unknown[] = [];
  if (typeof value === 'number') out.push(String(value));
  if (typeof value === 'string' && value !== '') out.push(42);
  out.push(1.5, 42, 'text', true, null, ['text'], { value: 'text' });
  return out.filter((c) => !typeAllows(types, jsonTypeOf(c)));
}

export function lengthCandidates(
  schema: SchemaObject,
  value: unknown,
  keyword: 'minLength' | 'maxLength',
): string[] {
  const text = typeof value === 'string' ? value : '';
  if (keyword === 'minLength') {
    const min = schema.minLength as number;
    if (min < 1) return [];
    return [[...text].slice(0, min - 1).join(''), 'x'.repeat(min - 1)];
  }
  const max = schema.maxLength as number;
  const pad = Math.max(0, max + 1 - codePointLength(text));
  return [text + 'x'.repeat(pad), 'x'.repeat(max + 1)];
}

export function boundCandidates(schema: SchemaObject, keyword: string): number[] {
  const bound = schema[keyword] as number;
  const below = keyword === 'minimum' || keyword === 'exclusiveMinimum';
  const sign = below ? -1 : 1;
  const exclusive = keyword.startsWith('exclusive');
  // top=0, top=-5 for a minimum of 1: the values partners actually get wrong.
  return [
    ...(exclusive ? [bound] : []),
    bound + sign,
    bound + sign * 6,
    bound + sign * 1000,
    bound + sign * 0.01,
  ];
}
