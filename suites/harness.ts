import { configFromEnv, type RunConfig } from '../engine/config';
import { openSession, probeReachable } from '../engine/open-session';
import { newRun, type Run } from '../engine/run-operation';
import { writePartResult } from '../engine/parts';

/** One session per suite file: the model loaded once, the target opened once. */
export async function openRun(config: RunConfig = configFromEnv()): Promise<Run> {
  const session = await openSession(config);
  await probeReachable(session);
  return newRun(session, session.spec.operations);
}

export function writePart(run: Run, part: string): void {
  const config = run.session.config;
  writePartResult(config, {
    runId: config.runId,
    part,
    records: run.book.records(),
    exchanges: run.session.exchanges,
    createdObjects: run.session.createdObjects,
    target: run.session.target.info,
    keyHeader: run.session.keyHeader,
  });
}
