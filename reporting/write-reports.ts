import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunSummary } from '../engine/types';
import { certificationHtml, certificationMarkdown } from './certification';
import type { RenderContext } from './failure-details';
import { toHar } from './har';
import { toJUnitXml } from './junit';
import { assertNoSecret, redactExchange, type RedactOptions } from '../engine/http/redact';
import { redactSummary } from './redact-summary';
import { compareRuns } from './regression';
import { toolInfo } from './tool-info';
import type { ReportInputs, ToolInfo } from './types';

export const REPORT_FILES = {
  summary: 'summary.json',
  junit: 'junit.xml',
  har: 'traffic.har',
  certificationMarkdown: 'certification.md',
  certificationHtml: 'certification.html',
  regression: 'regression.json',
} as const;

/** Used in URLs when neither the caller nor the summary knows where the target lived. */
const UNKNOWN_BASE_URL = 'http://target.invalid';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every report file's name and text, redacted; nothing touches the disk here. */
export function renderReports(
  inputs: ReportInputs,
  tool: ToolInfo = toolInfo(),
): Record<string, string> {
  const redact: RedactOptions = { keyHeader: inputs.keyHeader, secret: inputs.secret };
  const summary = redactSummary(inputs.summary, redact);
  const baseline: RunSummary | undefined =
    inputs.baseline && redactSummary(inputs.baseline, redact);
  const exchanges = inputs.exchanges.map((exchange) => redactExchange(exchange, redact));
  const context: RenderContext = {
    baseUrl: inputs.baseUrl ?? summary.target.baseUrl ?? UNKNOWN_BASE_URL,
    keyHeader: inputs.keyHeader,
  };
  const certification = {
    summary,
    context,
    tool,
    lintFindings: inputs.lintFindings,
    deprecationDiff: inputs.deprecationDiff,
    baseline,
  };
  const files: Record<string, string> = {
    [REPORT_FILES.summary]: json(summary),
    [REPORT_FILES.junit]: toJUnitXml(summary, context),
    [REPORT_FILES.har]: json(toHar(exchanges, context.baseUrl, tool)),
    [REPORT_FILES.certificationMarkdown]: certificationMarkdown(certification),
    [REPORT_FILES.certificationHtml]: certificationHtml(certification),
  };
  if (baseline) files[REPORT_FILES.regression] = json(compareRuns(baseline, summary));
  return files;
}

/**
 * Writes every report under `dir` and returns the paths written. Every file is checked for the
 * secret before the first one is written, so a leak leaves no partial report behind.
 */
export function writeReports(dir: string, inputs: ReportInputs): string[] {
  const files = renderReports(inputs);
  for (const [name, text] of Object.entries(files)) {
    assertNoSecret(text, inputs.secret, path.join(dir, name));
  }
  mkdirSync(dir, { recursive: true });
  // A regression.json left by an earlier run would describe a comparison this run did not make.
  if (!(REPORT_FILES.regression in files)) {
    rmSync(path.join(dir, REPORT_FILES.regression), { force: true });
  }
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}
