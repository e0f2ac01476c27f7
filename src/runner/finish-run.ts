import { DEFAULT_MOCK_API_KEY } from '../../mock';
import { getSpec } from '../model';
import { diffDeprecated } from '../diff';
import { lintSpec } from '../lint';
import { writeReports } from '../reporting/write-reports';
import type { RunConfig } from '../conformance/config';
import { API_KEY_ENV } from '../conformance/config';
import type { RunSummary } from '../conformance/types';
import { assembleRun, removeParts } from './assemble';

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
  writeReports(config.reportDir, {
    summary: assembled.summary,
    exchanges: assembled.exchanges,
    keyHeader: assembled.keyHeader,
    secret:
      assembled.summary.target.kind === 'mock' ? DEFAULT_MOCK_API_KEY : process.env[API_KEY_ENV],
    baseUrl: assembled.summary.target.baseUrl,
    lintFindings: lintSpec(spec),
    deprecationDiff: diffDeprecated(spec),
    baseline,
  });
  removeParts(config);
  return assembled.summary;
}
