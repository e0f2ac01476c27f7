import { maintenanceShape } from '../../checks/maintenance';
import { fail, skip } from '../../checks/types';
import { roleOf } from '../../model';
import { exchangeFor, judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { requestWithId } from '../resources';
import { httpRequestOf, validSamples } from '../samples';

/**
 * The documented 503 ERR899. Against the mock its maintenance switch is turned on for one
 * request; against a remote target every 503 the run met is validated.
 */
export async function maintenanceScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  if (!op.responses['503'])
    return judge(ctx, CHECKS.maintenance, skip('no 503 documented for this operation'));
  const control = session.control;
  if (!control) {
    const seen = session.exchanges.filter(
      (e) => e.response.status === 503 && e.request.path.startsWith(op.path.split('{')[0]),
    );
    if (seen.length === 0)
      return judge(ctx, CHECKS.maintenance, skip('the target answered no 503 during the run'));
    for (const exchange of seen)
      judge(
        ctx,
        CHECKS.maintenance,
        maintenanceShape({ spec: session.spec, op, exchange }),
        exchange,
      );
    return;
  }
  const sample = validSamples(session, op, 1, 'maintenance')[0];
  const request = ['read', 'update'].includes(roleOf(op))
    ? requestWithId(op, 'MAINT-000000', sample.body)
    : httpRequestOf(op, sample);
  control.setMaintenance(true);
  try {
    const exchange = await exchangeFor(ctx, CHECKS.maintenance, request, { expect503: true });
    if (exchange && exchange.response.status !== 503) {
      judge(
        ctx,
        CHECKS.maintenance,
        fail(`maintenance switched on: answered ${exchange.response.status}, documented 503`),
        exchange,
      );
    } else if (exchange) {
      judge(
        ctx,
        CHECKS.maintenance,
        maintenanceShape({ spec: session.spec, op, exchange }),
        exchange,
      );
    }
  } finally {
    control.setMaintenance(false);
  }
}
