import type { CheckRecord, RunSummary } from '../engine/summary';
import { checkKey, countStatuses, failuresOf, groupByOperation } from './checks';
import { escapeXml, escapeXmlAttribute } from '../engine/http/escape';
import { failureDetails, failureDetailsText, type RenderContext } from './failure-details';

/*
 * JUnit is written from the RunSummary, like every other report: a check skipped at run time
 * is a real <skipped>, a suite defect an <error>, and the counts are the summary's.
 */

const attr = (name: string, value: string | number): string =>
  `${name}="${escapeXmlAttribute(String(value))}"`;

function testcaseXml(check: CheckRecord, summary: RunSummary, context: RenderContext): string {
  const open = `    <testcase ${attr('classname', check.operationId)} ${attr('name', checkKey(check))} ${attr('time', 0)}>`;
  const body: string[] = [];
  if (check.status === 'failed') {
    const text = failuresOf(summary, check)
      .map((f) => failureDetailsText(failureDetails(f, context), f.id))
      .join('\n\n========\n\n');
    body.push(
      `      <failure ${attr('message', check.message)} ${attr('type', 'ConformanceFailure')}>${escapeXml(text)}</failure>`,
    );
  } else if (check.status === 'error') {
    body.push(
      `      <error ${attr('message', check.message)} ${attr('type', 'SuiteError')}>${escapeXml(check.error?.trace ? `trace: ${check.error.trace}` : check.message)}</error>`,
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
    ['verdict', summary.verdict],
  ];
  const lines = properties.map(
    ([name, value]) => `      <property ${attr('name', name)} ${attr('value', value)}/>`,
  );
  return ['    <properties>', ...lines, '    </properties>'].join('\n');
}

function countsAttrs(checks: CheckRecord[]): string {
  const counts = countStatuses(checks);
  return [
    attr('tests', checks.length),
    attr('failures', counts.failed),
    attr('errors', counts.error),
    attr('skipped', counts.skipped),
  ].join(' ');
}

/** junit.xml: one testsuite per operation, one testcase per check. */
export function toJUnitXml(summary: RunSummary, context: RenderContext): string {
  const suites = [...groupByOperation(summary.checks)].map(([operationId, checks]) =>
    [
      `  <testsuite ${attr('name', operationId)} ${countsAttrs(checks)} ${attr('timestamp', summary.startedAt)} ${attr('time', 0)}>`,
      propertiesXml(summary),
      ...checks.map((check) => testcaseXml(check, summary, context)),
      '  </testsuite>',
    ].join('\n'),
  );
  const root = `<testsuites ${attr('name', `${summary.spec.title} ${summary.spec.version} on ${summary.target.name}`)} ${countsAttrs(summary.checks)} ${attr('time', (summary.durationMs / 1000).toFixed(3))}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join(
    '\n',
  );
}
