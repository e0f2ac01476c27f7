import type { AggregatedResult, Reporter, TestContext, TestResult } from '@jest/reporters';
import { configFromEnv } from '../engine/config';
import { finishRun } from '../reporting/finish-run';
import { renderMatrix } from '../reporting/matrix';

/**
 * After a jest run of the suites (through `npm run conformance` or plain `npx jest`), write
 * the run's reports and print the operation x check table. Unit-test runs leave no parts, so
 * this does nothing for them.
 */
export default class ConformanceReporter implements Pick<
  Reporter,
  'onRunComplete' | 'onTestFileResult'
> {
  onTestFileResult(_test: unknown, result: TestResult): void {
    const byOperation = new Map<string, { passed: number; failed: number }>();
    for (const t of result.testResults) {
      const op = t.title.split(' > ')[0];
      if (!t.title.includes(' > ')) continue;
      const entry = byOperation.get(op) ?? { passed: 0, failed: 0 };
      if (t.status === 'passed') entry.passed++;
      if (t.status === 'failed') entry.failed++;
      byOperation.set(op, entry);
    }
    for (const [op, { passed, failed }] of byOperation) {
      process.stderr.write(
        `  ${failed ? '✗' : '✓'} ${op}: ${passed} checks ok${failed ? `, ${failed} failed` : ''}\n`,
      );
    }
  }

  async onRunComplete(_contexts: Set<TestContext>, results: AggregatedResult): Promise<void> {
    if (process.env.CONFORMANCE_SKIP_REPORTS === '1') return;
    const config = configFromEnv();
    const startedAt =
      process.env.CONFORMANCE_STARTED_AT ?? new Date(results.startTime).toISOString();
    const summary = await finishRun(config, startedAt, Date.now() - Date.parse(startedAt));
    if (!summary) return;
    process.stdout.write(`\n${renderMatrix(summary)}\n`);
    process.stdout.write(`reports written to ${config.reportDir}\n`);
  }
}
