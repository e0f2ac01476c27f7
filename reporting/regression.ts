import type { CheckRecord, CheckStatus, RunSummary } from '../engine/types';
import { checkKey, worse } from './checks';
import { toMarkdown, type Block, type Cell } from './document';

export interface ComparedCheck {
  /** `operationId > check`. */
  key: string;
  operationId: string;
  check: string;
  baseline?: CheckStatus;
  current?: CheckStatus;
  /** The current message (the baseline's for removed checks). */
  message: string;
}

/**
 * Every check of either run lands in exactly one of the status-pair lists below, except that a
 * failing check absent from the baseline is listed both in `added` and in `newFailures`: it is
 * new, and it is a failure the baseline did not have, so it must trip a `--fail-on new` gate.
 */
export interface RunComparison {
  /** Failing now; passed, was skipped, or did not exist in the baseline. */
  newFailures: ComparedCheck[];
  /** Failed in the baseline, passes now. */
  fixed: ComparedCheck[];
  stillFailing: ComparedCheck[];
  /** Only in the current run (any status). */
  added: ComparedCheck[];
  /** Only in the baseline. */
  removed: ComparedCheck[];
  unchangedPassing: ComparedCheck[];
  /** Verified in the baseline (passed or failed), skipped now: coverage was lost. */
  nowSkipped: ComparedCheck[];
  /** Skipped in the baseline, passes now. */
  nowPassing: ComparedCheck[];
  /** Skipped in both. */
  stillSkipped: ComparedCheck[];
}

type Verdicts = Map<string, CheckRecord>;

/** One verdict per key; a check recorded twice keeps its worse status. */
function verdictsOf(summary: RunSummary): Verdicts {
  const verdicts: Verdicts = new Map();
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

type PairList = Exclude<keyof RunComparison, 'added' | 'removed'>;

/** Where a check present in both runs goes, by (baseline, current) status. */
const PAIR_LISTS: Record<CheckStatus, Record<CheckStatus, PairList>> = {
  passed: { passed: 'unchangedPassing', failed: 'newFailures', skipped: 'nowSkipped' },
  failed: { passed: 'fixed', failed: 'stillFailing', skipped: 'nowSkipped' },
  skipped: { passed: 'nowPassing', failed: 'newFailures', skipped: 'stillSkipped' },
};

/** How the current run differs from the baseline, check by check (`operationId > check`). */
export function compareRuns(baseline: RunSummary, current: RunSummary): RunComparison {
  const result: RunComparison = {
    newFailures: [],
    fixed: [],
    stillFailing: [],
    added: [],
    removed: [],
    unchangedPassing: [],
    nowSkipped: [],
    nowPassing: [],
    stillSkipped: [],
  };
  const before = verdictsOf(baseline);
  const after = verdictsOf(current);
  for (const [key, now] of after) {
    const then = before.get(key);
    const entry = compared(key, then, now);
    if (!then) {
      result.added.push(entry);
      if (now.status === 'failed') result.newFailures.push(entry);
    } else {
      result[PAIR_LISTS[then.status][now.status]].push(entry);
    }
  }
  for (const [key, then] of before) {
    if (!after.has(key)) result.removed.push(compared(key, then, undefined));
  }
  return result;
}

export type FailOn = 'new' | 'any';

export const FAIL_ON_VALUES: readonly FailOn[] = ['new', 'any'];

/** True when the run verified something: a run where every check was skipped proves nothing. */
export function verifiedAnything(summary: RunSummary): boolean {
  return summary.checks.some((check) => check.status !== 'skipped');
}

/**
 * The gate: 1 when the run must fail CI. `new` fails only on failures the baseline did not
 * have; `any` on any failure. A run that verified nothing fails either way.
 */
export function regressionExitCode(
  comparison: RunComparison,
  failOn: FailOn,
  current: RunSummary,
): 0 | 1 {
  if (!verifiedAnything(current)) return 1;
  if (failOn === 'new') return comparison.newFailures.length > 0 ? 1 : 0;
  return current.checks.some((check) => check.status === 'failed') ? 1 : 0;
}

interface Section {
  title: string;
  list: keyof RunComparison;
  /** Sections listed check by check; the others are only counted. */
  detailed: boolean;
}

const SECTIONS: Section[] = [
  { title: 'New failures', list: 'newFailures', detailed: true },
  { title: 'Fixed', list: 'fixed', detailed: true },
  { title: 'Still failing', list: 'stillFailing', detailed: true },
  { title: 'Verified before, skipped now', list: 'nowSkipped', detailed: true },
  { title: 'Skipped before, passing now', list: 'nowPassing', detailed: true },
  { title: 'Added checks', list: 'added', detailed: true },
  { title: 'Removed checks', list: 'removed', detailed: true },
  { title: 'Unchanged passing', list: 'unchangedPassing', detailed: false },
  { title: 'Still skipped', list: 'stillSkipped', detailed: false },
];

const transition = (entry: ComparedCheck): string =>
  `${entry.baseline ?? 'absent'} -> ${entry.current ?? 'absent'}`;

function countsLine(comparison: RunComparison): string {
  return SECTIONS.map((s) => `${s.title.toLowerCase()}: ${comparison[s.list].length}`).join(', ');
}

/** For the terminal: counts first, then the checks that changed. */
export function renderComparisonText(comparison: RunComparison): string {
  const lines = [countsLine(comparison)];
  for (const section of SECTIONS) {
    const entries = comparison[section.list];
    if (!section.detailed || entries.length === 0) continue;
    lines.push('', `${section.title} (${entries.length}):`);
    for (const entry of entries) {
      lines.push(`  ${entry.key}  [${transition(entry)}]  ${entry.message.split('\n')[0]}`);
    }
  }
  return lines.join('\n');
}

/** The regression section of the certification report. */
export function comparisonBlocks(
  comparison: RunComparison,
  baseline: Pick<RunSummary, 'runId' | 'startedAt'>,
): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Regression against the baseline' },
    { kind: 'paragraph', text: `Baseline: run ${baseline.runId} of ${baseline.startedAt}.` },
    {
      kind: 'table',
      head: ['Change', 'Checks'],
      rows: SECTIONS.map((s) => [s.title, String(comparison[s.list].length)]),
    },
  ];
  for (const section of SECTIONS) {
    const entries = comparison[section.list];
    if (!section.detailed || entries.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: section.title });
    blocks.push({
      kind: 'table',
      head: ['Check', 'Baseline', 'Current', 'Message'],
      rows: entries.map((e) => [e.key, statusCell(e.baseline), statusCell(e.current), e.message]),
    });
  }
  return blocks;
}

const statusCell = (status: CheckStatus | undefined): Cell =>
  status ? { text: status, tone: status } : { text: '-', tone: 'absent' };

export function renderComparisonMarkdown(
  comparison: RunComparison,
  baseline: Pick<RunSummary, 'runId' | 'startedAt'>,
): string {
  return toMarkdown(comparisonBlocks(comparison, baseline));
}
