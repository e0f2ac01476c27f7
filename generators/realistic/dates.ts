import fc from 'fast-check';

/** The window real partner traffic lives in, wide enough to cross leap days and year ends. */
export const DATE_RANGE = {
  min: new Date('2000-01-01T00:00:00.000Z'),
  max: new Date('2099-12-31T23:59:59.999Z'),
};

/** Dates people and CRMs actually send, and the boundaries where date code breaks. */
const EDGE_INSTANTS = [
  '2024-02-29T23:59:59.999Z',
  '2025-01-01T00:00:00.000Z',
  '2025-12-31T23:59:59.999Z',
  '2025-03-30T01:00:00.000Z', // EU daylight-saving switch: a classic source of off-by-one-hour bugs
  '2025-06-30T12:36:46.556Z',
].map((s) => new Date(s));

export const instant: fc.Arbitrary<Date> = fc.oneof(
  { weight: 6, arbitrary: fc.date({ ...DATE_RANGE, noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constantFrom(...EDGE_INSTANTS) },
);

/** ISO 8601 in UTC, `Z`-suffixed: the spec says all date-times are UTC. */
export function utcDateTime(date: Date, withMillis: boolean): string {
  const iso = date.toISOString();
  return withMillis ? iso : `${iso.slice(0, 19)}Z`;
}

/**
 * Half with milliseconds, half without; the choice rides on the instant's own last millisecond
 * digit rather than a second arbitrary, which keeps this (very common) leaf cheap.
 */
export const utcDateTimeString: fc.Arbitrary<string> = instant.map((date) =>
  utcDateTime(date, date.getTime() % 2 === 0),
);

export const dateString: fc.Arbitrary<string> = instant.map((d) => d.toISOString().slice(0, 10));

export const timeString: fc.Arbitrary<string> = fc
  .tuple(instant, fc.boolean())
  .map(([d, ms]) => utcDateTime(d, ms).slice(11));
