import { newRunId } from '../engine/config';

/**
 * Runs once in jest's parent process, before any worker starts: one run id, one seed and one
 * start time for every suite file of the run, whether started by the runner or by plain jest.
 */
export default function globalSetup(): void {
  process.env.CONFORMANCE_RUN_ID ||= newRunId();
  process.env.CONFORMANCE_SEED ||= String(Math.floor(Math.random() * 2 ** 31));
  process.env.CONFORMANCE_STARTED_AT ||= new Date().toISOString();
}
