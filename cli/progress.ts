import type { OperationModel } from '../model';

/** One line per operation as the run goes: a long run against a remote target shows it is alive. */
export function progressLine(op: OperationModel, done: number, of: number): void {
  process.stderr.write(`  [${done}/${of}] ${op.operationId} done\n`);
}
