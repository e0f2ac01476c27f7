import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { configFromEnv, type RunConfig } from '../src/conformance/config';
import { openSession, probeReachable } from '../src/conformance/open-session';
import { newRun, type Run } from '../src/conformance/run-operation';
import type { CheckRecord, CreatedObject } from '../src/conformance/types';
import type { Exchange } from '../src/http/types';
import { selectOperations } from '../src/conformance/plan';

/** What one suite file leaves for the reporter that assembles summary.json. */
export interface PartResult {
  runId: string;
  part: string;
  records: CheckRecord[];
  exchanges: Exchange[];
  createdObjects: CreatedObject[];
  target: Run['session']['target']['info'];
  keyHeader: string;
}

export function partsDir(config: RunConfig): string {
  return path.join(config.reportDir, '.parts', config.runId);
}

/** One session per suite file: the model loaded once, the target opened once. */
export async function openRun(config: RunConfig = configFromEnv()): Promise<Run> {
  const session = await openSession(config);
  await probeReachable(session);
  const operations = selectOperations(session.spec.operations, undefined);
  return newRun(session, operations);
}

export function writePart(run: Run, part: string): void {
  const config = run.session.config;
  const dir = partsDir(config);
  mkdirSync(dir, { recursive: true });
  const result: PartResult = {
    runId: config.runId,
    part,
    records: run.book.records(),
    exchanges: run.session.exchanges,
    createdObjects: run.session.createdObjects,
    target: run.session.target.info,
    keyHeader: run.session.keyHeader,
  };
  // The key is redacted when reports are written; parts live under the report dir only
  // until then and are removed by the reporter.
  writeFileSync(path.join(dir, `${part}.json`), JSON.stringify(result));
}
