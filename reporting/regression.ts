import type { CheckRecord, CheckStatus, FailureRecord, RunSummary } from '../engine/summary';
import { checkKey, worse } from './checks';
import { toMarkdown, type Block, type Cell } from './document';
import { failureLine } from './failure-details';

export interface ComparedCheck {
  /** `operationId > check`. */
  key: string;
  operationId: string;
  check: string;
  baseline?: CheckStatus;
  current?: CheckStatus;
  message: string;
}

export interface ComparedFailure {
  id: string;
  key: string;
  /** One line: kind, place, expected, got. */
  line: string;
}

/**
 * How a run differs from a baseline. Failures are compared by signature (check, operation,
 * kind, place, expected): a new defect under a check that already failed is still new.
 */
export interface RunComparison {
  /** Failure signatures the baseline did not have. */
  newFailures: ComparedFailure[];
  /** Signatures the baseline had and this run, having judged the check, no longer has. */
  fixed: ComparedFailure[];
  stillFailing: ComparedFailure[];
  /** Verified in the baseline (passed or failed), skipped now: coverage was lost. */
  nowSkipped: ComparedCheck[];
  /** Skipped in the baseline, verified now. */
  nowVerified: ComparedCheck[];
  /** Checks only in this run / only in the baseline. */
  added: ComparedCheck[];
  removed: ComparedCheck[];
  unchangedPassing: ComparedCheck[];
  stillSkipped: ComparedCheck[];
}

/** One verdict per key; a check recorded twice keeps its worse status. */
function verdictsOf(summary: RunSummary): Map<string, CheckRecord> {
  const verdicts = new Map<string, CheckRecord>();
  for (const check of summary.checks) {
    const key = checkKey(check);
    const seen = verdicts.get(key);
    if (!seen || worse(seen.status, check.status) !== seen.status) verdicts.set(key, check);
  }
  return verdicts;
}

function compared(
  key: string,
  baseline: CheckRecord | undefined,
  current: CheckRecord | undefined,
): ComparedCheck {
  const record = (current ?? baseline) as CheckRecord;
  return {
    key,
    operationId: record.operationId,
    check: record.check,
    baseline: baseline?.status,
    current: current?.status,
    message: record.message,
  };
}

const comparedFailure = (f: FailureRecord): ComparedFailure => ({
  id: f.id,
  key: checkKey(f),
  line: failureLine(f),
});
const verified = (s: CheckStatus | undefined): boolean => s === 'passed' || s === 'failed';

export function compareRuns(baseline: RunSummary, current: RunSummary): RunComparison {
  const result: RunComparison = {
    newFailures: [],
    fixed: [],
    stillFailing: [],
    nowSkipped: [],
    nowVerified: [],
    added: [],
    removed: [],
    unchangedPassing: [],
    stillSkipped: [],
  };
  const before = verdictsOf(baseline);
  const after = verdictsOf(current);
  const baseFailures = new Map(baseline.failures.map((f) => [f.id, f]));
  const nowFailures = new Map(current.failures.map((f) => [f.id, f]));
  for (const [id, f] of nowFailures) {
    (baseFailures.has(id) ? result.stillFailing : result.newFailures).push(comparedFailure(f));
  }
  for (const [id, f] of baseFailures) {
    if (nowFailures.has(id)) continue;
    // Fixed only where this run judged the check again; a check now skipped is listed as such.
    if (verified(after.get(checkKey(f))?.status)) result.fixed.push(comparedFailure(f));
  }
  for (const [key, now] of after) {
    const then = before.get(key);
    if (!then) result.added.push(compared(key, undefined, now));
    else if (verified(then.status) && now.status === 'skipped')
      result.nowSkipped.push(compared(key, then, now));
    else if (then.status === 'skipped' && verified(now.status))
      result.nowVerified.push(compared(key, then, now));
    else if (then.status === 'passed' && now.status === 'passed')
      result.unchangedPassing.push(compared(key, then, now));
    else if (then.status === 'skipped' && now.status === 'skipped')
      result.stillSkipped.push(compared(key, then, now));
  }
  for (const [key, then] of before)
    if (!after.has(key)) result.removed.push(compared(key, then, undefined));
  return result;
}

interface Section {
  title: string;
  list: keyof RunComparison;
  /** Sections listed item by item; the others are only counted. */
  detailed: boolean;
}

const SECTIONS: Section[] = [
  { title: 'New failures', list: 'newFailures', detailed: true },
  { title: 'Fixed', list: 'fixed', detailed: true },
  { title: 'Still failing', list: 'stillFailing', detailed: true },
  { title: 'Verified before, skipped now', list: 'nowSkipped', detailed: true },
  { title: 'Skipped before, verified now', list: 'nowVerified', detailed: true },
  { title: 'Added checks', list: 'added', detailed: true },
  { title: 'Removed checks', list: 'removed', detailed: true },
  { title: 'Unchanged passing', list: 'unchangedPassing', detailed: false },
  { title: 'Still skipped', list: 'stillSkipped', detailed: false },
];

const isFailure = (entry: ComparedCheck | ComparedFailure): entry is ComparedFailure =>
  'line' in entry;

const entryText = (entry: ComparedCheck | ComparedFailure): string =>
  isFailure(entry)
    ? `${entry.key} [${entry.id}] ${entry.line}`
    : `${entry.key}  [${entry.baseline ?? 'absent'} -> ${entry.current ?? 'absent'}]  ${entry.message.split('\n')[0]}`;

/** For the terminal: counts first, then what changed. */
export function renderComparisonText(comparison: RunComparison): string {
  const lines = [
    SECTIONS.map((s) => `${s.title.toLowerCase()}: ${comparison[s.list].length}`).join(', '),
  ];
  for (const section of SECTIONS) {
    const entries = comparison[section.list];
    if (!section.detailed || entries.length === 0) continue;
    lines.push('', `${section.title} (${entries.length}):`);
    for (const entry of entries) lines.push(`  ${entryText(entry)}`);
  }
  return lines.join('\n');
}

const statusCell = (status: CheckStatus | undefined): Cell =>
  status
    ? { text: status, tone: status === 'error' ? 'failed' : status }
    : { text: '-', tone: 'absent' };

/** The regression section of the certification report. */
export function comparisonBlocks(
  comparison: RunComparison,
  baseline: Pick<RunSummary, 'runId' | 'startedAt'>,
): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Regression against the baseline' },
    {
      kind: 'paragraph',
      text: `Baseline: run ${baseline.runId} of ${baseline.startedAt}. Failures are compared by signature.`,
    },
    {
      kind: 'table',
      head: ['Change', 'Count'],
      rows: SECTIONS.map((s) => [s.title, String(comparison[s.list].length)]),
    },
  ];
  for (const section of SECTIONS) {
    const entries = comparison[section.list];
    if (!section.detailed || entries.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: section.title });
    blocks.push(
      entries.every(isFailure)
        ? {
            kind: 'table',
            head: ['Failure', 'Check', 'What'],
            rows: (entries as ComparedFailure[]).map((e) => [e.id, e.key, e.line]),
          }
        : {
            kind: 'table',
            head: ['Check', 'Baseline', 'Current', 'Message'],
            rows: (entries as ComparedCheck[]).map((e) => [
              e.key,
              statusCell(e.baseline),
              statusCell(e.current),
              e.message,
            ]),
          },
    );
  }
  return blocks;
}

export function renderComparisonMarkdown(
  comparison: RunComparison,
  baseline: Pick<RunSummary, 'runId' | 'startedAt'>,
): string {
  return toMarkdown(comparisonBlocks(comparison, baseline));
}
