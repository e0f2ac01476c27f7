import type { CheckDefinition } from '../checks/types';
import { checkTargetAllowed, resolveTarget, type RunConfig } from '../engine/config';
import { assertReachable, TargetUnreachableError } from '../engine/http/client';
import { operationsOf, selectChecks } from '../engine/run';
import { getSpec, UsageError } from '../model';
import { readSummaryFile } from '../reporting/summary-file';

/**
 * Everything that can be wrong before a request is sent, found before any is: the spec, the
 * operations and checks named, the target and its key, production, the baseline, and whether
 * the target answers at all. Each is one line and exit 2.
 */
export async function preflight(
  config: RunConfig,
  extraChecks: CheckDefinition[] = [],
): Promise<void> {
  const spec = await getSpec(config.specPath);
  operationsOf(spec, config);
  selectChecks(config, extraChecks);
  const target = resolveTarget(config.target, spec.servers);
  checkTargetAllowed(config, target);
  if (config.baseline) readSummaryFile(config.baseline);
  if (!target.baseUrl) return;
  try {
    await assertReachable(target.baseUrl, config.timeoutMs);
  } catch (err) {
    if (err instanceof TargetUnreachableError)
      throw new UsageError(`--target ${config.target}: ${err.message}`);
    throw err;
  }
}
