import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Exchange } from '../model/exchange';
import type { RunConfig } from './config';
import type { CheckRecord, CreatedObject, TargetInfo } from './types';

/**
 * What one suite file of a run leaves behind for the step that assembles summary.json: the
 * suite files run in separate jest workers, so they meet only on disk.
 */
export interface PartResult {
  runId: string;
  part: string;
  records: CheckRecord[];
  exchanges: Exchange[];
  createdObjects: CreatedObject[];
  target: TargetInfo;
  keyHeader: string;
}

export function partsDirOf(config: RunConfig): string {
  return path.join(config.reportDir, '.parts', config.runId);
}

export function writePartResult(config: RunConfig, result: PartResult): void {
  const dir = partsDirOf(config);
  mkdirSync(dir, { recursive: true });
  // The key is redacted when reports are written; parts live under the report dir only
  // until then and are removed right after.
  writeFileSync(path.join(dir, `${result.part}.json`), JSON.stringify(result));
}

export function readPartResults(config: RunConfig): PartResult[] {
  const dir = partsDirOf(config);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as PartResult);
}

export function removePartResults(config: RunConfig): void {
  rmSync(partsDirOf(config), { recursive: true, force: true });
}
