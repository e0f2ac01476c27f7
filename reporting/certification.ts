import type { CheckRecord, CheckStatus, RunSummary } from '../engine/types';
import { checkKey, countStatuses, worse } from './checks';
import { toHtml, toMarkdown, type Block, type Cell } from './document';
import { failureDetails, type RenderContext } from './failure-details';
import { comparisonBlocks, compareRuns, verifiedAnything } from './regression';
import type {
  DeprecationChange,
  DeprecationDiff,
  DiffOperationRef,
  LintFinding,
  ToolInfo,
} from './types';

export interface CertificationInputs {
  summary: RunSummary;
  context: RenderContext;
  /** The tool that wrote the report (package.json); defaults to the one the summary names. */
  tool?: ToolInfo;
  lintFindings?: LintFinding[];
  deprecationDiff?: DeprecationDiff;
  baseline?: RunSummary;
}

export function verdictOf(summary: RunSummary): string {
  if (!verifiedAnything(summary)) {
    return 'NOT CERTIFIED: nothing was verified (every check skipped)';
  }
  const failed = summary.checks.filter((c) => c.status === 'failed').length;
  return failed === 0
    ? 'CONFORMANT: every verified check passed'
    : `NOT CONFORMANT: ${failed} failed check(s)`;
}

function runFacts(inputs: CertificationInputs): Block {
  const { summary } = inputs;
  const tool = inputs.tool ?? summary.tool;
  const rows: string[][] = [
    ['Verdict', verdictOf(summary)],
    ['Target', `${summary.target.name} (${summary.target.kind})`],
    ['Base URL', summary.target.baseUrl ?? inputs.context.baseUrl],
    ['Spec', `${summary.spec.title}, version ${summary.spec.version}`],
    ['Spec SHA-256', summary.spec.sha256],
    ['Tool', `${tool.name} ${tool.version}`],
    ['Date', summary.startedAt],
    ['Duration', `${(summary.durationMs / 1000).toFixed(1)} s`],
    ['Run ID', summary.runId],
    ['Seed', String(summary.seed)],
    ['Runs per property', String(summary.runs)],
  ];
  return { kind: 'table', head: ['Property', 'Value'], rows };
}

function totalsBlocks(summary: RunSummary): Block[] {
  const counts = countStatuses(summary.checks);
  return [
    { kind: 'heading', level: 2, text: 'Totals' },
    {
      kind: 'table',
      head: ['Passed', 'Failed', 'Skipped', 'Checks'],
      rows: [
        [
          { text: String(counts.passed), tone: 'passed' },
          { text: String(counts.failed), tone: counts.failed ? 'failed' : undefined },
          { text: String(counts.skipped), tone: counts.skipped ? 'skipped' : undefined },
          String(summary.checks.length),
        ],
      ],
    },
  ];
}

const unique = (values: string[]): string[] => [...new Set(values)];

/** Rows operations, columns checks, in first-seen order; `-` where a check does not apply. */
export function checkMatrix(checks: CheckRecord[]): { head: string[]; rows: Cell[][] } {
  const operations = unique(checks.map((c) => c.operationId));
  const names = unique(checks.map((c) => c.check));
  const status = new Map<string, CheckStatus>();
  for (const check of checks) {
    const key = checkKey(check);
    const seen = status.get(key);
    status.set(key, seen ? worse(seen, check.status) : check.status);
  }
  const rows = operations.map((operationId) => [
    { text: operationId },
    ...names.map((check): Cell => {
      const s = status.get(checkKey({ operationId, check }));
      return s ? { text: s, tone: s } : { text: '-', tone: 'absent' };
    }),
  ]);
  return { head: ['Operation', ...names], rows };
}

function matrixBlocks(summary: RunSummary): Block[] {
  return [
    { kind: 'heading', level: 2, text: 'Operations and checks' },
    { kind: 'table', ...checkMatrix(summary.checks) },
  ];
}

function failureBlocks(check: CheckRecord, context: RenderContext): Block[] {
  const details = failureDetails(check, context);
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: checkKey(check) },
    { kind: 'paragraph', text: details.message },
  ];
  if (check.failureId) {
    blocks.push({ kind: 'paragraph', text: `Failure id: ${check.failureId}` });
  }
  if (details.request) blocks.push({ kind: 'paragraph', text: 'Minimal request:' });
  if (details.request) blocks.push({ kind: 'code', text: details.request, language: 'http' });
  if (details.response) blocks.push({ kind: 'paragraph', text: 'Response:' });
  if (details.response) blocks.push({ kind: 'code', text: details.response, language: 'http' });
  if (details.curl) blocks.push({ kind: 'paragraph', text: 'Reproduce:' });
  if (details.curl) blocks.push({ kind: 'code', text: details.curl, language: 'sh' });
  return blocks;
}

function failuresBlocks(summary: RunSummary, context: RenderContext): Block[] {
  const failed = summary.checks.filter((c) => c.status === 'failed');
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: `Failures (${failed.length})` }];
  if (failed.length === 0) blocks.push({ kind: 'paragraph', text: 'None.' });
  return [...blocks, ...failed.flatMap((check) => failureBlocks(check, context))];
}

function skippedBlocks(summary: RunSummary): Block[] {
  const skipped = summary.checks.filter((c) => c.status === 'skipped');
  if (skipped.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: `Skipped checks (${skipped.length})` },
    {
      kind: 'table',
      head: ['Check', 'Reason'],
      rows: skipped.map((c) => [checkKey(c), c.message]),
    },
  ];
}

function observationBlocks(summary: RunSummary): Block[] {
  const items = summary.checks.flatMap((c) =>
    (c.observations ?? []).map((o) => `${checkKey(c)}: ${o}`),
  );
  if (items.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Observations (where the spec is silent; not failures)' },
    { kind: 'list', items },
  ];
}

function lintBlocks(findings: LintFinding[] | undefined): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Spec lint findings' }];
  if (!findings) return [...blocks, { kind: 'paragraph', text: 'Not provided for this run.' }];
  if (findings.length === 0) return [...blocks, { kind: 'paragraph', text: 'No findings.' }];
  const bySeverity = new Map<string, number>();
  for (const f of findings) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const counts = [...bySeverity].map(([severity, n]) => `${n} ${severity}`).join(', ');
  return [
    ...blocks,
    { kind: 'paragraph', text: `${findings.length} finding(s): ${counts}.` },
    {
      kind: 'table',
      head: ['Severity', 'Rule', 'Where', 'Finding'],
      rows: findings.map((f) => [
        { text: f.severity, tone: f.severity === 'error' ? 'failed' : 'warning' },
        f.rule,
        f.pointer,
        f.message,
      ]),
    },
  ];
}

const operationLabel = (op: DiffOperationRef): string =>
  `${op.operationId} (${op.method.toUpperCase()} ${op.path})`;

/** `response 200 offerLines[].revenueType`, `request query.top`. */
const changeLocation = (c: DeprecationChange): string =>
  [c.where, c.status, c.path].filter(Boolean).join(' ');

/** analysis/diff owns the shape of these lists; show references as such, anything else as JSON. */
function operationLike(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  const ref = entry as Partial<DiffOperationRef> | null;
  if (ref && typeof ref.operationId === 'string' && ref.method && ref.path) {
    return operationLabel(ref as DiffOperationRef);
  }
  return JSON.stringify(entry);
}

function deprecationBlocks(diff: DeprecationDiff | undefined): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Deprecated v0 operations and their v1 successors' },
  ];
  if (!diff) return [...blocks, { kind: 'paragraph', text: 'Not provided for this run.' }];
  blocks.push({
    kind: 'table',
    head: ['v0 (deprecated)', 'v1', 'Changes', 'Breaking'],
    rows: diff.pairs.map((pair) => {
      const breaking = pair.changes.filter((c) => c.breaking).length;
      return [
        operationLabel(pair.v0),
        operationLabel(pair.v1),
        String(pair.changes.length),
        { text: String(breaking), tone: breaking ? 'warning' : undefined },
      ];
    }),
  });
  for (const pair of diff.pairs.filter((p) => p.changes.length > 0)) {
    blocks.push({
      kind: 'heading',
      level: 3,
      text: `${pair.v0.operationId} -> ${pair.v1.operationId}`,
    });
    blocks.push({
      kind: 'table',
      head: ['Kind', 'Breaking', 'Where', 'Change'],
      rows: pair.changes.map((c) => [
        c.kind,
        { text: c.breaking ? 'yes' : 'no', tone: c.breaking ? 'warning' : undefined },
        changeLocation(c),
        c.rationale ? `${c.message} (${c.rationale})` : c.message,
      ]),
    });
  }
  if (diff.currentV0 && diff.currentV0.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'v0 operations not deprecated (still the current way):',
    });
    blocks.push({ kind: 'list', items: diff.currentV0.map(operationLike) });
  }
  if (diff.unresolved && diff.unresolved.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'Deprecated operations whose successor was not found:',
    });
    blocks.push({ kind: 'list', items: diff.unresolved.map(operationLike) });
  }
  return blocks;
}

function createdObjectBlocks(summary: RunSummary): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Objects created on the target' }];
  if (summary.createdObjects.length === 0) {
    return [...blocks, { kind: 'paragraph', text: 'None.' }];
  }
  return [
    ...blocks,
    {
      kind: 'paragraph',
      text: `${summary.createdObjects.length} object(s), listed so they can be found and cleaned up on the target.`,
    },
    {
      kind: 'table',
      head: ['Created by', 'dsLeadOpportunityId', 'partnerLeadOpportunityId'],
      rows: summary.createdObjects.map((o) => [
        o.operationId,
        o.dsLeadOpportunityId ?? '',
        o.partnerLeadOpportunityId ?? '',
      ]),
    },
  ];
}

/** The whole certification report as blocks, in reading order. */
export function certificationBlocks(inputs: CertificationInputs): Block[] {
  const { summary, context } = inputs;
  return [
    {
      kind: 'heading',
      level: 1,
      text: `Conformance report: ${summary.spec.title} ${summary.spec.version}`,
    },
    runFacts(inputs),
    ...totalsBlocks(summary),
    ...matrixBlocks(summary),
    ...failuresBlocks(summary, context),
    ...skippedBlocks(summary),
    ...observationBlocks(summary),
    ...lintBlocks(inputs.lintFindings),
    ...deprecationBlocks(inputs.deprecationDiff),
    ...createdObjectBlocks(summary),
    ...(inputs.baseline
      ? comparisonBlocks(compareRuns(inputs.baseline, summary), inputs.baseline)
      : []),
  ];
}

export function certificationTitle(summary: RunSummary): string {
  return `Conformance report: ${summary.spec.title} ${summary.spec.version} on ${summary.target.name}`;
}

export function certificationMarkdown(inputs: CertificationInputs): string {
  return toMarkdown(certificationBlocks(inputs));
}

export function certificationHtml(inputs: CertificationInputs): string {
  return toHtml(certificationBlocks(inputs), certificationTitle(inputs.summary));
}
