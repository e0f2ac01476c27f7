import type { Exchange } from '../model/exchange';
import type { RunSummary } from '../engine/summary';

/**
 * Structural copies of what analysis/lint and analysis/diff produce. Reporting only needs these fields,
 * and declaring them here keeps reporting free of a dependency on those modules' internals:
 * anything with at least these fields can be reported.
 */
export interface LintFinding {
  severity: string;
  rule: string;
  pointer: string;
  message: string;
}

export interface DiffOperationRef {
  operationId: string;
  method: string;
  path: string;
}

export interface DeprecationChange {
  kind: string;
  breaking: boolean;
  /** `request` or `response`. */
  where: string;
  /** Response status, for response changes. */
  status?: string;
  /** Where in the message: `offerLines[].revenueType`, `query.top`. */
  path?: string;
  v0Pointer?: string;
  v1Pointer?: string;
  /** Why it is (not) breaking. */
  rationale?: string;
  message: string;
}

export interface DeprecationPair {
  v0: DiffOperationRef;
  v1: DiffOperationRef;
  changes: DeprecationChange[];
}

export interface DeprecationDiff {
  pairs: DeprecationPair[];
  /** v0 operations that are not deprecated: still the current way (rendered leniently). */
  currentV0?: unknown[];
  /** Deprecated operations whose successor could not be found. */
  unresolved?: unknown[];
}

/** Everything the runner hands over at the end of a run. */
export interface ReportInputs {
  summary: RunSummary;
  exchanges: Exchange[];
  /** Name of the API key header, from the spec's security scheme (see keyHeaderOf). */
  keyHeader: string;
  /** The API keys actually used (mock: its public constants). Never written; used to redact. */
  secrets?: string[];
  /** Stack traces of the suite's own errors: written to errors.log, never to the terminal. */
  traces?: Array<{ operationId: string; check: string; trace: string }>;
  /** Base URL the exchanges were sent to; defaults to summary.target.baseUrl. */
  baseUrl?: string;
  lintFindings?: LintFinding[];
  deprecationDiff?: DeprecationDiff;
  /** A previous run to compare with: adds the regression section and regression.json. */
  baseline?: RunSummary;
}

export type { ToolInfo } from '../engine/tool-info';
