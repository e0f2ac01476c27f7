import { DEFAULT_MOCK_API_KEY } from '../mock';
import { Status, description, logStep } from 'allure-js-commons';
import { checkLabelsOf, labelCheck, parametersOfRun, recordExchange } from './allure';
import { curlFor } from '../engine/http/curl';
import { configFromEnv } from '../engine/config';
import { CHECKS, exhaustionOperation, plannedChecks, selectOperations } from '../engine/plan';
import { runExhaustion, runOperation, type Run } from '../engine/run-operation';
import { listOperations, type OperationSummary } from '../model';
import { openRun, writePart } from './harness';

/** Long enough for a remote target that makes the run wait for its rate-limit windows. */
const SUITE_TIMEOUT_MS = 30 * 60 * 1000;

function title(op: OperationSummary): string {
  return `${op.operationId} (${op.method.toUpperCase()} ${op.path}${op.deprecated ? ', deprecated' : ''})`;
}

async function markSkipped(reason: string): Promise<void> {
  await description(`Skipped: ${reason}`);
  await logStep(`skipped: ${reason}`, Status.SKIPPED);
}

async function report(run: Run, op: OperationSummary, check: string): Promise<void> {
  const config = run.session.config;
  const record = run.book.recordOf(op.operationId, check);
  await labelCheck(checkLabelsOf(op, check));
  await parametersOfRun({ target: config.target, seed: config.seed, runs: config.runs });
  for (const exchange of run.book.failingExchanges(op.operationId, check).slice(0, 3)) {
    await recordExchange(exchange, {
      keyHeader: run.session.keyHeader,
      baseUrl: run.session.target.info.baseUrl,
      secret: run.session.target.info.kind === 'mock' ? DEFAULT_MOCK_API_KEY : undefined,
    });
  }
  // jest cannot skip a test once it runs: Allure shows why the check was not verified, and
  // summary.json, junit.xml and the certification report count it as skipped.
  if (record.status === 'skipped') await markSkipped(record.message);
  if (record.status === 'failed') {
    const curl = record.request
      ? `\n  reproduce: ${curlFor(run.session.target.info.baseUrl ?? '', record.request, run.session.keyHeader)}`
      : '';
    throw new Error(
      `${op.operationId} > ${check} failed: ${record.message}${curl}\n  seed: ${config.seed} (replay with --seed ${config.seed})`,
    );
  }
}

/**
 * Per-operation suites, derived from the spec: every operation the model lists gets a
 * describe block and one test per planned check, so a new operation needs no new test code.
 * Operations are dealt round-robin over `parts` files so `jest --shard` can split a run.
 */
export function defineOperationSuites(part: number, parts: number): void {
  const config = configFromEnv();
  const all = listOperations(config.specPath);
  const mine = selectOperations(all, config.operations).filter((_, i) => i % parts === part - 1);
  if (mine.length === 0) {
    it.skip(`no operation in part ${part} of ${parts}`, () => undefined);
    return;
  }
  let run: Run;
  beforeAll(async () => {
    run = await openRun(config);
  }, SUITE_TIMEOUT_MS);
  afterAll(async () => {
    if (!run) return;
    writePart(run, `part-${part}-of-${parts}`);
    await run.session.close();
  });
  for (const op of mine) {
    describe(title(op), () => {
      beforeAll(async () => {
        await runOperation(run, run.session.spec.operation(op.operationId));
      }, SUITE_TIMEOUT_MS);
      const checks = plannedChecks(op, all).filter((c) => c !== CHECKS.exhaustion);
      for (const check of checks) it(`${op.operationId} > ${check}`, () => report(run, op, check));
    });
  }
}

/**
 * The rate-limit exhaustion probe spends a whole quota window, so it has its own file, run
 * last by the sequencer, once per run.
 */
export function defineExhaustionSuite(): void {
  const config = configFromEnv();
  const all = listOperations(config.specPath);
  const op = exhaustionOperation(selectOperations(all, config.operations));
  if (!op) {
    it.skip('no read-only operation to probe the rate limit on', () => undefined);
    return;
  }
  let run: Run;
  beforeAll(async () => {
    run = await openRun(config);
    await runExhaustion(run, run.session.spec.operation(op.operationId));
  }, SUITE_TIMEOUT_MS);
  afterAll(async () => {
    if (!run) return;
    writePart(run, 'rate-limit-exhaustion');
    await run.session.close();
  });
  describe(title(op), () => {
    it(`${op.operationId} > ${CHECKS.exhaustion}`, () => report(run, op, CHECKS.exhaustion));
  });
}
