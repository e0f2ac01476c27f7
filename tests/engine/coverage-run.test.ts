import { configFrom } from '../../engine/config';
import { DIMENSIONS } from '../../engine/coverage';
import { runConformance } from '../../engine/run';
import type { RunSummary } from '../../engine/summary';
import { exampleErrorCodes, getSpec } from '../../model';
import { skipLongWaits } from '../fixtures/sleep';

// The mock reached in-process: the same exchanges as over HTTP (tests/engine/http/in-process.test.ts).
describe('spec coverage of a default run against the mock', () => {
  let summary: RunSummary;
  beforeAll(async () => {
    ({ summary } = await runConformance(
      configFrom({ seed: '1' }, (k) => k),
      {
        transport: 'in-process',
        sleep: skipLongWaits,
      },
    ));
  }, 120_000);

  it('meets every item of every dimension: the mock can be asked for all of them', () => {
    const coverage = summary.coverage;
    expect(Object.keys(coverage?.totals ?? {}).sort()).toEqual(Object.keys(DIMENSIONS).sort());
    const missing = coverage?.operations.flatMap((op) =>
      Object.entries(op.dimensions).flatMap(([dimension, d]) =>
        d.missing.map((m) => `${op.operationId} ${dimension}: ${m.item} (${m.reason})`),
      ),
    );
    expect(missing).toEqual([]);
    for (const total of Object.values(coverage?.totals ?? {}))
      expect(total.total).toBeGreaterThan(0);
  });

  it('meets each error code the spec documents, on every operation that documents it', async () => {
    const spec = await getSpec();
    const documented = spec.operations.flatMap((op) =>
      Object.keys(op.responses).flatMap((status) => exampleErrorCodes(op, Number(status))),
    );
    expect([...new Set(documented)].sort()).toEqual(
      ['ERR801', 'ERR805', 'ERR899', 'ERROR_004', 'ERROR_043', 'ERROR_048'].sort(),
    );
    expect(summary.coverage?.totals.errorCodes).toEqual({
      covered: documented.length,
      total: documented.length,
      percent: 100,
    });
  });
});
