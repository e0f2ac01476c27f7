import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assertNoSecret, redactExchange, scrubSecret } from '../engine/http/redact';
import type { RunSummary } from '../engine/summary';
import { toolInfo, type ToolInfo } from '../engine/tool-info';
import { certificationHtml, certificationMarkdown } from './certification';
import type { RenderContext } from './failure-details';
import { toHar } from './har';
import { toJUnitXml } from './junit';
import { redactAll } from './redact-summary';
import { compareRuns } from './regression';
import type { ReportInputs } from './types';

export const REPORT_FILES = {
  summary: 'summary.json',
  junit: 'junit.xml',
  har: 'traffic.har',
  certificationMarkdown: 'certification.md',
  certificationHtml: 'certification.html',
  regression: 'regression.json',
  errors: 'errors.log',
} as const;

/** Used in URLs when neither the caller nor the summary knows where the target lived. */
const UNKNOWN_BASE_URL = 'http://target.invalid';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The summary as written: every key header redacted, every secret scrubbed. */
export function redactedSummary(
  inputs: Pick<ReportInputs, 'summary' | 'keyHeader' | 'secrets'>,
): RunSummary {
  return redactAll(inputs.summary, inputs.keyHeader, inputs.secrets ?? []);
}

/** Every report file's name and text, redacted; nothing touches the disk here. */
export function renderReports(
  inputs: ReportInputs,
  tool: ToolInfo = toolInfo(),
): Record<string, string> {
  const secrets = inputs.secrets ?? [];
  const summary = redactedSummary(inputs);
  const baseline = inputs.baseline && redactAll(inputs.baseline, inputs.keyHeader, secrets);
  const exchanges = inputs.exchanges.map((exchange) =>
    secrets.reduce(
      (e, secret) => redactExchange(e, { keyHeader: inputs.keyHeader, secret }),
      redactExchange(exchange, { keyHeader: inputs.keyHeader }),
    ),
  );
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
  if (inputs.traces?.length) {
    files[REPORT_FILES.errors] = secrets.reduce(
      (text, secret) => scrubSecret(text, secret),
      inputs.traces.map((t) => `${t.operationId} > ${t.check}\n${t.trace}\n`).join('\n'),
    );
  }
  return files;
}

/**
 * Writes report files (name to text) under `dir` and returns the paths written. Every file is
 * checked for every secret before the first one is written, so a leak leaves no partial report
 * behind: the one way every command (a run, `merge`) writes its reports.
 */
export function writeReportFiles(
  dir: string,
  files: Record<string, string>,
  secrets: string[] = [],
): string[] {
  for (const [name, text] of Object.entries(files)) {
    for (const secret of secrets) assertNoSecret(text, secret, path.join(dir, name));
  }
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}

/**
 * Writes every report under `dir` and returns the paths written. Every file is checked for
 * every secret before the first one is written, so a leak leaves no partial report behind.
 */
export function writeReports(dir: string, inputs: ReportInputs): string[] {
  const files = renderReports(inputs);
  const written = writeReportFiles(dir, files, inputs.secrets ?? []);
  // Files an earlier run left would describe what this run did not do.
  for (const stale of [REPORT_FILES.regression, REPORT_FILES.errors]) {
    if (!(stale in files)) rmSync(path.join(dir, stale), { force: true });
  }
  return written;
}
