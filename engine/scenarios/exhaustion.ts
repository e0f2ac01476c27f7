import { messageOf } from '../../checks/error-body';
import { readRateLimit } from '../../checks/rate-limit-headers';
import { fail, pass, skip } from '../../checks/types';
import type { HttpClient } from '../http/client';
import type { Exchange } from '../../model/exchange';
import { exchangeFor, judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { httpRequestOf, validSamples } from '../samples';

/** Against the mock, a small quota makes the probe quick. */
const MOCK_QUOTA = { limit: 8, windowSeconds: 1 };
/** Never more requests than this, whatever the target's limit says. */
const MAX_PROBE_REQUESTS = 1000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Requests until 429: it comes when Remaining reached 0, with the documented body and the
 * rate-limit headers; after Reset seconds the same request succeeds again.
 */
export async function exhaustionScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  if (!op.responses['429'])
    return judge(ctx, CHECKS.exhaustion, skip('no 429 documented for this operation'));
  if (session.target.isProduction)
    return judge(ctx, CHECKS.exhaustion, skip('never on production'));
  if (!session.control && !session.config.rateLimitProbe) {
    return judge(
      ctx,
      CHECKS.exhaustion,
      skip('spends the quota of a remote target: opt in with --rate-limit-probe'),
    );
  }
  let client: HttpClient | undefined;
  let close = async (): Promise<void> => undefined;
  if (session.control)
    ({ client, close } = await session.control.withQuota(
      MOCK_QUOTA.limit,
      MOCK_QUOTA.windowSeconds,
    ));
  try {
    await probe(ctx, client);
  } finally {
    await close();
  }
}

async function probe(ctx: ScenarioContext, client: HttpClient | undefined): Promise<void> {
  const { op, session } = ctx;
  const request = httpRequestOf(op, validSamples(session, op, 1, 'exhaustion')[0]);
  let last: Exchange | undefined;
  let limitSeen: number | undefined;
  let remainingBefore429: number | undefined;
  for (let i = 0; i < MAX_PROBE_REQUESTS; i++) {
    const exchange = await exchangeFor(ctx, CHECKS.exhaustion, request, {
      expectRateLimit: true,
      client,
    });
    if (!exchange) return;
    const reading = readRateLimit(exchange.response.headers);
    limitSeen ??= reading?.limit;
    if (exchange.response.status === 429) {
      last = exchange;
      break;
    }
    remainingBefore429 = reading?.remaining;
    if (limitSeen !== undefined && i > limitSeen + 5) break;
  }
  if (!last) {
    return judge(
      ctx,
      CHECKS.exhaustion,
      fail(
        `no 429 after ${limitSeen !== undefined ? `X-RateLimit-Limit ${limitSeen} + 5` : MAX_PROBE_REQUESTS} requests`,
      ),
    );
  }
  const problems: string[] = [];
  if (remainingBefore429 !== undefined && remainingBefore429 !== 0)
    problems.push(`429 came while the previous response said Remaining ${remainingBefore429}`);
  if (!messageOf(last.response.body)) problems.push('429 body has no "message"');
  const doc = op.responses['429'];
  if (doc?.json && !doc.json.validate(last.response.body))
    problems.push('429 body breaks its schema');
  const reading = readRateLimit(last.response.headers);
  if (!reading) problems.push('429 without X-RateLimit-* headers');
  if (problems.length) return judge(ctx, CHECKS.exhaustion, fail(problems.join('; ')), last);
  // Recovery: wait for the documented Reset, then the same request is served again.
  await sleep(((reading?.reset ?? 1) + 0.5) * 1000);
  const after = await exchangeFor(ctx, CHECKS.exhaustion, request, {
    expectRateLimit: true,
    client,
  });
  if (!after) return;
  judge(
    ctx,
    CHECKS.exhaustion,
    after.response.status === 429
      ? fail(`still 429 after waiting X-RateLimit-Reset (${reading?.reset} s)`)
      : pass(`429 at the quota, served again after ${reading?.reset} s`),
    after,
  );
}
