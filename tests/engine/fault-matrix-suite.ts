import { faultIds, type FaultId } from '../../mock';
import { configFrom } from '../../engine/config';
import { runConformance } from '../../engine/run';
import type { RunSummary } from '../../engine/summary';
import { getSpec, roleOf } from '../../model';
import { FAULT_MATRIX, type FaultExpectation } from './fault-matrix';
import { skipLongWaits } from '../fixtures/sleep';

/** Three seeds per fault; FAULT_MATRIX_SEED moves them (the failing seed is in the message). */
const BASE_SEED = Number(process.env.FAULT_MATRIX_SEED ?? 20261201);
export const SEEDS = [BASE_SEED, BASE_SEED + 1, BASE_SEED + 2];
/** Few random requests: the coverage phases meet every class of input whatever the count. */
const RUNS = process.env.FAULT_MATRIX_RUNS ?? '2';

/**
 * Which checks fail does not depend on shrinking (the same pairs fail at every budget: measured
 * on all faults at the three seeds); shrinking has its own tests (shrinking.test.ts), and here
 * it would only add requests.
 */
const SHRINK_BUDGET = '0';

async function run(seed: number, faults: FaultId[], operations?: string[]): Promise<RunSummary> {
  const raw = {
    seed: String(seed),
    runs: RUNS,
    shrinkBudget: SHRINK_BUDGET,
    ...(operations ? { operations } : {}),
  };
  const config = configFrom(raw, (k) => k);
  const result = await runConformance(config, {
    faults,
    transport: 'in-process',
    measureCoverage: false,
    sleep: skipLongWaits,
  });
  return result.summary;
}

const pairs = (summary: RunSummary, status: string): string[] =>
  summary.checks
    .filter((c) => c.status === status || (status === 'failed' && c.status === 'error'))
    .map((c) => `${c.operationId} > ${c.check}`)
    .sort();

const expectedPairs = (byCheck: Record<string, string[]> | undefined): string[] =>
  Object.entries(byCheck ?? {})
    .flatMap(([check, ops]) => ops.map((op) => `${op} > ${check}`))
    .sort();

async function operationsIn(expectation: FaultExpectation): Promise<string[]> {
  const spec = await getSpec();
  return spec.operations
    .filter((op) => expectation.scope.includes(roleOf(op)))
    .map((o) => o.operationId);
}

/**
 * The fault-detection matrix, split over several files so jest runs them on every core: each
 * fault runs the suite in-process against the mock with that fault on, over the operations it
 * can affect, at three seeds; exactly its expected (operation, check) pairs fail. The mock
 * answers without a socket (no mock fault lives in the HTTP stack, and
 * in-process-transport.test.ts holds that both transports give the same exchanges).
 */
export function defineFaultMatrix(part: number, parts: number): void {
  const mine = faultIds().filter((_, i) => i % parts === part);
  describe(`fault-detection matrix, part ${part + 1} of ${parts}`, () => {
    if (part === 0) {
      it('every fault the mock can inject has its expected failures', () => {
        expect(faultIds().filter((id) => !(id in FAULT_MATRIX))).toEqual([]);
      });
      it.each(SEEDS)(
        'nothing fails against the clean mock, and most checks are verified (seed %i)',
        async (seed) => {
          const summary = await run(seed, []);
          expect(pairs(summary, 'failed')).toEqual([]);
          expect(summary.totals.passed).toBeGreaterThan(summary.checks.length * 0.8);
        },
        120_000,
      );
    }
    it.each(mine)(
      'fault %s fails exactly its expected checks at 3 seeds',
      async (fault) => {
        const expectation = FAULT_MATRIX[fault];
        const operations = await operationsIn(expectation);
        for (const seed of SEEDS) {
          const summary = await run(seed, [fault], operations);
          expect({ seed, failed: pairs(summary, 'failed') }).toEqual({
            seed,
            failed: expectedPairs(expectation.fails),
          });
          const inconclusive = summary.checks
            .filter((c) => c.inconclusive)
            .map((c) => `${c.operationId} > ${c.check}`);
          for (const pair of expectedPairs(expectation.inconclusive))
            expect({ seed, pair, inconclusive: inconclusive.includes(pair) }).toEqual({
              seed,
              pair,
              inconclusive: true,
            });
        }
      },
      300_000,
    );
  });
}
