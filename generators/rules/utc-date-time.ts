import fc from 'fast-check';
import { typesOf, type SchemaSite } from '../schema';
import { instantOf, isUtc, withOffset } from './date-time';
import type { DescriptionRule } from './types';

const source =
  'date-time description: "All date-time values must be provided in Coordinated Universal Time (UTC)"';

/** Real offsets, including the half-hour ones that break naive parsing. */
const OFFSETS_MINUTES = [120, 60, -300, -240, 330, 540, -210, 345];

/** A date-time whose description asks for UTC. Our date-times are always UTC; only these are judged. */
function asksForUtc(site: SchemaSite): boolean {
  const s = site.schema;
  return (
    s.format === 'date-time' &&
    (typesOf(s) ?? []).includes('string') &&
    typeof s.description === 'string' &&
    /\bUTC\b/.test(s.description)
  );
}

export const utcDateTimeRule: DescriptionRule = {
  name: 'utc-date-time',
  source,
  appliesAt: asksForUtc,
  check: (value, at) =>
    typeof value === 'string' && instantOf(value) !== undefined && !isUtc(value)
      ? [{ kind: 'date-time-not-utc', pointer: at, message: `${value} is not in UTC` }]
      : [],
  mutations: (value, at) => {
    const ms = instantOf(value);
    if (ms === undefined) return [];
    return [
      {
        kind: 'date-time-not-utc',
        pointer: at,
        // The same instant, written in local time: only the way of writing it is wrong.
        value: fc.constantFrom(...OFFSETS_MINUTES).map((m) => withOffset(ms, m, value as string)),
        describe: (v) => `${JSON.stringify(v)} is not in UTC`,
      },
    ];
  },
};
