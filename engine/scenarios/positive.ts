import { positiveAcceptance } from '../../checks/positive-acceptance';
import { skip } from '../../checks/types';
import { roleOf } from '../../model';
import { exchangeFor, judge, writesRefused, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { anyCreated, createObject, withPathId } from '../resources';
import { httpRequestOf, validSamples, type RequestSample } from '../samples';
import type { Exchange } from '../../model/exchange';

/** Generated valid requests get the documented success status. */
export async function positiveScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  const role = roleOf(op);
  if (writesRefused(ctx, CHECKS.positive)) return;
  const samples = validSamples(session, op, session.config.runs);
  for (const sample of samples) {
    const exchange = await sendValid(ctx, role, sample);
    if (exchange === 'no-target') {
      return judge(ctx, CHECKS.positive, skip('no object of this run to read or update'));
    }
    if (exchange) {
      judge(
        ctx,
        CHECKS.positive,
        positiveAcceptance({ spec: session.spec, op, exchange }),
        exchange,
      );
    }
  }
}

/** A create goes through createObject (so the object is remembered); reads and updates need an id. */
async function sendValid(
  ctx: ScenarioContext,
  role: ReturnType<typeof roleOf>,
  sample: RequestSample,
): Promise<Exchange | undefined | 'no-target'> {
  const { op } = ctx;
  if (role === 'create') {
    const body = sample.body as Record<string, unknown>;
    return (await createObject(ctx, op, CHECKS.positive, body, 'positive')).exchange;
  }
  let request = httpRequestOf(op, sample);
  if (role === 'read' || role === 'update') {
    const target = await anyCreated(ctx, CHECKS.positive, op.version);
    if (!target) return 'no-target';
    request = withPathId(op, request, target.dsLeadOpportunityId);
  }
  return exchangeFor(ctx, CHECKS.positive, request);
}
