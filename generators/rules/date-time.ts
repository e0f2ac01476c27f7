import { matchesFormat } from '../schema';

/** Whether a date-time string is written in UTC (`Z`, or an explicit zero offset). */
export function isUtc(value: string): boolean {
  return /(?:[Zz]|\+00:00)$/.test(value);
}

/** Milliseconds since the epoch of a valid date-time string, or undefined. */
export function instantOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !matchesFormat('date-time', value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export const hasMillis = (value: string): boolean => /T\d{2}:\d{2}:\d{2}\.\d+/.test(value);

/** The instant written as UTC, keeping the millisecond style of `like`. */
export function formatLike(ms: number, like: string): string {
  const iso = new Date(ms).toISOString();
  return hasMillis(like) ? iso : `${iso.slice(0, 19)}Z`;
}

/** The same instant written in local time at `offsetMinutes` from UTC: `2025-08-04T10:00:00+02:00`. */
export function withOffset(ms: number, offsetMinutes: number, like: string): string {
  const local = formatLike(ms + offsetMinutes * 60_000, like).slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}
