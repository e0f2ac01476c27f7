import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffDeprecated, renderJson, renderMarkdown } from '../analysis/diff';
import { lintSpec } from '../analysis/lint';
import type { RunConfig } from '../engine/config';
import type { RunResult } from '../engine/run';
import type { RunSummary } from '../engine/summary';
import { getSpec } from '../model';
import { gate, type GateResult } from './gate';
import { compareRuns, type RunComparison } from './regression';
import { readSummaryFile } from './summary-file';
import { redactedSummary, writeReports } from './write-reports';

export interface ReportedRun {
  /** The summary as written (redacted). */
  summary: RunSummary;
  files: string[];
  comparison?: RunComparison;
  gate: GateResult;
}

/**
 * A run's reports, all from its summary: summary.json, junit.xml, traffic.har,
 * certification.md/html (with the spec lint and the v0/v1 diff), deprecation-diff.md/json,
 * regression.json with a baseline, errors.log when the suite met its own error; and the gate.
 */
export async function reportRun(
  result: RunResult,
  config: Pick<RunConfig, 'reportDir' | 'specPath' | 'baseline' | 'failOn'>,
): Promise<ReportedRun> {
  const baseline = config.baseline ? readSummaryFile(config.baseline) : undefined;
  const spec = await getSpec(config.specPath);
  const deprecationDiff = diffDeprecated(spec);
  const lintFindings = lintSpec(spec);
  // The lint compiles validators the operations do not use: kept, the next run skips that.
  spec.keepValidators();
  const inputs = {
    summary: result.summary,
    exchanges: result.exchanges,
    keyHeader: result.keyHeader,
    secrets: result.secrets,
    traces: result.traces,
    baseUrl: result.summary.target.baseUrl,
    lintFindings,
    deprecationDiff,
    baseline,
  };
  const files = writeReports(config.reportDir, inputs);
  // The suites write this run's Allure results next: an earlier run's must not be counted with them.
  rmSync(path.join(config.reportDir, 'allure-results'), { recursive: true, force: true });
  // The migration findings travel with every run, not only with `conformance -- diff`.
  for (const [name, text] of [
    ['deprecation-diff.md', renderMarkdown(spec, deprecationDiff)],
    ['deprecation-diff.json', renderJson(spec, deprecationDiff)],
  ] as const) {
    const file = path.join(config.reportDir, name);
    writeFileSync(file, text);
    files.push(file);
  }
  const summary = redactedSummary(inputs);
  const comparison = baseline ? compareRuns(baseline, summary) : undefined;
  return { summary, files, comparison, gate: gate(summary, comparison, config.failOn) };
}
