import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunSummary } from '../engine/summary';

/** Where the run's summary is: set by whoever ran the engine (the CLI, or jest's global setup). */
export const RESULTS_ENV = 'CONFORMANCE_RESULTS';

/** The run's summary, or why there is none. */
export function readResults(env = process.env): RunSummary | string {
  const file =
    env[RESULTS_ENV] ?? path.resolve(env.CONFORMANCE_REPORT_DIR ?? 'reports', 'summary.json');
  if (!existsSync(file))
    return `no results at ${file}: the engine did not run (see the global setup's output)`;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunSummary;
  } catch (err) {
    return `${file}: ${(err as Error).message}`;
  }
}
