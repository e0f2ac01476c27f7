import fc from 'fast-check';
import { child, SEARCH_MAX_WINDOW_MS } from '../../model';
import { instant, utcDateTime } from '../realistic/dates';
import type { SchemaObject, SchemaSite } from '../schema';
import type { ValueMutation } from '../types';
import { formatLike, instantOf } from './date-time';
import type { DescriptionRule, RuleFinding } from './types';

const FROM = 'fromDate';
const TO = 'toDate';
const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

const source =
  'modifiedDate description: window at most 1 week / 7 days; both bounds needed; fromDate anterior to toDate';

function isDateTimeProperty(schema: SchemaObject, name: string): boolean {
  const properties = schema.properties as Record<string, unknown> | undefined;
  const p = properties?.[name];
  return typeof p === 'object' && p !== null && (p as SchemaObject).format === 'date-time';
}

/** An object holding a date-time `fromDate` and `toDate`: a search window. */
function isWindow(schema: SchemaObject): boolean {
  return isDateTimeProperty(schema, FROM) && isDateTimeProperty(schema, TO);
}

function without(schema: SchemaObject, names: string[]): SchemaObject {
  const properties = { ...(schema.properties as Record<string, unknown>) };
  for (const n of names) delete properties[n];
  const required = Array.isArray(schema.required)
    ? (schema.required as string[]).filter((r) => !names.includes(r))
    : [];
  return { ...schema, properties, required };
}

/** From strictly before to, at most 7 days apart (exactly 7 days included), both in UTC. */
const validWindow: fc.Arbitrary<{ fromDate: string; toDate: string }> = fc
  .tuple(
    instant,
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: SECOND, max: SEARCH_MAX_WINDOW_MS }) },
      { weight: 1, arbitrary: fc.constantFrom(SECOND, DAY, SEARCH_MAX_WINDOW_MS) },
    ),
  )
  .map(([from, windowMs]) => {
    // With or without milliseconds, decided by the instant itself (one arbitrary fewer per window).
    const withMillis = from.getTime() % 2 === 0;
    // Without milliseconds both bounds are whole seconds, so the window cannot collapse to zero.
    const start = withMillis ? from.getTime() : Math.floor(from.getTime() / SECOND) * SECOND;
    const width = withMillis ? windowMs : Math.max(SECOND, Math.floor(windowMs / SECOND) * SECOND);
    return {
      fromDate: utcDateTime(new Date(start), withMillis),
      toDate: utcDateTime(new Date(start + width), withMillis),
    };
  });

function checkWindow(value: unknown, at: string): RuleFinding[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const v = value as Record<string, unknown>;
  const missing = [FROM, TO].filter((k) => !(k in v));
  if (missing.length > 0) {
    return missing.map((k) => ({
      kind: 'search-missing-bound' as const,
      pointer: child(at, k),
      message: `search window without ${k}: both bounds are needed`,
    }));
  }
  const from = instantOf(v[FROM]);
  const to = instantOf(v[TO]);
  // Bounds that are not date-times are the schema's business, not this rule's.
  if (from === undefined || to === undefined) return [];
  if (!(from < to)) {
    return [
      {
        kind: 'search-from-not-before-to',
        pointer: at,
        message: `fromDate ${v[FROM]} is not before toDate ${v[TO]}`,
      },
    ];
  }
  if (to - from > SEARCH_MAX_WINDOW_MS) {
    const days = ((to - from) / DAY).toFixed(2);
    return [
      {
        kind: 'search-window-too-long',
        pointer: at,
        message: `search window of ${days} days exceeds 7 days`,
      },
    ];
  }
  return [];
}

function windowMutations(value: unknown, at: string): ValueMutation[] {
  const v = value as Record<string, string>;
  const from = instantOf(v?.[FROM]);
  if (from === undefined || typeof v[TO] !== 'string') return [];
  const withTo = (ms: number) => ({ ...v, [TO]: formatLike(ms, v[TO]) });
  return [
    {
      kind: 'search-window-too-long',
      pointer: at,
      // One second past the limit up to months: the boundary and the careless.
      value: fc
        .oneof(fc.constant(SECOND), fc.integer({ min: SECOND, max: 120 * DAY }))
        .map((extra) => withTo(from + SEARCH_MAX_WINDOW_MS + Math.ceil(extra / SECOND) * SECOND)),
      describe: (w) => `window ${JSON.stringify(w)} is longer than 7 days`,
    },
    {
      kind: 'search-from-not-before-to',
      pointer: at,
      value: fc
        .oneof(fc.constant(0), fc.integer({ min: 1, max: 30 * DAY }))
        .map((back) => withTo(from - Math.ceil(back / SECOND) * SECOND)),
      describe: (w) => `fromDate is not before toDate in ${JSON.stringify(w)}`,
    },
  ];
}

export const searchWindowRule: DescriptionRule = {
  name: 'search-window',
  source,
  appliesAt: (site: SchemaSite) => isWindow(site.schema),
  arbitrary: (site, next) => {
    const rest = without(site.schema, [FROM, TO]);
    const hasOthers = Object.keys(rest.properties as object).length > 0;
    const others = hasOthers ? next(rest) : fc.constant({});
    return fc.tuple(others, validWindow).map(([o, w]) => ({ ...(o as object), ...w }));
  },
  check: checkWindow,
  mutations: windowMutations,
  relabel: (keyword, relative) =>
    keyword === 'required' && relative.length === 1 && (relative[0] === FROM || relative[0] === TO)
      ? 'search-missing-bound'
      : undefined,
};
