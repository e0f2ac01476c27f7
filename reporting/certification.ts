import { DIMENSIONS, type Dimension } from '../engine/coverage';
import type { CheckStatus, RunSummary } from '../engine/summary';
import { checkKey, worse } from './checks';
import { toHtml, toMarkdown, type Block, type Tone } from './document';
import { failureDetails, type RenderContext } from './failure-details';
import { shortNames } from './matrix';
import { comparisonBlocks, compareRuns } from './regression';
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

const VERDICT_TONE: Record<RunSummary['verdict'], Tone> = {
  CONFORMANT: 'passed',
  'NOT CONFORMANT': 'failed',
  INCONCLUSIVE: 'warning',
};

/** One sentence under the verdict: what decided it. */
export function verdictLine(summary: RunSummary): string {
  const { passed, failed, skipped, errors } = summary.totals;
  const counts = `${passed} passed, ${failed} failed, ${skipped} skipped${errors ? `, ${errors} internal errors` : ''} of ${summary.checks.length} checks`;
  if (summary.verdict === 'NOT CONFORMANT')
    return `${summary.failures.length} distinct failure(s) — ${counts}`;
  if (summary.verdict === 'INCONCLUSIVE') {
    if (errors) return `the suite met its own error in ${errors} check(s) — ${counts}`;
    if (passed === 0) return `nothing was verified — ${counts}`;
    return `some checks could not conclude (rate limits, unanswered requests) — ${counts}`;
  }
  return `every verified check passed — ${counts}`;
}

function banner(inputs: CertificationInputs): Block {
  const { summary } = inputs;
  const tool = inputs.tool ?? summary.tool;
  return {
    kind: 'banner',
    verdict: summary.verdict,
    tone: VERDICT_TONE[summary.verdict],
    line: verdictLine(summary),
    facts: [
      [
        'Target',
        `${summary.target.name}${summary.target.baseUrl ? ` — ${summary.target.baseUrl}` : ''}`,
      ],
      ['Spec', `${summary.spec.title}, version ${summary.spec.version}`],
      ['Spec SHA-256', summary.spec.sha256],
      ['Date', summary.startedAt],
      ['Seed', `${summary.seed} (runs ${summary.runs})`],
      [
        'Run',
        `${summary.runId}${summary.shard ? `, shard ${summary.shard.index}/${summary.shard.count}` : ''}`,
      ],
      ['Requests', `${summary.requests} in ${(summary.durationMs / 1000).toFixed(1)} s`],
      ['Tool', `${tool.name} ${tool.version}`],
    ],
  };
}

const TONE: Record<CheckStatus, Tone> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  error: 'error',
};

/** Checks as rows, operations as short columns: fits a laptop screen, whatever the check names. */
function matrixBlocks(summary: RunSummary): Block[] {
  const ops = [...new Set(summary.checks.map((c) => c.operationId))];
  const checks = [...new Set(summary.checks.map((c) => c.check))];
  const names = shortNames(ops);
  const status = new Map<string, CheckStatus>();
  for (const c of summary.checks) {
    const seen = status.get(checkKey(c));
    status.set(checkKey(c), seen ? worse(seen, c.status) : c.status);
  }
  return [
    { kind: 'heading', level: 2, text: 'Checks by operation', id: 'matrix' },
    {
      kind: 'matrix',
      columns: ops.map((o) => ({ short: names.get(o) as string, full: o })),
      rows: checks.map((check) => ({
        label: check,
        cells: ops.map((o) => {
          const s = status.get(checkKey({ operationId: o, check }));
          return s ? TONE[s] : undefined;
        }),
      })),
    },
  ];
}

function failureBlocks(summary: RunSummary, context: RenderContext): Block[] {
  const blocks: Block[] = [
    {
      kind: 'heading',
      level: 2,
      text: `Failures (${summary.failures.length} signatures)`,
      id: 'failures',
    },
  ];
  if (summary.failures.length === 0) return [...blocks, { kind: 'paragraph', text: 'None.' }];
  for (const f of summary.failures) {
    const d = failureDetails(f, context);
    blocks.push({ kind: 'heading', level: 3, text: `[${f.id}] ${f.operationId} > ${f.check}` });
    blocks.push({ kind: 'paragraph', text: d.message });
    blocks.push({ kind: 'paragraph', text: `Where the spec says so: ${d.source}` });
    if (d.steps) blocks.push({ kind: 'list', items: d.steps });
    if (d.shrunk) {
      blocks.push({
        kind: 'code',
        label: `Shrunk request (${d.shrunk.sizes})`,
        text: d.shrunk.request,
        language: 'http',
      });
      if (d.shrunk.response)
        blocks.push({ kind: 'code', label: 'Response', text: d.shrunk.response, language: 'http' });
      blocks.push({ kind: 'code', label: 'Reproduce', text: d.shrunk.curl, language: 'sh' });
    } else {
      if (d.request)
        blocks.push({
          kind: 'code',
          label: 'Smallest failing request',
          text: d.request,
          language: 'http',
        });
      if (d.response)
        blocks.push({ kind: 'code', label: 'Response', text: d.response, language: 'http' });
      if (d.curl) blocks.push({ kind: 'code', label: 'Reproduce', text: d.curl, language: 'sh' });
    }
    blocks.push({
      kind: 'paragraph',
      text: `Replay against another target: npm run conformance -- replay ${f.id} --target <target>`,
    });
  }
  return blocks;
}

function errorBlocks(summary: RunSummary): Block[] {
  const errors = summary.checks.filter((c) => c.status === 'error');
  if (errors.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: `Internal errors of the suite (${errors.length})` },
    {
      kind: 'paragraph',
      text: 'Defects of the suite itself, not of the target: these checks have no verdict. Full traces are in errors.log.',
    },
    { kind: 'table', head: ['Check', 'Error'], rows: errors.map((c) => [checkKey(c), c.message]) },
  ];
}

function coverageBlocks(summary: RunSummary): Block[] {
  const coverage = summary.coverage;
  if (!coverage) return [];
  const dims = Object.keys(DIMENSIONS) as Dimension[];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Spec coverage', id: 'coverage' },
    { kind: 'paragraph', text: 'What of the spec this run exercised, from its exchanges.' },
    {
      kind: 'table',
      head: ['Dimension', 'Covered', 'Percent'],
      rows: dims.map((d) => {
        const t = coverage.totals[d];
        return [
          DIMENSIONS[d],
          `${t.covered} / ${t.total}`,
          { text: `${t.percent}%`, tone: t.percent === 100 ? 'passed' : 'warning' },
        ];
      }),
    },
  ];
  const missing = coverage.operations.flatMap((o) =>
    dims.flatMap((d) =>
      o.dimensions[d].missing.map((m) => [o.operationId, DIMENSIONS[d], m.item, m.reason]),
    ),
  );
  if (missing.length > 0) {
    blocks.push({
      kind: 'details',
      summary: `Not covered (${missing.length}), with why`,
      blocks: [{ kind: 'table', head: ['Operation', 'Dimension', 'Item', 'Why'], rows: missing }],
    });
  }
  return blocks;
}

function latitudeBlocks(summary: RunSummary): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Latitude used', id: 'latitude' }];
  if (summary.excuses.length === 0)
    return [
      ...blocks,
      { kind: 'paragraph', text: 'None: every verdict followed the spec to the letter.' },
    ];
  return [
    ...blocks,
    {
      kind: 'paragraph',
      text: 'Where the spec is silent or contradicts itself, a check accepts each reading; each such latitude is listed with how often it was taken.',
    },
    {
      kind: 'table',
      head: ['Check', 'Excuse', 'What it let through', 'Times', 'Example'],
      rows: summary.excuses.map((e) => [
        e.check,
        e.excuse,
        e.allows,
        String(e.count),
        e.example ?? '',
      ]),
    },
  ];
}

function observationBlocks(summary: RunSummary): Block[] {
  const items = [
    ...summary.observations.map(
      (o) =>
        `${o.operationId ? `${o.operationId}: ` : ''}${o.text}${o.count > 1 ? ` (${o.count} times)` : ''}`,
    ),
    ...summary.checks.flatMap((c) => (c.observations ?? []).map((o) => `${checkKey(c)}: ${o}`)),
  ];
  if (items.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: 'Observations (where the spec is silent; not failures)' },
    { kind: 'list', items },
  ];
}

function skippedBlocks(summary: RunSummary): Block[] {
  const skipped = summary.checks.filter((c) => c.status === 'skipped');
  if (skipped.length === 0) return [];
  return [
    {
      kind: 'details',
      summary: `Skipped checks (${skipped.length}), with why`,
      blocks: [
        {
          kind: 'table',
          head: ['Check', 'Why'],
          rows: skipped.map((c) => [
            checkKey(c),
            `${c.inconclusive ? 'inconclusive: ' : ''}${c.message}`,
          ]),
        },
      ],
    },
  ];
}

function lintBlocks(findings: LintFinding[] | undefined): Block[] {
  if (!findings) return [];
  const bySeverity = new Map<string, number>();
  for (const f of findings) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  const counts = [...bySeverity].map(([severity, n]) => `${n} ${severity}`).join(', ');
  return [
    {
      kind: 'details',
      summary: `Spec lint: ${findings.length} finding(s)${counts ? ` (${counts})` : ''}`,
      blocks: [
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
      ],
    },
  ];
}

const operationLabel = (op: DiffOperationRef): string =>
  `${op.operationId} (${op.method.toUpperCase()} ${op.path})`;
const changeLocation = (c: DeprecationChange): string =>
  [c.where, c.status, c.path].filter(Boolean).join(' ');

/** analysis/diff owns the shape of these lists; show references as such, anything else as JSON. */
function operationLike(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  const ref = entry as Partial<DiffOperationRef> | null;
  if (ref && typeof ref.operationId === 'string' && ref.method && ref.path)
    return operationLabel(ref as DiffOperationRef);
  return JSON.stringify(entry);
}

function deprecationBlocks(diff: DeprecationDiff | undefined): Block[] {
  if (!diff) return [];
  const breaking = diff.pairs.reduce((n, p) => n + p.changes.filter((c) => c.breaking).length, 0);
  const inner: Block[] = [
    {
      kind: 'table',
      head: ['v0 (deprecated)', 'v1', 'Changes', 'Breaking'],
      rows: diff.pairs.map((pair) => {
        const n = pair.changes.filter((c) => c.breaking).length;
        return [
          operationLabel(pair.v0),
          operationLabel(pair.v1),
          String(pair.changes.length),
          { text: String(n), tone: n ? 'warning' : undefined },
        ];
      }),
    },
  ];
  for (const pair of diff.pairs.filter((p) => p.changes.length > 0)) {
    inner.push({
      kind: 'heading',
      level: 3,
      text: `${pair.v0.operationId} -> ${pair.v1.operationId}`,
    });
    inner.push({
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
  if (diff.currentV0?.length)
    inner.push(
      { kind: 'paragraph', text: 'v0 operations not deprecated (still the current way):' },
      { kind: 'list', items: diff.currentV0.map(operationLike) },
    );
  if (diff.unresolved?.length)
    inner.push(
      { kind: 'paragraph', text: 'Deprecated operations whose successor was not found:' },
      { kind: 'list', items: diff.unresolved.map(operationLike) },
    );
  return [
    {
      kind: 'details',
      summary: `v0 -> v1 migration: ${diff.pairs.length} pair(s), ${breaking} breaking change(s)`,
      blocks: inner,
    },
  ];
}

function createdObjectBlocks(summary: RunSummary): Block[] {
  if (summary.createdObjects.length === 0) return [];
  return [
    {
      kind: 'details',
      summary: `Objects created on the target (${summary.createdObjects.length}), to find and clean up`,
      blocks: [
        {
          kind: 'table',
          head: ['Created by', 'dsLeadOpportunityId', 'partnerLeadOpportunityId'],
          rows: summary.createdObjects.map((o) => [
            o.operationId,
            o.dsLeadOpportunityId ?? '',
            o.partnerLeadOpportunityId ?? '',
          ]),
        },
      ],
    },
  ];
}

export function certificationTitle(summary: RunSummary): string {
  return `${summary.verdict}: ${summary.spec.title} ${summary.spec.version} on ${summary.target.name}`;
}

/** The whole certification report as blocks, in reading order: the verdict first. */
export function certificationBlocks(inputs: CertificationInputs): Block[] {
  const { summary, context } = inputs;
  return [
    {
      kind: 'heading',
      level: 1,
      text: `Conformance certification: ${summary.spec.title} ${summary.spec.version}`,
    },
    banner(inputs),
    ...matrixBlocks(summary),
    ...failureBlocks(summary, context),
    ...errorBlocks(summary),
    ...coverageBlocks(summary),
    ...latitudeBlocks(summary),
    ...observationBlocks(summary),
    ...(inputs.baseline
      ? comparisonBlocks(compareRuns(inputs.baseline, summary), inputs.baseline)
      : []),
    { kind: 'heading', level: 2, text: 'Details' },
    ...skippedBlocks(summary),
    ...lintBlocks(inputs.lintFindings),
    ...deprecationBlocks(inputs.deprecationDiff),
    ...createdObjectBlocks(summary),
  ];
}

export function certificationMarkdown(inputs: CertificationInputs): string {
  return toMarkdown(certificationBlocks(inputs));
}

export function certificationHtml(inputs: CertificationInputs): string {
  return toHtml(certificationBlocks(inputs), certificationTitle(inputs.summary));
}
