import type { AnsweredExchange, Exchange, HttpRequest } from '../model/exchange';
import type { DocumentedOutcome, OperationModel, SpecModel, ViolationKind } from '../model';

/**
 * What went wrong, typed: enough to group failures, compare them across runs and explain them.
 * `check`, `kind`, `pointer` and `expected` make the failure's signature, so they carry no
 * run-specific data (no ids, no timestamps): that goes into `actual`.
 */
export interface FailureDetail {
  /** How the rule was broken, in a few kebab-case words: `undocumented-status`, `lost-value`. */
  kind: string;
  /** Where: `/body/info/statusCode` (response), `/request/body/leadOpportunity/closeDate`, `/headers/x-ratelimit-remaining`. */
  pointer?: string;
  /** What the spec says should happen. */
  expected: string;
  /** What the server did. */
  actual: string;
  /** Where the spec says so: a pointer into it, or a short quote. */
  source: string;
}

/** A named latitude a check gives where the spec is silent or contradicts itself. */
export interface Excuse {
  name: string;
  /** What it lets through. */
  allows: string;
  /** When it applies (and why the spec leaves room for it). */
  when: string;
}

export type Verdict =
  | { kind: 'pass'; note?: string; excused?: Excuse[] }
  | { kind: 'fail'; failure: FailureDetail }
  /** Not applicable, or nothing can be concluded: never a pass, never a failure. */
  | { kind: 'skip'; reason: string; inconclusive?: boolean };

export const pass = (note?: string): Verdict => ({ kind: 'pass', note });
/** A pass that needed an excuse: recorded, so every latitude taken shows in the report. */
export const excusedPass = (excuse: Excuse | Excuse[], note: string): Verdict => ({
  kind: 'pass',
  note,
  excused: Array.isArray(excuse) ? excuse : [excuse],
});
export const fail = (failure: FailureDetail): Verdict => ({ kind: 'fail', failure });
export const skip = (reason: string): Verdict => ({ kind: 'skip', reason });
/** The target kept the check from concluding (still rate limited, no answer): not a pass. */
export const inconclusive = (reason: string): Verdict => ({
  kind: 'skip',
  reason,
  inconclusive: true,
});

/** What every judge may read: the spec and the operation being judged. */
export interface JudgeContext {
  spec: SpecModel;
  op: OperationModel;
  operations: OperationModel[];
}

/** A request made by the generators, with its label when it breaks a rule on purpose. */
export interface GeneratedRequest {
  request: HttpRequest;
  label?: {
    violation: ViolationKind;
    /** Pointer into the request: `/body/leadOpportunity/closeDate`, `/query/top`. */
    pointer: string;
    expected: DocumentedOutcome;
    reason: string;
  };
}

export type RequestShape = 'random' | 'complete' | 'example';

/** Which key a request carries. */
export type KeyChoice = 'own' | 'second' | 'none' | 'unknown';

/**
 * One step of a stateful sequence. In `request`, `{{id}}` is the id a create step captured,
 * `{{partnerId}}`, `{{partnerId2}}`... are fresh partner ids for each execution, and
 * `{{now}}`, `{{now-3600}}`, `{{now+3600}}` are times (seconds from now) in UTC ISO 8601. The
 * same steps replayed against another target send fresh values and flow the new id.
 */
export interface Step {
  operationId: string;
  request: HttpRequest;
  key?: KeyChoice;
  /** The answer's dsLeadOpportunityId becomes `{{id}}` (or `{{id2}}`...) for the steps after it. */
  captures?: string;
  /**
   * A pointer into the previous step's response body holding a timestamp: before this step,
   * wait one tick of its precision (1 ms for `.123`, 1 s for none), so the server's clock has
   * moved past it.
   */
  waitForTick?: string;
}

/**
 * Judges a sequence's exchanges, one per step, with the parameters the scenario gave
 * (placeholders in them filled in as in the steps). Pure:
 * the same function judges the run and a replay against another target.
 */
export type SequenceJudge = (
  exchanges: AnsweredExchange[],
  params: Record<string, unknown>,
  ctx: JudgeContext,
) => Verdict;

/** What a check may know about the run and the target. */
export interface Capabilities {
  /** Creates and updates may be sent (never against production). */
  writes: boolean;
  /** A second key of the same partner is configured. */
  secondKey: boolean;
  /** The user opted in to spending the quota (always true against the built-in mock). */
  rateLimitProbe: boolean;
  /** The target can be switched into maintenance (the built-in mock). */
  maintenanceSwitch: boolean;
}

/**
 * A quota the exhaustion probe may spend: the target itself (remote, opted in), or a
 * small-quota twin of the built-in mock whose clock `wait` moves instead of sleeping.
 */
export interface QuotaWindow {
  /** Sends with the run's key; several may be in flight at once. */
  send(request: HttpRequest, op?: OperationModel): Promise<AnsweredExchange | undefined>;
  wait(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface SendOptions {
  /** The operation the request goes to (default: the check's own). */
  op?: OperationModel;
  key?: KeyChoice;
  /** The answer wanted is a 503: no retry on it. */
  expect503?: boolean;
}

export interface GeneratedBatch {
  /**
   * `valid`: random valid requests; `valid-coverage`: valid requests carrying each enum value
   * the run has not sent yet; `invalid`: random requests breaking one rule each; `coverage`:
   * one request per rule and place the schemas and descriptions define.
   */
  kind: 'valid' | 'valid-coverage' | 'invalid' | 'coverage';
  count: number;
  /** Names the draw, so each purpose gets its own replayable seed. */
  purpose: string;
  /** Send each to this object (updates), instead of the generated id. */
  onto?: string;
  /**
   * Invalid batches only: keep those whose documented outcome names an error code (`true`),
   * or those whose outcome names none (`false`).
   */
  coded?: boolean;
  /** At most this many requests per documented error code. */
  perCode?: number;
}

/**
 * The engine, as a check sees it: every request goes through here, so that the response
 * checks judge each answer, the quota is respected, failures are shrunk and sequences can be
 * replayed. Checks never talk to a target directly.
 */
export interface CheckContext extends JudgeContext {
  caps: Capabilities;
  /** Generated requests per property (--runs). */
  runs: number;
  /** Send one request; undefined when it got no answer or stayed rate limited (recorded). */
  send(request: HttpRequest, options?: SendOptions): Promise<AnsweredExchange | undefined>;
  /** Generated requests, sent and judged one by one; a failing one is shrunk through the target. */
  sendGenerated(batch: GeneratedBatch): Promise<void>;
  /**
   * A valid request of `op` (default: the check's own), unsent: drawn at random (`random`), with
   * every property the schema declares (`complete`), or the spec's own request example
   * (`example`, falling back to random where the spec gives none).
   */
  validRequest(purpose: string, op?: OperationModel, shape?: RequestShape): GeneratedRequest;
  /** Run a stateful sequence and judge it with the check's sequence judge of that name. */
  sequence(
    name: string,
    steps: Step[],
    params?: Record<string, unknown>,
  ): Promise<AnsweredExchange[]>;
  /** An object of this run to read or update, created through `version`'s create. */
  objectFor(version: string): Promise<string | undefined>;
  /** Record a verdict of this check (for exchanges judged outside a sequence). */
  record(verdict: Verdict, exchanges?: Exchange[]): void;
  /** Something seen where the spec is silent: reported, never failed. */
  observe(text: string): void;
  /** This operation's own answered exchanges so far, in the order they were sent. */
  ownExchanges(): AnsweredExchange[];
  /** Built-in mock only: maintenance mode on or off. */
  setMaintenance?(on: boolean): void;
  /** A window of the quota to spend: a small-quota twin of the mock, or the target itself. */
  quotaWindow(): Promise<QuotaWindow>;
  sleep(ms: number): Promise<void>;
}

/** A check judged on every answered exchange of every operation (Schemathesis' response checks). */
export interface ResponseCheck {
  kind: 'response';
  name: string;
  /** What it asserts, one sentence: the README's check table is this text. */
  asserts: string;
  excuses?: Excuse[];
  judge(exchange: AnsweredExchange, ctx: JudgeContext): Verdict;
}

/** A check that makes its own requests (through the context) and judges them. */
export interface ScenarioCheck {
  kind: 'scenario';
  name: string;
  asserts: string;
  excuses?: Excuse[];
  /** Whether it applies to an operation, from what the operation does; a string says why not. */
  appliesTo(op: OperationModel, operations: OperationModel[]): boolean;
  /** Runs after every operation's other checks, once per run (it spends a quota window). */
  last?: boolean;
  /** Runs after the operation's other checks, on what they exchanged. */
  afterOthers?: boolean;
  run(ctx: CheckContext): Promise<unknown>;
  /** The judges of the sequences `run` sends, by name: replay finds them here. */
  sequences?: Record<string, SequenceJudge>;
  /** The judge of each generated request `run` sends (sendGenerated): shrinking and replay use it. */
  judgeGenerated?(
    generated: GeneratedRequest,
    exchange: AnsweredExchange,
    ctx: JudgeContext,
  ): Verdict;
}

export type CheckDefinition = ResponseCheck | ScenarioCheck;
