import { configFrom } from '../../engine/config';
import { runConformance } from '../../engine/run';
import type { RunSummary } from '../../engine/summary';
import type { FaultId } from '../../mock';
import { gate } from '../../reporting/gate';
import { compareRuns } from '../../reporting/regression';
import { skipLongWaits } from '../fixtures/sleep';

async function runWith(faults: FaultId[]): Promise<RunSummary> {
  const raw = { seed: '9', runs: '2', operations: ['createLeadsOpportunities_v1'] };
  return (
    await runConformance(
      configFrom(raw, (k) => k),
      { faults, sleep: skipLongWaits },
    )
  ).summary;
}

describe('regression between two runs, by failure signature', () => {
  it('a second, different failure under the same check is new: --fail-on new fails and names it', async () => {
    const baseline = await runWith(['duplicate-partner-id-accepted']);
    const current = await runWith(['duplicate-partner-id-accepted', 'date-format-400']);
    const check = (s: RunSummary) =>
      s.checks.filter((c) => c.status === 'failed').map((c) => c.check);
    expect(check(baseline)).toEqual(['documented_error_codes']);
    expect(check(current)).toEqual(['documented_error_codes']);

    const comparison = compareRuns(baseline, current);
    const old = baseline.failures.map((f) => f.id);
    const added = current.failures.filter((f) => !old.includes(f.id));
    expect(added.length).toBeGreaterThan(0);
    expect(comparison.newFailures.map((f) => f.id).sort()).toEqual(added.map((f) => f.id).sort());
    expect(comparison.stillFailing.map((f) => f.id).sort()).toEqual([...old].sort());

    const verdict = gate(current, comparison, 'new');
    expect(verdict.code).toBe(1);
    for (const f of added) expect(verdict.reason).toContain(f.id);
    expect(gate(baseline, compareRuns(baseline, baseline), 'new').code).toBe(0);
  }, 120_000);
});
