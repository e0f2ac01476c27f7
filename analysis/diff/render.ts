import type { OperationRef, SpecModel } from '../../model';
import type { Change, DeprecationDiff, OperationPair } from './types';

const opName = (op: OperationRef): string =>
  `\`${op.method.toUpperCase()} ${op.path}\` (${op.operationId})`;

/** Markdown table cells cannot hold a raw `|` or a line break. */
const cell = (text: string | undefined): string =>
  (text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

const code = (text: string | undefined): string => (text ? `\`${cell(text)}\`` : '');

function changeRow(c: Change): string {
  return `| ${c.breaking ? '**breaking**' : 'compatible'} | ${c.where}${c.status ? ` ${c.status}` : ''} | ${c.kind} | ${cell(c.message)} | ${cell(c.rationale)} | ${code(c.v0Pointer)} | ${code(c.v1Pointer)} |`;
}

function pairSection(pair: OperationPair): string[] {
  const breaking = pair.changes.filter((c) => c.breaking).length;
  const lines = [
    `## ${pair.v0.operationId} -> ${pair.v1.operationId}`,
    '',
    `From ${opName(pair.v0)} to ${opName(pair.v1)}: ${pair.changes.length} changes, ${breaking} breaking.`,
    '',
  ];
  if (pair.changes.length === 0) return [...lines, 'No structural difference.', ''];
  // Breaking first: that is what a partner must act on.
  const sorted = [...pair.changes].sort((a, b) => Number(b.breaking) - Number(a.breaking));
  return [
    ...lines,
    '| | where | kind | change | why | v0 pointer | v1 pointer |',
    '|---|---|---|---|---|---|---|',
    ...sorted.map(changeRow),
    '',
  ];
}

export function renderMarkdown(spec: SpecModel, diff: DeprecationDiff): string {
  const summary = diff.pairs.map((p) => {
    const breaking = p.changes.filter((c) => c.breaking).length;
    return `| ${p.v0.operationId} | ${p.v1.operationId} | ${p.changes.length} | ${breaking} |`;
  });
  const lines = [
    `# Deprecation diff: v0 -> v1`,
    '',
    `${spec.title} ${spec.version} (sha256 ${spec.sha256.slice(0, 12)}). Breaking means a client built for the v0 operation can fail against its successor.`,
    '',
    '| deprecated | successor | changes | breaking |',
    '|---|---|---|---|',
    ...summary,
    '',
    ...diff.pairs.flatMap(pairSection),
    '## Current v0 operations (no successor)',
    '',
    ...(diff.currentV0.length ? diff.currentV0.map((op) => `- ${opName(op)}`) : ['None.']),
    '',
  ];
  if (diff.unresolved.length) {
    lines.push(
      '## Deprecated without a resolvable successor',
      '',
      ...diff.unresolved.map((op) => `- ${opName(op)}`),
      '',
    );
  }
  return lines.join('\n');
}

export function renderJson(spec: SpecModel, diff: DeprecationDiff): string {
  const document = {
    spec: { path: spec.specPath, title: spec.title, version: spec.version, sha256: spec.sha256 },
    ...diff,
  };
  return JSON.stringify(document, null, 2) + '\n';
}
