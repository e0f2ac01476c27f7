import path from 'node:path';
import { configFromEnv } from '../../engine/config';
import { runConformance } from '../../engine/run';
import { reportRun } from '../../reporting/report-run';
import { RESULTS_ENV } from '../../suites/results';
import { fatal } from '../fatal';
import { loadChecksFiles } from '../load-checks';
import { progressLine } from '../progress';
import { preflight } from '../preflight';

/**
 * Plain `npx jest --selectProjects conformance [--shard i/n]`: the engine runs once, here in
 * jest's parent process, for this shard's operations, and writes the reports; the suite files
 * then present its summary as tests. When the CLI started jest, it already did all this.
 */
export default async function globalSetup(globalConfig: {
  shard?: { shardIndex: number; shardCount: number };
}): Promise<void> {
  if (process.env[RESULTS_ENV]) return;
  const config = configFromEnv();
  try {
    if (globalConfig.shard)
      config.shard = { index: globalConfig.shard.shardIndex, count: globalConfig.shard.shardCount };
    const extraChecks = loadChecksFiles(config.checksFiles);
    await preflight(config, extraChecks);
    process.stderr.write(
      `\nconformance run ${config.runId}: target ${config.target}, seed ${config.seed}, runs ${config.runs}\n`,
    );
    const result = await runConformance(config, { extraChecks, onOperation: progressLine });
    await reportRun(result, config);
    process.env[RESULTS_ENV] = path.join(config.reportDir, 'summary.json');
  } catch (err) {
    process.exit(fatal(err, 'conformance', config.reportDir));
  }
}
