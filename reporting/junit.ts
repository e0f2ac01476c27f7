import type { CheckRecord, RunSummary } from '../engine/types';
import { checkKey, countStatuses, groupByOperation } from './checks';
import { escapeXml, escapeXmlAttribute } from '../engine/http/escape';
import { failureDetails, failureDetailsText, type RenderContext } from './failure-details';

/*
 * JUnit is written from the RunSummary rather than by jest-junit: a check can be skipped at run
 * time (the target refused to create an object, an operation is absent), which jest cannot
 * express once a test has started, and one jest test may judge several checks.
 */

const attr = (name: string, value: string | number): string =>
  `${name}="${escapeXmlAttribute(String(value))}"`;

function testcaseXml(check: CheckRecord, context: RenderContext): string {
  const open = `    <testcase ${attr('classname', check.operationId)} ${attr('name', checkKey(check))} ${attr('time', 0)}>`;
  const body: string[] = [];
  if (check.status === 'failed') {
    const text = failureDetailsText(failureDetails(check, context));
    body.push(
      `      <failure ${attr('message', check.message)} ${attr('type', 'ConformanceFailure')}>${escapeXml(text)}</failure>`,
    );
  } else if (check.status === 'skipped') {
    body.push(`      <skipped ${attr('message', check.message)}/>`);
  }
  const out = [check.status === 'passed' ? check.message : '', ...(check.observations ?? [])]
    .filter(Boolean)
    .join('\n');
  if (out) body.push(`      <system-out>${escapeXml(out)}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

/** What it takes to replay the run, next to each suite where CI viewers show it. */
function propertiesXml(summary: RunSummary): string {
  const properties: Array<[string, string | number]> = [
    ['target', summary.target.baseUrl ?? summary.target.name],
    ['runId', summary.runId],
    ['seed', summary.seed],
    ['runs', summary.runs],
    ['specSha256', summary.spec.sha256],
  ];
  const lines = properties.map(
    ([name, value]) => `      <property ${attr('name', name)} ${attr('value', value)}/>`,
  );
  return ['    <properties>', ...lines, '    </properties>'].join('\n');
}

function testsuiteXml(
  operationId: string,
  checks: CheckRecord[],
  summary: RunSummary,
  context: RenderContext,
): string {
  const counts = countStatuses(checks);
  const open = `  <testsuite ${[
    attr('name', operationId),
    attr('tests', checks.length),
    attr('failures', counts.failed),
    attr('errors', 0),
    attr('skipped', counts.skipped),
    attr('timestamp', summary.startedAt),
    attr('time', 0),
  ].join(' ')}>`;
  return [
    open,
    propertiesXml(summary),
    ...checks.map((check) => testcaseXml(check, context)),
    '  </testsuite>',
  ].join('\n');
}

/** junit.xml: one testsuite per operation, one testcase per check. */
export function toJUnitXml(summary: RunSummary, context: RenderContext): string {
  const counts = countStatuses(summary.checks);
  const suites = [...groupByOperation(summary.checks)].map(([operationId, checks]) =>
    testsuiteXml(operationId, checks, summary, context),
  );
  const root = `<testsuites ${[
    attr('name', `${summary.spec.title} ${summary.spec.version} on ${summary.target.name}`),
    attr('tests', summary.checks.length),
    attr('failures', counts.failed),
    attr('errors', 0),
    attr('skipped', counts.skipped),
    attr('time', (summary.durationMs / 1000).toFixed(3)),
  ].join(' ')}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join(
    '\n',
  );
}
