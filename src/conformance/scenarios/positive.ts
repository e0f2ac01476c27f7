import { positiveAcceptance } from '../../checks/positive-acceptance';
import { skip } from '../../checks/types';
import { roleOf } from '../../model';
import { exchangeFor, judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { anyCreated, createObject, withPathId } from '../resources';
import { httpRequestOf, validSamples } from '../samples';

/** Generated valid requests get the documented success status. */
export async function positiveScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  const role = roleOf(op);
  if ((role === 'create' || role === 'update') && !session.writesAllowed) {
    judge(ctx, CHECKS.positive, skip('write operation: not sent to production'));
    return;
  }
  const samples = validSamples(session, op, session.config.runs);
  for (const sample of samples) {
    if (role === 'create') {
      const { exchange } = await createObject(
        ctx,
        op,
        CHECKS.positive,
        sample.body as Record<string, unknown>,
        'positive',
      );
      if (exchange)
        judge(
          ctx,
          CHECKS.positive,
          positiveAcceptance({ spec: session.spec, op, exchange }),
          exchange,
        );
      continue;
    }
    let request = httpRequestOf(op, sample);
    if (role === 'read' || role === 'update') {
      const target = await anyCreated(ctx, CHECKS.positive, op.version);
      if (!target) {
        judge(ctx, CHECKS.positive, skip('no object of this run to read or update'));
        return;
      }
      request = withPathId(op, request, target.dsLeadOpportunityId);
    }
    const exchange = await exchangeFor(ctx, CHECKS.positive, request);
    if (exchange)
      judge(
        ctx,
        CHECKS.positive,
        positiveAcceptance({ spec: session.spec, op, exchange }),
        exchange,
      );
  }
}
