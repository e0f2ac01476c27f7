import { DEFAULT_MOCK_API_KEY } from '../mock';
import { getSpec } from '../model';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffDeprecated, renderJson, renderMarkdown } from '../analysis/diff';
import { lintSpec } from '../analysis/lint';
import { writeReports } from './write-reports';
import type { RunConfig } from '../engine/config';
import { API_KEY_ENV } from '../engine/config';
import type { RunSummary } from '../engine/types';
import { removePartResults } from '../engine/parts';
import { assembleRun } from './assemble';

/**
 * Turn the parts the suite files left into the run's reports: summary.json, junit.xml,
 * traffic.har, certification.md/html (with the spec lint and the deprecation diff).
 */
export async function finishRun(
  config: RunConfig,
  startedAt: string,
  durationMs: number,
  baseline?: RunSummary,
): Promise<RunSummary | undefined> {
  const assembled = await assembleRun(config, startedAt, durationMs);
  if (!assembled) return undefined;
  const spec = await getSpec(config.specPath);
  const deprecationDiff = diffDeprecated(spec);
  writeReports(config.reportDir, {
    summary: assembled.summary,
    exchanges: assembled.exchanges,
    keyHeader: assembled.keyHeader,
    secret:
      assembled.summary.target.kind === 'mock' ? DEFAULT_MOCK_API_KEY : process.env[API_KEY_ENV],
    baseUrl: assembled.summary.target.baseUrl,
    lintFindings: lintSpec(spec),
    deprecationDiff,
    baseline,
  });
  // The migration findings travel with every run, not only with `conformance -- diff`.
  mkdirSync(config.reportDir, { recursive: true });
  writeFileSync(
    path.join(config.reportDir, 'deprecation-diff.md'),
    renderMarkdown(spec, deprecationDiff),
  );
  writeFileSync(
    path.join(config.reportDir, 'deprecation-diff.json'),
    renderJson(spec, deprecationDiff),
  );
  removePartResults(config);
  return assembled.summary;
}
