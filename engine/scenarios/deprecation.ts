import { deprecationHeaders } from '../../checks/deprecation-headers';
import { rateLimitSequence } from '../../checks/rate-limit-headers';
import { skip } from '../../checks/types';
import { judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';

/** Deprecation headers, judged on every exchange of the operation the run made. */
export function deprecationScenario(ctx: ScenarioContext): void {
  const own = ctx.state.ownExchanges.get(ctx.op.operationId) ?? [];
  if (own.length === 0) return judge(ctx, CHECKS.deprecation, skip('no exchange to look at'));
  for (const exchange of own) {
    const verdict = deprecationHeaders({ spec: ctx.session.spec, op: ctx.op, exchange });
    if (verdict.kind === 'skip')
      ctx.book.observe(ctx.op.operationId, CHECKS.deprecation, verdict.reason);
    judge(ctx, CHECKS.deprecation, verdict, exchange);
  }
}

/** Remaining goes down across this operation's consecutive requests within a window. */
export function rateLimitSequenceScenario(ctx: ScenarioContext): void {
  judge(
    ctx,
    CHECKS.rateLimitDecreasing,
    rateLimitSequence(ctx.state.ownExchanges.get(ctx.op.operationId) ?? []),
  );
}
