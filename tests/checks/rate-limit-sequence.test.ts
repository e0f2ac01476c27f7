import { rateLimitSequence } from '../../checks/rate-limit-headers';
import type { Exchange } from '../../model/exchange';

const ex = (limit: number, remaining: number, reset: number): Exchange => ({
  startedAt: '2026-01-01T00:00:00Z',
  request: { method: 'GET', path: '/x', headers: {} },
  response: {
    status: 200,
    headers: {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
    },
    text: '',
    durationMs: 1,
  },
});

describe('rate_limit_remaining_decreases', () => {
  it('passes when Remaining goes down inside a window', () => {
    expect(rateLimitSequence([ex(100, 99, 60), ex(100, 98, 59), ex(100, 95, 59)]).kind).toBe(
      'pass',
    );
  });

  it('fails when Remaining stays put', () => {
    const v = rateLimitSequence([ex(100, 100, 60), ex(100, 100, 59)]);
    expect(v).toMatchObject({ kind: 'fail' });
    expect(v.kind === 'fail' && v.reason).toMatch(/did not decrease/);
  });

  it('accepts a new window (Remaining back up, Reset jumps up)', () => {
    expect(
      rateLimitSequence([ex(100, 2, 1), ex(100, 1, 1), ex(100, 99, 60), ex(100, 98, 59)]).kind,
    ).toBe('pass');
  });

  it('fails when Limit changes between requests', () => {
    expect(rateLimitSequence([ex(100, 99, 60), ex(50, 49, 59)])).toMatchObject({ kind: 'fail' });
  });

  it('cannot conclude from fewer than two readings', () => {
    expect(rateLimitSequence([ex(100, 99, 60)]).kind).toBe('skip');
  });
});
