import type { Step } from '../checks/types';
import type { HttpRequest, HttpResponse } from '../model';
import type { TargetInfo } from './config';
import type { Coverage } from './coverage';

export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'error';
export type Verdict = 'CONFORMANT' | 'NOT CONFORMANT' | 'INCONCLUSIVE';

/** A request's size: the JSON fields it carries and its bytes on the wire. */
export interface RequestSize {
  fields: number;
  bytes: number;
}

/** The smallest request that still fails the same way, found by shrinking through the target. */
export interface ShrinkRecord {
  request: HttpRequest;
  response?: HttpResponse;
  curl?: string;
  from: RequestSize;
  to: RequestSize;
  /** Extra requests spent shrinking. */
  requests: number;
}

/** A stateful failure, replayable as the whole sequence (values that flow between steps as placeholders). */
export interface SequenceRecord {
  name: string;
  steps: Step[];
  params: Record<string, unknown>;
}

/** How a generated request was made: `replay` judges it again with its check's judge. */
export interface GeneratedRecord {
  kind: 'valid' | 'valid-coverage' | 'invalid' | 'coverage';
  label?: {
    violation: string;
    pointer: string;
    expected: { answers: Array<{ status: number; code?: string }>; source: string };
    reason: string;
  };
}

/** One failure signature of a run: every failure alike (check, operation, kind, pointer, expected) grouped. */
export interface FailureRecord {
  /** `replay ID` takes it; the same defect gets the same id in every run. */
  id: string;
  check: string;
  operationId: string;
  kind: string;
  pointer?: string;
  expected: string;
  actual: string;
  source: string;
  /** How many times the run met it. */
  count: number;
  /** The smallest example, API key redacted. */
  request?: HttpRequest;
  response?: HttpResponse;
  curl?: string;
  sequence?: SequenceRecord;
  generated?: GeneratedRecord;
  shrunk?: ShrinkRecord;
}

/** The verdict of one named check on one operation, over every exchange it judged. */
export interface CheckRecord {
  operationId: string;
  check: string;
  status: CheckStatus;
  /** Why it failed or was skipped; for a pass, what was verified. */
  message: string;
  /** How many exchanges the check judged. */
  exchanges: number;
  /** Ids of its failures (see `failures` of the summary). */
  failures?: string[];
  /** The target kept it from concluding, wholly (skipped) or in part (passed): not a clean pass. */
  inconclusive?: boolean;
  /** Things seen where the spec is silent: recorded, not failed. */
  observations?: string[];
  /** The suite's own defect, while judging: this check has no verdict. */
  error?: { message: string; request?: HttpRequest; trace?: string };
}

export interface ExcuseUse {
  check: string;
  excuse: string;
  allows: string;
  count: number;
  /** One case it let through. */
  example?: string;
}

export interface Observation {
  operationId?: string;
  check?: string;
  text: string;
  count: number;
}

export interface CreatedObject {
  operationId: string;
  dsLeadOpportunityId?: string;
  partnerLeadOpportunityId?: string;
}

/** An operation the run judged, and the suite file (part) that shows its checks. */
export interface JudgedOperation {
  operationId: string;
  method: string;
  path: string;
  version: string;
  deprecated: boolean;
  tags: string[];
  part: number;
}

export interface RunSummary {
  tool: { name: string; version: string };
  target: TargetInfo;
  spec: { title: string; version: string; path: string; sha256: string };
  runId: string;
  seed: number;
  runs: number;
  startedAt: string;
  durationMs: number;
  shard?: { index: number; count: number };
  settings: {
    timeoutMs: number;
    maxBodyMb: number;
    maxWaitS: number;
    shrinkBudget: number;
    rateLimitProbe: boolean;
    secondKey: boolean;
    operations?: string[];
    checks?: string[];
    excludeChecks?: string[];
    customChecks?: string[];
  };
  verdict: Verdict;
  totals: { passed: number; failed: number; skipped: number; errors: number };
  operations: JudgedOperation[];
  /** Requests sent, shrinking included. */
  requests: number;
  checks: CheckRecord[];
  failures: FailureRecord[];
  excuses: ExcuseUse[];
  observations: Observation[];
  coverage?: Coverage;
  createdObjects: CreatedObject[];
}

/** The run's verdict: a failure is decisive; a run that verified nothing, or could not conclude, is not a pass. */
export function verdictOf(checks: Pick<CheckRecord, 'status' | 'inconclusive'>[]): Verdict {
  if (checks.some((c) => c.status === 'failed')) return 'NOT CONFORMANT';
  if (!checks.some((c) => c.status === 'passed')) return 'INCONCLUSIVE';
  if (checks.some((c) => c.status === 'error' || c.inconclusive)) return 'INCONCLUSIVE';
  return 'CONFORMANT';
}

export function totalsOf(checks: Pick<CheckRecord, 'status'>[]): RunSummary['totals'] {
  const totals = { passed: 0, failed: 0, skipped: 0, errors: 0 };
  for (const c of checks) {
    if (c.status === 'error') totals.errors++;
    else totals[c.status]++;
  }
  return totals;
}
