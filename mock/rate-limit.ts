import type { HeaderModel } from '../model';

export interface RateLimitConfig {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the current window ends. */
  resetSeconds: number;
}

export interface RateLimiter {
  hit(key: string, nowMs: number): RateLimitState;
  reset(): void;
}

/** Fixed window per key, opened by the key's first request. */
export function createRateLimiter(config: RateLimitConfig): RateLimiter {
  const windowMs = config.windowSeconds * 1000;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, nowMs) {
      let w = windows.get(key);
      if (!w || nowMs >= w.start + windowMs || nowMs < w.start) {
        w = { start: nowMs, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return {
        allowed: w.count <= config.limit,
        limit: config.limit,
        remaining: Math.max(0, config.limit - w.count),
        resetSeconds: Math.max(0, Math.ceil((w.start + windowMs - nowMs) / 1000)),
      };
    },
    reset() {
      windows.clear();
    },
  };
}

/** Which of the three quota values a declared header carries, read from its name. */
function quotaValueOf(header: HeaderModel, state: RateLimitState): number | undefined {
  if (/limit$/i.test(header.name)) return state.limit;
  if (/remaining$/i.test(header.name)) return state.remaining;
  if (/reset$/i.test(header.name)) return state.resetSeconds;
  return undefined;
}

/** The rate-limit headers the documented response declares, with this request's values. */
export function rateLimitHeaders(
  declared: HeaderModel[],
  state: RateLimitState,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of declared) {
    const value = quotaValueOf(header, state);
    if (value !== undefined) out[header.name] = String(value);
  }
  return out;
}
