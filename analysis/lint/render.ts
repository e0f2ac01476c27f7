import type { SpecModel } from '../../model';
import type { Finding, Severity } from './types';

/** The `--json` document: which spec was linted (by content hash) and what was found. */
export interface LintReport {
  spec: { path: string; title: string; version: string; sha256: string };
  findings: Finding[];
}

function counts(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  findings.forEach((f) => out[f.severity]++);
  return out;
}

export function summaryOf(spec: SpecModel, findings: Finding[]): string {
  const c = counts(findings);
  return `${findings.length} findings (${c.error} errors, ${c.warning} warnings, ${c.info} info) in ${spec.title} ${spec.version}`;
}

/** One line per finding, `SEVERITY POINTER MESSAGE [rule]`, then the summary line. */
export function renderText(spec: SpecModel, findings: Finding[]): string {
  const lines = findings.map((f) => `${f.severity} ${f.pointer} ${f.message} [${f.rule}]`);
  return [...lines, summaryOf(spec, findings)].join('\n') + '\n';
}

export function renderJson(spec: SpecModel, findings: Finding[]): string {
  const report: LintReport = {
    spec: { path: spec.specPath, title: spec.title, version: spec.version, sha256: spec.sha256 },
    findings,
  };
  return JSON.stringify(report, null, 2) + '\n';
}
