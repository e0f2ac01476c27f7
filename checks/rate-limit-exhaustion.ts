import { roleOf, type AnsweredExchange, type HttpRequest, type OperationModel } from '../model';
import { readingOf } from './rate-limit-headers';
import {
  fail,
  inconclusive,
  pass,
  skip,
  type CheckContext,
  type QuotaWindow,
  type ScenarioCheck,
} from './types';

/** Never more requests than this in one burst, whatever the target's quota says. */
export const MAX_BURST = 3000;
const CONCURRENCY = 32;
/** Longest wait for a window to reset before the recovery part is left out. */
const MAX_RECOVERY_WAIT_S = 60;
/** Answers later than this before the window's end may belong to the next window. */
const WINDOW_MARGIN_MS = 500;

interface Timed {
  exchange: AnsweredExchange;
  at: number;
}

const source =
  'responses/429: "The service cannot handle the request as too many have been received"; X-RateLimit-Remaining "Remaining quota in the current window"';

/** Up to `n` requests, `CONCURRENCY` at a time, no new one once a 429 came back. */
async function burst(window: QuotaWindow, request: HttpRequest, n: number): Promise<Timed[]> {
  const out: Timed[] = [];
  let sent = 0;
  let limited = false;
  const worker = async (): Promise<void> => {
    while (sent < n && !limited) {
      sent++;
      const exchange = await window.send(request);
      if (!exchange) continue;
      out.push({ exchange, at: Date.now() });
      if (exchange.response.status === 429) limited = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, n) }, worker));
  return out;
}

/** While the quota is spent, one request to every other operation: each must answer 429 too. */
async function touchOthers(ctx: CheckContext, window: QuotaWindow): Promise<void> {
  for (const op of ctx.operations) {
    if (op === ctx.op || !op.responses['429']) continue;
    await window.send(ctx.validRequest('quota-spent', op).request, op);
  }
}

async function probe(ctx: CheckContext, window: QuotaWindow): Promise<void> {
  const request = ctx.validRequest('exhaustion').request;
  let first = await window.send(request);
  if (first?.response.status === 429) {
    // Spent by someone else: wait for this window's end and start from a fresh one.
    const wait = readingOf(first)?.reset ?? 1;
    if (wait > MAX_RECOVERY_WAIT_S)
      return ctx.record(inconclusive(`the quota is already spent for ${wait} s`), [first]);
    await window.wait(wait * 1000 + WINDOW_MARGIN_MS);
    first = await window.send(request);
  }
  if (!first) return;
  const start = readingOf(first);
  if (!start)
    return ctx.record(inconclusive('no X-RateLimit-* headers to size the burst by'), [first]);
  if (start.remaining + 1 > MAX_BURST) {
    return ctx.record(
      inconclusive(
        `Remaining ${start.remaining}: more than the probe's bound of ${MAX_BURST} requests`,
      ),
      [first],
    );
  }
  const t0 = Date.now();
  const deadline = t0 + start.reset * 1000 - WINDOW_MARGIN_MS;
  const answers = await burst(window, request, start.remaining + 1);
  const inWindow = answers.filter((a) => a.at < deadline);
  const limited = inWindow.find((a) => a.exchange.response.status === 429);
  const seconds = ((Math.max(...answers.map((a) => a.at), t0) - t0) / 1000).toFixed(1);
  if (!limited) {
    if (answers.length === start.remaining + 1 && inWindow.length === answers.length) {
      return ctx.record(
        fail({
          kind: 'no-429',
          pointer: '/status',
          expected: '429 once Remaining requests have been served in the window',
          actual: `${answers.length} requests served in ${seconds} s after Remaining said ${start.remaining} with ${start.reset} s left`,
          source,
        }),
        [first, ...answers.slice(-2).map((a) => a.exchange)],
      );
    }
    return ctx.record(
      inconclusive(
        `the window may have turned during the burst: ${answers.length} answers in ${seconds} s of a ${start.reset} s window; the quota could not be spent inside one window`,
      ),
      [first],
    );
  }
  const served = inWindow.filter((a) => a.exchange.response.status !== 429);
  const lowest = Math.min(
    start.remaining,
    ...served.map((a) => readingOf(a.exchange)?.remaining ?? Infinity),
  );
  if (lowest > 1) {
    return ctx.record(
      fail({
        kind: '429-before-quota-spent',
        pointer: '/status',
        expected: '429 only once the quota is spent (Remaining reached 0)',
        actual: `429 after ${served.length} requests while the lowest Remaining seen was ${lowest}`,
        source,
      }),
      [first, limited.exchange],
    );
  }
  await touchOthers(ctx, window);
  const reset = readingOf(limited.exchange)?.reset ?? start.reset;
  if (reset > MAX_RECOVERY_WAIT_S)
    return ctx.record(pass(`429 at the quota; recovery not awaited (Reset ${reset} s)`), [
      limited.exchange,
    ]);
  await window.wait(reset * 1000 + WINDOW_MARGIN_MS);
  const after = await window.send(request);
  if (!after) return;
  ctx.record(
    after.response.status === 429
      ? fail({
          kind: 'still-limited',
          pointer: '/status',
          expected: `served again after X-RateLimit-Reset (${reset} s)`,
          actual: '429',
          source,
        })
      : pass(`429 after ${served.length} requests, served again after ${reset} s`),
    [limited.exchange, after],
  );
}

/**
 * The quota is enforced as the headers announce it: a burst of Remaining + 1 requests inside
 * one window ends in a 429 (not before the quota is spent), every other operation answers 429
 * while it is spent, and after Reset seconds requests are served again.
 */
export const rateLimitExhaustion: ScenarioCheck = {
  kind: 'scenario',
  name: 'rate_limit_exhaustion',
  asserts:
    'a concurrent burst of Remaining + 1 requests inside one window ends in 429, not before the quota is spent; served again after Reset (the mock: always; a remote target: only with --rate-limit-probe; never on production)',
  appliesTo: (op, all) => exhaustionOperation(all)?.operationId === op.operationId,
  last: true,
  async run(ctx) {
    if (!ctx.caps.rateLimitProbe)
      return ctx.record(
        skip('spends the quota of a remote target: opt in with --rate-limit-probe'),
      );
    const window = await ctx.quotaWindow();
    try {
      await probe(ctx, window);
    } finally {
      await window.close();
    }
  },
};

/**
 * The probe spends a whole quota window, so it runs once per run, on a read-only operation
 * (the first `list`, else the first `read`), never on a write.
 */
export function exhaustionOperation<
  T extends Pick<OperationModel, 'operationId' | 'method' | 'path' | 'responses'>,
>(all: T[]): T | undefined {
  const candidates = all.filter((o) => o.responses['429'] !== undefined);
  return (
    candidates.find((o) => roleOf(o as unknown as OperationModel) === 'list') ??
    candidates.find((o) => roleOf(o as unknown as OperationModel) === 'read')
  );
}
