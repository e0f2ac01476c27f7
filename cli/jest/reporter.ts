import type { AggregatedResult, Reporter, TestContext } from '@jest/reporters';
import { configFromEnv } from '../../engine/config';
import { gate } from '../../reporting/gate';
import { renderMatrix } from '../../reporting/matrix';
import { compareRuns } from '../../reporting/regression';
import { readSummaryFile } from '../../reporting/summary-file';
import { RESULTS_ENV } from '../../suites/results';

/**
 * After a jest run of the suites, the same gate as the CLI decides: a run that verified
 * nothing, could not conclude or met the suite's own error fails, whatever jest counted.
 * Unit-test runs set no results, and this does nothing for them.
 */
export default class ConformanceReporter implements Pick<
  Reporter,
  'onRunComplete' | 'getLastError'
> {
  private error?: Error;

  onRunComplete(_contexts: Set<TestContext>, _results: AggregatedResult): void {
    const file = process.env[RESULTS_ENV];
    if (!file) return;
    const config = configFromEnv();
    const summary = readSummaryFile(file);
    const comparison = config.baseline
      ? compareRuns(readSummaryFile(config.baseline), summary)
      : undefined;
    const result = gate(summary, comparison, config.failOn);
    // The CLI prints its own closing table.
    if (process.env.CONFORMANCE_FROM_CLI !== '1') {
      process.stdout.write(
        `\n${renderMatrix(summary)}\ngate: ${result.reason}\nreports written to ${config.reportDir}\n`,
      );
    }
    if (result.code !== 0) this.error = new Error(`conformance gate: ${result.reason}`);
  }

  getLastError(): Error | undefined {
    return this.error;
  }
}
