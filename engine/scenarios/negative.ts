import { documentedRejection } from '../../checks/documented-rejection';
import { skip } from '../../checks/types';
import { roleOf } from '../../model';
import { exchangeFor, judge, writesRefused, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { anyCreated, withPathId } from '../resources';
import { coverageSamples, httpRequestOf, invalidSamples } from '../samples';

/**
 * Generated invalid requests, each breaking one labelled rule, get the documented rejection:
 * never 2xx, never 5xx, the documented status and error code.
 */
export async function negativeScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  const role = roleOf(op);
  if (writesRefused(ctx, CHECKS.negative)) return;
  // Updates are sent to an object that exists, so the only thing wrong is the labelled rule.
  const target = role === 'update' ? await anyCreated(ctx, CHECKS.negative, op.version) : undefined;
  if (role === 'update' && !target) {
    judge(ctx, CHECKS.negative, skip('no object of this run to update'));
    return;
  }
  for (const sample of [
    ...coverageSamples(ctx),
    ...invalidSamples(session, op, session.config.runs),
  ]) {
    let request = httpRequestOf(op, sample);
    if (target) request = withPathId(op, request, target.dsLeadOpportunityId);
    const exchange = await exchangeFor(ctx, CHECKS.negative, request);
    if (!exchange) continue;
    const verdict = documentedRejection({ spec: session.spec, op, exchange }, sample.expected);
    judge(
      ctx,
      CHECKS.negative,
      verdict.kind === 'fail'
        ? { kind: 'fail', reason: `${sample.reason} at ${sample.pointer}: ${verdict.reason}` }
        : verdict,
      exchange,
    );
  }
}
