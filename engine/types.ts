import type { HttpRequest, HttpResponse } from '../model/exchange';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** The verdict of one named check on one operation, over every exchange it looked at. */
export interface CheckRecord {
  operationId: string;
  check: string;
  status: CheckStatus;
  /** Why it failed or was skipped; for a pass, what was verified. */
  message: string;
  /** The first failing (minimal) exchange, API key redacted. */
  request?: HttpRequest;
  response?: HttpResponse;
  /** A curl line reproducing `request`, the key shown as $API4PARTNERS_API_KEY. */
  curl?: string;
  /** Stable id of a saved failure, for `conformance replay ID`. */
  failureId?: string;
  /** How many exchanges the check judged. */
  exchanges: number;
  /** Things seen where the spec is silent: recorded, not failed. */
  observations?: string[];
}

export interface TargetInfo {
  /** `mock`, a server name from the spec (`qal`), or `url`. */
  name: string;
  kind: 'mock' | 'remote';
  baseUrl?: string;
}

export interface CreatedObject {
  operationId: string;
  dsLeadOpportunityId?: string;
  partnerLeadOpportunityId?: string;
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
  totals: { passed: number; failed: number; skipped: number };
  checks: CheckRecord[];
  createdObjects: CreatedObject[];
}
