import type { AnsweredExchange } from '../model/exchange';
import type { HeaderModel } from '../model';
import { ajvErrorsText, documentedResponse, headerValue } from './response-doc';
import { fail, pass, skip, type ResponseCheck } from './types';

export const RATE_LIMIT_HEADERS = {
  limit: 'X-RateLimit-Limit',
  remaining: 'X-RateLimit-Remaining',
  reset: 'X-RateLimit-Reset',
} as const;

const isRateLimitHeader = (h: HeaderModel): boolean => /^x-ratelimit-/i.test(h.name);

export interface RateLimitReading {
  limit: number;
  remaining: number;
  reset: number;
}

/** The three values, when all are present once and integers. */
export function readRateLimit(headers: Record<string, string>): RateLimitReading | undefined {
  const read = (name: string): number | undefined => {
    const raw = headerValue(headers, name);
    return raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : undefined;
  };
  const limit = read(RATE_LIMIT_HEADERS.limit);
  const remaining = read(RATE_LIMIT_HEADERS.remaining);
  const reset = read(RATE_LIMIT_HEADERS.reset);
  if (limit === undefined || remaining === undefined || reset === undefined) return undefined;
  return { limit, remaining, reset };
}

/** The reading of an exchange's response, when it has one. */
export const readingOf = (exchange: AnsweredExchange): RateLimitReading | undefined =>
  readRateLimit(exchange.response.headers);

/**
 * Every X-RateLimit-* header the spec declares for this status is present, once, and valid
 * against its schema (a non-negative integer); Remaining never exceeds Limit.
 */
export const rateLimitHeaders: ResponseCheck = {
  kind: 'response',
  name: 'rate_limit_headers',
  asserts:
    'the X-RateLimit-Limit/Remaining/Reset headers declared for the status are present, once each, non-negative integers, Remaining ≤ Limit',
  judge(exchange, { op }) {
    const { status, headers, repeatedHeaders } = exchange.response;
    const documented = documentedResponse(op, status);
    const declared = (documented?.headers ?? []).filter(isRateLimitHeader);
    if (!documented || declared.length === 0) {
      return skip(`no X-RateLimit-* header declared for ${status}`);
    }
    for (const header of declared) {
      const pointer = `/headers/${header.name.toLowerCase()}`;
      const source = `${documented.pointer}/headers/${header.name}`;
      const raw = headerValue(headers, header.name);
      if (raw === undefined) {
        return fail({
          kind: 'missing-header',
          pointer,
          expected: `${header.name} on ${status}`,
          actual: 'absent',
          source,
        });
      }
      const repeated = repeatedHeaders?.[header.name.toLowerCase()];
      if (repeated) {
        return fail({
          kind: 'repeated-header',
          pointer,
          expected: `one ${header.name} field`,
          actual: `${repeated.length} fields: ${repeated.join(' | ')}`,
          source,
        });
      }
      const value = /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
      if (!header.validate(value)) {
        return fail({
          kind: 'invalid-header-value',
          pointer,
          expected: `${header.name} valid against ${header.schemaPointer}`,
          actual: `${JSON.stringify(raw)}: ${ajvErrorsText(header.validate.errors)}`,
          source: header.schemaPointer,
        });
      }
    }
    const reading = readRateLimit(headers);
    if (reading && reading.remaining > reading.limit) {
      return fail({
        kind: 'remaining-above-limit',
        pointer: '/headers/x-ratelimit-remaining',
        expected:
          'X-RateLimit-Remaining ≤ X-RateLimit-Limit ("Remaining quota" of the "Total allowed quota")',
        actual: `Remaining ${reading.remaining}, Limit ${reading.limit}`,
        source: `${documented.pointer}/headers`,
      });
    }
    return pass();
  },
};
