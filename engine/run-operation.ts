import type { OperationModel } from '../model';
import { CheckBook } from './check-book';
import { newRunState, type RunState, type ScenarioContext } from './context';
import { CHECKS, plannedChecks } from './plan';
import { authScenario } from './scenarios/auth';
import { defaultsScenario } from './scenarios/defaults';
import { deprecationScenario, rateLimitSequenceScenario } from './scenarios/deprecation';
import { errorCodesScenario } from './scenarios/error-codes';
import { exhaustionScenario } from './scenarios/exhaustion';
import { keyIsolationScenario } from './scenarios/key-isolation';
import { maintenanceScenario } from './scenarios/maintenance';
import { negativeScenario } from './scenarios/negative';
import { pagingScenario } from './scenarios/paging';
import { positiveScenario } from './scenarios/positive';
import { roundTripScenario } from './scenarios/round-trip';
import { versionsScenario } from './scenarios/versions';
import type { Session } from './session';

type Scenario = (ctx: ScenarioContext) => Promise<void> | void;

/**
 * The order checks run in for one operation: requests that create state first, then those
 * that read it, then the ones that judge everything the operation answered. The exhaustion
 * probe is not here: it spends a quota window, so the run does it once, last.
 */
const SCENARIOS: Array<[string, Scenario]> = [
  [CHECKS.positive, positiveScenario],
  [CHECKS.negative, negativeScenario],
  [CHECKS.errorCodes, errorCodesScenario],
  [CHECKS.roundTrip, roundTripScenario],
  [CHECKS.keyIsolation, keyIsolationScenario],
  [CHECKS.defaults, defaultsScenario],
  [CHECKS.paging, pagingScenario],
  [CHECKS.versions, versionsScenario],
  [CHECKS.authMissingKey, authScenario],
  [CHECKS.maintenance, maintenanceScenario],
  [CHECKS.deprecation, deprecationScenario],
  [CHECKS.rateLimitDecreasing, rateLimitSequenceScenario],
];

export interface Run {
  session: Session;
  book: CheckBook;
  state: RunState;
  operations: OperationModel[];
}

export function newRun(session: Session, operations: OperationModel[]): Run {
  return { session, book: new CheckBook(), state: newRunState(), operations };
}

function contextFor(run: Run, op: OperationModel): ScenarioContext {
  return { session: run.session, book: run.book, state: run.state, op, operations: run.operations };
}

/** Every planned check of one operation, except the exhaustion probe. */
export async function runOperation(run: Run, op: OperationModel): Promise<void> {
  const planned = plannedChecks(op, run.operations).filter((c) => c !== CHECKS.exhaustion);
  for (const check of planned) run.book.declare(op.operationId, check);
  const ctx = contextFor(run, op);
  for (const [check, scenario] of SCENARIOS) {
    if (planned.includes(check)) await scenario(ctx);
  }
}

export async function runExhaustion(run: Run, op: OperationModel): Promise<void> {
  run.book.declare(op.operationId, CHECKS.exhaustion);
  await exhaustionScenario(contextFor(run, op));
}

/** A whole run outside jest (the fault matrix, benchmarks): every operation, then the probe. */
export async function runAll(run: Run, selected: OperationModel[] = run.operations): Promise<void> {
  for (const op of selected) await runOperation(run, op);
  const probe = selected.find((op) =>
    plannedChecks(op, run.operations).includes(CHECKS.exhaustion),
  );
  if (probe) await runExhaustion(run, probe);
}
