import { faultIds, type FaultId } from '../../mock';
import { newRunId, type RunConfig } from '../../engine/config';
import { openSession } from '../../engine/open-session';
import { newRun, runAll } from '../../engine/run-operation';
import type { CheckRecord } from '../../engine/types';
import { DEFAULT_SPEC_PATH } from '../../model';
import { FAULT_MATRIX } from './fault-matrix';

const RUNS = Number(process.env.FAULT_MATRIX_RUNS ?? 2);
const SEED = Number(process.env.FC_SEED ?? 20261127);

function config(): RunConfig {
  return {
    specPath: DEFAULT_SPEC_PATH,
    target: 'mock',
    seed: SEED,
    runs: RUNS,
    reportDir: '/tmp/unused',
    rateLimitProbe: false,
    allowProduction: false,
    timeoutMs: 10_000,
    runId: newRunId(),
  };
}

async function runAgainstMock(faults: FaultId[]): Promise<CheckRecord[]> {
  const session = await openSession(config(), { faults });
  try {
    const run = newRun(session, session.spec.operations);
    await runAll(run);
    return run.book.records();
  } finally {
    await session.close();
  }
}

const describeFailures = (records: CheckRecord[]): string =>
  records
    .filter((r) => r.status === 'failed')
    .map((r) => `${r.operationId} > ${r.check}: ${r.message}`)
    .join('\n') || '(none)';

/**
 * The matrix is split over two test files (`part` 0 and 1) so jest runs the halves on both
 * cores; each fault runs the whole suite against a mock with that one fault switched on.
 */
export function defineFaultMatrix(part: 0 | 1): void {
  describe(`fault-detection matrix (part ${part + 1} of 2): the suites against the mock`, () => {
    if (part === 0)
      it('every check passes or is skipped against the clean mock, and most are verified', async () => {
        const records = await runAgainstMock([]);
        expect(describeFailures(records)).toBe('(none)');
        const passed = records.filter((r) => r.status === 'passed').length;
        expect(passed).toBeGreaterThan(records.length * 0.8);
      }, 120_000);

    if (part === 0)
      it('every fault the mock can inject has an expected check', () => {
        expect(faultIds().filter((id) => !(id in FAULT_MATRIX))).toEqual([]);
      });

    it.each(faultIds().filter((_, i) => i % 2 === part))(
      'fault %s is caught by its check',
      async (fault) => {
        const expected = FAULT_MATRIX[fault];
        const records = await runAgainstMock([fault]);
        const caught = records.filter(
          (r) =>
            r.status === 'failed' &&
            r.check === expected.check &&
            (!expected.operations || expected.operations.test(r.operationId)),
        );
        if (caught.length === 0) {
          throw new Error(
            `fault ${fault} was not caught by ${expected.check}; failures seen:\n${describeFailures(records)}`,
          );
        }
      },
      120_000,
    );
  });
}
