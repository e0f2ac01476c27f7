import { missingKeyRejected, unknownKeyRejected } from '../../checks/auth';
import { roleOf } from '../../model';
import { exchangeFor, judge, writesRefused, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { requestWithId } from '../resources';
import { httpRequestOf, validSamples } from '../samples';

/** No key gives 401, an unknown key 403, each with a `message`: as the spec documents. */
export async function authScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  if (writesRefused(ctx, CHECKS.authMissingKey, CHECKS.authUnknownKey)) return;
  // A request that would succeed with the key, so only the key decides the answer.
  const request =
    roleOf(op) === 'read' || roleOf(op) === 'update'
      ? requestWithId(op, 'AUTH-PROBE-0000', validSamples(session, op, 1, 'auth')[0]?.body)
      : httpRequestOf(op, validSamples(session, op, 1, 'auth')[0]);
  const cases = [
    { check: CHECKS.authMissingKey, apiKey: null, judgeWith: missingKeyRejected },
    {
      check: CHECKS.authUnknownKey,
      apiKey: `conformance-unknown-key-${session.config.runId}`,
      judgeWith: unknownKeyRejected,
    },
  ];
  for (const { check, apiKey, judgeWith } of cases) {
    const exchange = await exchangeFor(ctx, check, request, { apiKey });
    if (exchange) judge(ctx, check, judgeWith({ spec: session.spec, op, exchange }), exchange);
  }
}
