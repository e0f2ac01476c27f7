import { documentedRejection } from '../../checks/documented-rejection';
import { fail, pass, skip } from '../../checks/types';
import { documentedOutcome, roleOf } from '../../model';
import { exchangeFor, judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { freshObject, requestWithId } from '../resources';
import { httpRequestOf } from '../samples';

/**
 * Objects belong to the key that created them: another key reading one gets the documented
 * 500 ERROR_048 ("Leverage Id not in scope of requestor"), and a search finds only the
 * caller's objects. Needs a second key (the mock has one; remote: API4PARTNERS_SECOND_API_KEY).
 */
export async function keyIsolationScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  const other = session.otherApiKey;
  if (!other)
    return judge(
      ctx,
      CHECKS.keyIsolation,
      skip('needs a second API key (API4PARTNERS_SECOND_API_KEY)'),
    );
  if (!session.writesAllowed)
    return judge(
      ctx,
      CHECKS.keyIsolation,
      skip('needs an object created by the run: no writes on production'),
    );
  const record = await freshObject(ctx, CHECKS.keyIsolation, op.version);
  if (!record) return judge(ctx, CHECKS.keyIsolation, skip('no object of this run'));
  if (roleOf(op) === 'read') {
    const exchange = await exchangeFor(
      ctx,
      CHECKS.keyIsolation,
      requestWithId(op, record.dsLeadOpportunityId),
      { apiKey: other },
    );
    if (!exchange) return;
    const verdict = documentedRejection(
      { spec: session.spec, op, exchange },
      documentedOutcome(op, 'unknown-id', '/path/id'),
    );
    return judge(
      ctx,
      CHECKS.keyIsolation,
      verdict.kind === 'fail'
        ? fail(`another key read ${record.dsLeadOpportunityId}: ${verdict.reason}`)
        : verdict,
      exchange,
    );
  }
  if (!record.partnerLeadOpportunityId)
    return judge(ctx, CHECKS.keyIsolation, skip('the object has no partner id to search for'));
  const body = { data: [{ partnerLeadOpportunityId: [record.partnerLeadOpportunityId] }] };
  const exchange = await exchangeFor(
    ctx,
    CHECKS.keyIsolation,
    httpRequestOf(op, { operationId: op.operationId, pathParams: {}, query: {}, body }),
    { apiKey: other },
  );
  if (!exchange) return;
  const leaked = JSON.stringify(exchange.response.body ?? null).includes(
    `"${record.dsLeadOpportunityId}"`,
  );
  judge(
    ctx,
    CHECKS.keyIsolation,
    leaked ? fail(`another key's search found ${record.dsLeadOpportunityId}`) : pass(),
    exchange,
  );
}
