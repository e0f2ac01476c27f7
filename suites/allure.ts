import * as allure from 'allure-js-commons';
import { ContentType } from 'allure-js-commons';
import type { Exchange } from '../model/exchange';
import { getSpec, type OperationModel } from '../model';
import { curlFor, KEY_ENV_VAR } from '../engine/http/curl';
import {
  assertNoSecret,
  keyHeaderOf,
  redactExchange,
  type RedactOptions,
} from '../engine/http/redact';

/*
 * Helpers the suites call inside a test running under `allure-jest/node`. allure-js-commons v3
 * is asynchronous: await every helper, or the labels may land after the test result is written.
 */

export interface CheckLabels {
  /** The spec tag the operation belongs to. */
  epic: string;
  /** `operationId (v1)` or `operationId (v0, deprecated)`. */
  feature: string;
  /** The check's name. */
  story: string;
}

export async function labelCheck(labels: CheckLabels): Promise<void> {
  await allure.epic(labels.epic);
  await allure.feature(labels.feature);
  await allure.story(labels.story);
}

/** Versions and deprecation in the feature name keep v0 and v1 apart in the report tree. */
export function featureOf(
  op: Pick<OperationModel, 'operationId' | 'version' | 'deprecated'>,
): string {
  return `${op.operationId} (${op.version}${op.deprecated ? ', deprecated' : ''})`;
}

export function checkLabelsOf(
  op: Pick<OperationModel, 'operationId' | 'version' | 'deprecated' | 'tags'>,
  check: string,
): CheckLabels {
  return { epic: op.tags[0] ?? 'untagged', feature: featureOf(op), story: check };
}

export interface RunParameters {
  /** A target name (`qal`, `mock`) or URL. */
  target: string;
  seed: number;
  runs: number;
}

/**
 * The seed and run count change from run to run; they are excluded from Allure's history id so
 * a test keeps its history across runs.
 */
export async function parametersOfRun(run: RunParameters): Promise<void> {
  await allure.parameter('target', run.target);
  await allure.parameter('seed', String(run.seed), { excluded: true });
  await allure.parameter('runs', String(run.runs), { excluded: true });
}

export interface RecordExchangeOptions {
  /** Default: the spec's apiKey header. */
  keyHeader?: string;
  /** Default: the API4PARTNERS_API_KEY env var. */
  secret?: string;
  /** When given, a curl line to reproduce the request is attached too. */
  baseUrl?: string;
}

async function redactOptions(options: RecordExchangeOptions): Promise<RedactOptions> {
  const keyHeader = options.keyHeader ?? keyHeaderOf(await getSpec());
  return { keyHeader, secret: options.secret ?? process.env[KEY_ENV_VAR] };
}

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/** One exchange as an Allure step with its request and response attached (key redacted). */
export async function recordExchange(
  exchange: Exchange,
  options: RecordExchangeOptions = {},
): Promise<void> {
  const redact = await redactOptions(options);
  const { request, response } = redactExchange(exchange, redact);
  const attachments: Array<[string, string, ContentType]> = [
    ['request', pretty(request), ContentType.JSON],
    ['response', pretty(response), ContentType.JSON],
  ];
  if (options.baseUrl) {
    attachments.push([
      'curl',
      curlFor(options.baseUrl, request, redact.keyHeader),
      ContentType.TEXT,
    ]);
  }
  for (const [name, text] of attachments) assertNoSecret(text, redact.secret, `Allure ${name}`);
  const title = `${request.method.toUpperCase()} ${request.path} -> ${response.status}`;
  await allure.step(title, async () => {
    for (const [name, text, type] of attachments) await allure.attachment(name, text, type);
  });
}
