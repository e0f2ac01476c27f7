import * as allure from 'allure-js-commons';
import { ContentType } from 'allure-js-commons';
import type { FailureRecord, JudgedOperation, RunSummary } from '../engine/summary';

/*
 * What a suite's test puts in Allure, from the run's (already redacted) summary. allure-js-commons
 * v3 is asynchronous: every helper is awaited, or labels may land after the result is written.
 */

/** `operationId (v1)` or `operationId (v0, deprecated)`: keeps v0 and v1 apart in the report tree. */
export function featureOf(
  op: Pick<JudgedOperation, 'operationId' | 'version' | 'deprecated'>,
): string {
  return `${op.operationId} (${op.version}${op.deprecated ? ', deprecated' : ''})`;
}

export async function labelCheck(
  op: JudgedOperation,
  check: string,
  summary: RunSummary,
): Promise<void> {
  await allure.epic(op.tags[0] ?? 'untagged');
  await allure.feature(featureOf(op));
  await allure.story(check);
  await allure.parameter('target', summary.target.baseUrl ?? summary.target.name);
  // Seed and runs change from run to run: kept out of Allure's history id.
  await allure.parameter('seed', String(summary.seed), { excluded: true });
  await allure.parameter('runs', String(summary.runs), { excluded: true });
}

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/** A failure's example (the shrunk one when there is one) as a step with its attachments. */
export async function attachFailure(failure: FailureRecord): Promise<void> {
  const request = failure.shrunk?.request ?? failure.request;
  const response = failure.shrunk?.response ?? failure.response;
  const curl = failure.shrunk?.curl ?? failure.curl;
  await allure.step(
    `[${failure.id}] ${failure.kind}${failure.pointer ? ` at ${failure.pointer}` : ''}`,
    async () => {
      if (request) await allure.attachment('request', pretty(request), ContentType.JSON);
      if (response) await allure.attachment('response', pretty(response), ContentType.JSON);
      if (curl) await allure.attachment('curl', curl, ContentType.TEXT);
      if (failure.sequence)
        await allure.attachment('sequence', pretty(failure.sequence), ContentType.JSON);
    },
  );
}
