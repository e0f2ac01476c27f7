import type { Exchange } from '../model/exchange';
import type { HeaderModel } from '../model';
import { ajvErrorsText, documentedResponse, headerValue } from './response-doc';
import { fail, pass, skip, type ResponseCheck, type Verdict } from './types';

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

/** The three values, when all are present and integers. */
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

/**
 * Every X-RateLimit-* header the spec declares for this status is present and valid against
 * its schema (non-negative integer), and Remaining never exceeds Limit.
 */
export const rateLimitHeaders: ResponseCheck = {
  name: 'rate_limit_headers',
  run({ op, exchange }) {
    const documented = documentedResponse(op, exchange.response.status);
    const declared = (documented?.headers ?? []).filter(isRateLimitHeader);
    if (declared.length === 0) {
      return skip(`no X-RateLimit-* header declared for ${exchange.response.status}`);
    }
    for (const header of declared) {
      const raw = headerValue(exchange.response.headers, header.name);
      if (raw === undefined) return fail(`${header.name} missing on ${exchange.response.status}`);
      const value = /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
      if (!header.validate(value)) {
        return fail(
          `${header.name}: ${JSON.stringify(raw)} ${ajvErrorsText(header.validate.errors)}`,
        );
      }
    }
    const reading = readRateLimit(exchange.response.headers);
    if (reading && reading.remaining > reading.limit) {
      return fail(
        `X-RateLimit-Remaining ${reading.remaining} is above X-RateLimit-Limit ${reading.limit}`,
      );
    }
    return pass();
  },
};

/**
 * Across consecutive responses inside one window, Limit stays the same and Remaining goes
 * down. A window boundary (Remaining back up while Reset jumps up) starts a new sequence.
 */
export function rateLimitSequence(exchanges: Exchange[]): Verdict {
  const readings = exchanges
    .map((e) => readRateLimit(e.response.headers))
    .filter((r): r is RateLimitReading => r !== undefined);
  if (readings.length < 2) return skip('fewer than two responses carried the rate-limit headers');
  let decreases = 0;
  for (let i = 1; i < readings.length; i++) {
    const [prev, cur] = [readings[i - 1], readings[i]];
    if (cur.limit !== prev.limit) {
      return fail(`X-RateLimit-Limit changed from ${prev.limit} to ${cur.limit} between requests`);
    }
    const newWindow = cur.remaining >= prev.remaining && cur.reset > prev.reset;
    if (newWindow) continue;
    if (cur.remaining >= prev.remaining && prev.remaining > 0) {
      return fail(
        `X-RateLimit-Remaining did not decrease: ${prev.remaining} then ${cur.remaining} (Reset ${prev.reset} then ${cur.reset})`,
      );
    }
    if (cur.remaining < prev.remaining) decreases++;
  }
  if (decreases === 0) return skip('no two consecutive responses in one window to compare');
  return pass(`Remaining decreased ${decreases} times over ${readings.length} responses`);
}
