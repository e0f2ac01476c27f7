import path from 'node:path';
import fc from 'fast-check';
import { CHECKS } from '../checks';
import { createdIdOf, asJson, createOf } from '../checks/scenario-kit';
import { inconclusive } from '../checks/types';
import type {
  CheckContext,
  CheckDefinition,
  GeneratedBatch,
  GeneratedRequest,
  JudgeContext,
  KeyChoice,
  QuotaWindow,
  RequestShape,
  ResponseCheck,
  ScenarioCheck,
  SendOptions as CheckSendOptions,
  Step,
  Verdict,
} from '../checks/types';
import {
  breaksOnlyItsLabel,
  drawShrinkable,
  requestFindings,
  toHttpRequest,
  type Drawn,
  type InvalidSample,
  type RequestSample,
} from '../generators';
import {
  getSpec,
  isAnswered,
  unreadableBody,
  UsageError,
  withPathId,
  type AnsweredExchange,
  type Exchange,
  type HttpRequest,
  type OperationModel,
  type SpecModel,
} from '../model';
import { Book, type Evidence } from './book';
import {
  coverageRequests,
  GENERATED_ID_PREFIX,
  GENERATOR_OPTIONS,
  invalidArbitrary,
  validArbitrary,
  validCoverageRequests,
} from './generation';
import type { RunConfig } from './config';
import { computeCoverage, type CoveredExchange } from './coverage';
import { curlFor } from './http/curl';
import { Placeholders, tickOf } from './placeholders';
import { createSession, type Session, type SendOutcome } from './session';
import { shrinkThroughTarget, sizeOfRequest } from './shrink';
import {
  totalsOf,
  verdictOf,
  type CheckRecord,
  type CreatedObject,
  type FailureRecord,
  type GeneratedRecord,
  type RunSummary,
} from './summary';
import { openTarget, type Target, type TargetOptions } from './target';
import { toolInfo } from './tool-info';

/** Operations are dealt round-robin over this many suite files (and shards take whole files). */
export const SUITE_PARTS = 4;

/** The suite file (1-based) an operation's checks are shown in. */
export const partOf = (index: number): number => (index % SUITE_PARTS) + 1;

/** Whether suite file `part` belongs to shard `index` of `count`. */
export const partInShard = (part: number, shard: { index: number; count: number }): boolean =>
  (part - 1) % shard.count === shard.index - 1;

export interface RunOptions extends TargetOptions {
  /** Checks beyond the registry (--checks-file). */
  extraChecks?: CheckDefinition[];
  sleep?: (ms: number) => Promise<void>;
  /** As each operation's checks are done (progress lines). */
  onOperation?: (op: OperationModel, done: number, of: number) => void;
  /**
   * False leaves `coverage` out of the summary: what a caller that reads only the verdicts
   * (the fault-detection matrix, hundreds of runs) need not pay for. Verdicts do not depend on it.
   */
  measureCoverage?: boolean;
}

export interface RunResult {
  summary: RunSummary;
  /** Every exchange of the run, shrinking included, in order (unredacted). */
  exchanges: Exchange[];
  keyHeader: string;
  /** Values reports must never contain. */
  secrets: string[];
  /** Full stack traces of the suite's own errors, by check. */
  traces: Array<{ operationId: string; check: string; trace: string }>;
}

/**
 * At least `ms` of wall-clock time. A timer alone can end up to a millisecond early (node counts
 * whole milliseconds from a truncated clock: measured here, about 1 in 250 one-millisecond
 * timers ended within the same millisecond), and the wait for a timestamp's next tick needs the
 * clock to have moved.
 */
export async function sleepAtLeast(ms: number): Promise<void> {
  const until = Date.now() + ms;
  do await new Promise((r) => setTimeout(r, Math.max(1, until - Date.now())));
  while (Date.now() < until);
}

/** The coverage phases' seed: the same classes of input, the same way, in every run. */
const COVERAGE_SEED = 0x5eed;

/** A seed per (operation, purpose): adding a check does not change what another check sends. */
export function seedFor(seed: number, op: OperationModel, purpose: string): number {
  let h = seed >>> 0;
  for (const ch of `${op.operationId}:${purpose}`)
    h = (Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0) % 2 ** 31;
  return h;
}

/** The checks a run applies: the registry and the user's own, narrowed by --checks / --exclude-checks. */
export function selectChecks(
  config: Pick<RunConfig, 'checks' | 'excludeChecks'>,
  extra: CheckDefinition[] = [],
): CheckDefinition[] {
  const all = [...CHECKS, ...extra];
  const names = new Set(all.map((c) => c.name));
  for (const name of [...(config.checks ?? []), ...(config.excludeChecks ?? [])]) {
    if (!names.has(name))
      throw new UsageError(`--checks: unknown check '${name}' (known: ${[...names].join(', ')})`);
  }
  return all.filter(
    (c) =>
      (!config.checks || config.checks.includes(c.name)) && !config.excludeChecks?.includes(c.name),
  );
}

/** The operations this run judges: --operations, then the shard's share. */
export function operationsOf(
  spec: SpecModel,
  config: Pick<RunConfig, 'operations' | 'shard'>,
): OperationModel[] {
  const known = spec.operations.map((o) => o.operationId);
  for (const id of config.operations ?? []) {
    if (!known.includes(id))
      throw new UsageError(`--operations: unknown operation '${id}' (known: ${known.join(', ')})`);
  }
  return spec.operations.filter(
    (op, i) =>
      (!config.operations || config.operations.includes(op.operationId)) &&
      (!config.shard || partInShard(partOf(i), config.shard)),
  );
}

const PARTNER_ID_FIELD = 'partnerLeadOpportunityId';
/** Partner ids this tool makes, in any run: `CONF-<run id>-...`. */
const OUR_PARTNER_ID = /^CONF-\d{8}-[0-9a-f]{6}-/;

/** One conformance run: every selected check against every selected operation, in order. */
class Run {
  readonly book = new Book();
  readonly traffic: Exchange[] = [];
  readonly covered: CoveredExchange[] = [];
  readonly created: CreatedObject[] = [];
  readonly traces: RunResult['traces'] = [];
  private readonly own = new Map<string, AnsweredExchange[]>();
  private readonly objects = new Map<string, string>();
  private readonly judged: Set<string>;
  private readonly responseChecks: ResponseCheck[];
  private readonly idPrefix: string;
  private idCounter = 0;
  /** Set while a generated or sequence request is in flight: how its failures can be reproduced. */
  private pending: {
    generated?: GeneratedRecord;
    intent: CoveredExchange['intent'];
    place?: string;
  } = { intent: 'other' };
  /** Set while shrinking: candidates are judged, not recorded. */
  private probing = false;
  /** Failure signatures of the last exchange the response checks judged. */
  private lastFailures: Array<{ check: string; signature: string }> = [];
  private exhaustionRan = false;
  readonly session: Session;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly spec: SpecModel,
    readonly config: RunConfig,
    readonly target: Target,
    readonly checks: CheckDefinition[],
    readonly operations: OperationModel[],
    options: RunOptions,
  ) {
    this.judged = new Set(operations.map((o) => o.operationId));
    this.responseChecks = checks.filter((c): c is ResponseCheck => c.kind === 'response');
    this.idPrefix = `CONF-${config.runId}-`;
    this.sleep = options.sleep ?? sleepAtLeast;
    this.session = createSession(
      target,
      config.maxWaitS * 1000,
      `conformance-unknown-key-${config.runId}`,
      {
        onExchange: (exchange, op, key) => this.onExchange(exchange, op, key),
        note: (op, text) => this.book.note(text, op.operationId),
        sleep: this.sleep,
      },
    );
  }

  private judgeContext(op: OperationModel): JudgeContext {
    return { spec: this.spec, op, operations: this.spec.operations };
  }

  /** Every answer is judged by the response checks, under the operation it was sent to. */
  private onExchange(exchange: Exchange, op: OperationModel, key: KeyChoice): void {
    this.traffic.push(exchange);
    this.lastFailures = [];
    if (!isAnswered(exchange) || !this.judged.has(op.operationId)) return;
    if (!this.probing) {
      if (key === 'own')
        this.own.set(op.operationId, [...(this.own.get(op.operationId) ?? []), exchange]);
      this.covered.push({
        exchange,
        op,
        intent: key === 'own' ? this.pending.intent : 'other',
        place: this.pending.place,
      });
    }
    for (const check of this.responseChecks) {
      const verdict = this.safely(op, check.name, exchange.request, () =>
        check.judge(exchange, this.judgeContext(op)),
      );
      if (!verdict) continue;
      if (verdict.kind === 'fail') {
        const signature = this.book.signature(op.operationId, check.name, verdict) as string;
        this.lastFailures.push({ check: check.name, signature });
      }
      if (!this.probing)
        this.book.record(op.operationId, check.name, verdict, {
          exchanges: [exchange],
          generated: this.pending.generated,
        });
    }
  }

  /** A check's own defect is that check's error, recorded with the request; the run goes on. */
  private safely<T>(
    op: OperationModel,
    check: string,
    request: HttpRequest | undefined,
    judge: () => T,
  ): T | undefined {
    try {
      return judge();
    } catch (err) {
      const error = err as Error;
      this.book.error(op.operationId, check, {
        message: `${error.name}: ${error.message}`.split('\n')[0],
        request,
      });
      this.traces.push({ operationId: op.operationId, check, trace: error.stack ?? String(err) });
      return undefined;
    }
  }

  private freshPartnerId(): string {
    return `${this.idPrefix}S${(this.idCounter++).toString(36).toUpperCase().padStart(4, '0')}`;
  }

  /** A generated partner id becomes a fresh one: a create never collides with an earlier request of the run. */
  private freshen(request: HttpRequest): HttpRequest {
    const body = asJson(request.body);
    const resource = asJson(body?.leadOpportunity);
    const id = resource?.[PARTNER_ID_FIELD];
    if (!body || !resource || typeof id !== 'string' || !OUR_PARTNER_ID.test(id)) return request;
    return {
      ...request,
      body: {
        ...body,
        leadOpportunity: { ...resource, [PARTNER_ID_FIELD]: this.freshPartnerId() },
      },
    };
  }

  /** An outcome as the check sees it: an answer, or the verdict the silence deserves. */
  private answered(
    outcome: SendOutcome,
    op: OperationModel,
    check: string,
  ): AnsweredExchange | undefined {
    if (outcome.kind === 'answered') return outcome.exchange;
    if (this.probing) return undefined;
    if (outcome.kind === 'no-answer') {
      this.book.record(
        op.operationId,
        check,
        // The spec sets no deadline: silence is no verdict, and never a pass.
        inconclusive(
          `no answer within --timeout-ms ${this.config.timeoutMs}: ${outcome.exchange.failure?.detail ?? 'no answer'}`,
        ),
        { exchanges: [outcome.exchange] },
      );
    } else {
      this.book.record(op.operationId, check, inconclusive(outcome.reason), {
        exchanges: outcome.exchange ? [outcome.exchange] : [],
      });
    }
    return undefined;
  }

  private opNamed(id: string): OperationModel {
    return this.spec.operation(id);
  }

  /** The spec's first request example the request schema and description rules accept. */
  private exampleSample(op: OperationModel): RequestSample | undefined {
    const media = op.requestBody?.json;
    for (const example of media?.examples ?? []) {
      const sample: RequestSample = {
        operationId: op.operationId,
        pathParams: {},
        query: {},
        body: structuredClone(example.value),
        contentType: media?.contentType,
      };
      for (const p of op.parameters.filter((x) => x.in === 'path'))
        sample.pathParams[p.name] = 'EXAMPLE-ID';
      // The example's partner id would be used up by the first create: ours is made fresh.
      const resource = asJson(asJson(sample.body)?.leadOpportunity);
      if (typeof resource?.[PARTNER_ID_FIELD] === 'string')
        resource[PARTNER_ID_FIELD] = `${GENERATED_ID_PREFIX}EX`;
      if (
        requestFindings(op, sample, GENERATOR_OPTIONS).filter((f) => !f.pointer.startsWith('/path'))
          .length === 0
      )
        return sample;
    }
    return undefined;
  }

  sampleRequest(
    op: OperationModel,
    purpose: string,
    shape: RequestShape = 'random',
  ): RequestSample {
    if (shape === 'example') {
      const example = this.exampleSample(op);
      if (example) return example;
    }
    const [sample] = fc.sample(validArbitrary(this.spec, op, shape === 'complete'), {
      seed: seedFor(this.config.seed, op, purpose),
      numRuns: 1,
    });
    return sample;
  }

  /** An object of this run for `op`'s checks to read or update: one per operation and version. */
  private async objectFor(
    op: OperationModel,
    check: string,
    version: string,
  ): Promise<string | undefined> {
    const key = `${op.operationId}:${version}`;
    const known = this.objects.get(key);
    if (known) return known;
    const create = createOf(this.judgeContext(op), version);
    if (!create || !this.target.apiKey || this.target.isProduction) return undefined;
    // The spec's own minimal example: an object to act on, not a test of what a create accepts.
    const request = this.freshen(
      toHttpRequest(create, this.sampleRequest(create, `object-${op.operationId}`, 'example')),
    );
    const exchange = this.answered(await this.session.send(request, { op: create }), op, check);
    const id =
      exchange && exchange.response.status < 300 ? createdIdOf(exchange.response.body) : undefined;
    if (id) {
      this.objects.set(key, id);
      this.remember(create, id, request);
    }
    return id;
  }

  private remember(create: OperationModel, id: string, request: HttpRequest): void {
    const partner = asJson(asJson(request.body)?.leadOpportunity)?.[PARTNER_ID_FIELD];
    this.created.push({
      operationId: create.operationId,
      dsLeadOpportunityId: id,
      ...(typeof partner === 'string' ? { partnerLeadOpportunityId: partner } : {}),
    });
  }

  /** Runs a sequence's steps, values flowing between them, and judges it with the check's judge. */
  async sequence(
    op: OperationModel,
    check: ScenarioCheck,
    name: string,
    steps: Step[],
    params: Record<string, unknown>,
  ): Promise<AnsweredExchange[]> {
    const judge = check.sequences?.[name];
    if (!judge) throw new Error(`${check.name} has no sequence judge named '${name}'`);
    const values = new Placeholders(() => this.freshPartnerId());
    const exchanges: AnsweredExchange[] = [];
    const evidence = (): Evidence => ({
      exchanges: [...exchanges],
      sequence: { name, steps, params },
    });
    for (const step of steps) {
      const stepOp = this.opNamed(step.operationId);
      const previous = exchanges[exchanges.length - 1];
      if (step.waitForTick && previous) {
        const tick = tickOf(pointerValue(previous.response.body, step.waitForTick));
        if (tick !== undefined) await this.sleep(Math.ceil(tick * 1000));
      }
      const request = values.fillRequest(step.request);
      this.pending = { intent: step.key && step.key !== 'own' ? 'other' : 'valid' };
      const outcome = await this.session.send(request, { op: stepOp, key: step.key });
      this.pending = { intent: 'other' };
      const exchange = this.answered(outcome, op, check.name);
      if (!exchange) return exchanges;
      exchanges.push(exchange);
      if (step.captures) {
        const id = exchange.response.status < 300 ? createdIdOf(exchange.response.body) : undefined;
        if (!id) {
          this.book.record(
            op.operationId,
            check.name,
            inconclusive(
              `${stepOp.operationId} answered ${exchange.response.status}${unreadableBody(exchange.response) ? ` (${unreadableBody(exchange.response)})` : ''} without an id to go on with: the sequence cannot go on`,
            ),
            evidence(),
          );
          return exchanges;
        }
        values.set(step.captures, id);
        this.remember(stepOp, id, request);
      }
    }
    const verdict = this.safely(op, check.name, exchanges[exchanges.length - 1]?.request, () =>
      judge(exchanges, values.fill(params), this.judgeContext(op)),
    );
    if (verdict) this.book.record(op.operationId, check.name, verdict, evidence());
    return exchanges;
  }

  /** The requests a batch draws: shrinkable where they come from fast-check. */
  private drawBatch(
    op: OperationModel,
    batch: GeneratedBatch,
    sentValid: RequestSample[],
  ): Array<{
    sample: RequestSample | InvalidSample;
    drawn?: Drawn<RequestSample | InvalidSample>;
  }> {
    // The coverage phase and the random invalid draws are shared by the checks that split them
    // (coded ones for documented_error_codes, the others for negative_data_rejection).
    // The coverage phases are the same every run (a class of input met once, whatever the
    // seed); the random draws vary with the seed, and the invalid ones are split between the
    // checks (coded ones for documented_error_codes, the others for negative_data_rejection).
    const seed =
      batch.kind === 'coverage' || batch.kind === 'valid-coverage'
        ? COVERAGE_SEED
        : seedFor(this.config.seed, op, batch.kind === 'invalid' ? batch.kind : batch.purpose);
    const coded = (s: InvalidSample): boolean =>
      batch.coded === undefined ||
      s.expected.answers.some((a) => a.code !== undefined) === batch.coded;
    switch (batch.kind) {
      case 'valid':
        return drawShrinkable(validArbitrary(this.spec, op), seed, batch.count).map((drawn) => ({
          sample: drawn.value,
          drawn,
        }));
      case 'valid-coverage':
        return validCoverageRequests(op, this.spec, sentValid, seed).map((sample) => ({ sample }));
      case 'coverage':
        return coverageRequests(this.spec, op, seed)
          .filter(coded)
          .map((sample) => ({ sample }));
      case 'invalid': {
        const arbitrary = invalidArbitrary(this.spec, op);
        if (!arbitrary) return [];
        // One draw per operation, split by the checks: coded cases are rare among random ones,
        // so it is large enough to meet a few of each code.
        const perCode = new Map<string, number>();
        return this.invalidDraws(op, arbitrary, seed)
          .filter((d) => coded(d.value))
          .slice(0, batch.perCode ? undefined : batch.count)
          .filter((d) => {
            if (!batch.perCode) return true;
            const code = d.value.expected.answers.map((a) => a.code).join('/');
            perCode.set(code, (perCode.get(code) ?? 0) + 1);
            return (perCode.get(code) ?? 0) <= (batch.perCode as number);
          })
          .map((drawn) => ({
            sample: drawn.value,
            drawn: drawn as Drawn<RequestSample | InvalidSample>,
          }));
      }
    }
  }

  private readonly validSent = new Map<string, RequestSample[]>();
  private readonly invalidDrawn = new Map<string, Array<Drawn<InvalidSample>>>();

  private invalidDraws(
    op: OperationModel,
    arbitrary: fc.Arbitrary<InvalidSample>,
    seed: number,
  ): Array<Drawn<InvalidSample>> {
    let drawn = this.invalidDrawn.get(op.operationId);
    if (!drawn) {
      drawn = drawShrinkable(arbitrary, seed, this.config.runs * 2);
      this.invalidDrawn.set(op.operationId, drawn);
    }
    return drawn;
  }

  private requestOf(op: OperationModel, sample: RequestSample, onto?: string): HttpRequest {
    const request = this.freshen(toHttpRequest(op, sample));
    return onto ? withPathId(op, request, onto) : request;
  }

  /** The failure signatures an answer to a generated request shows: its check's judge, and the response checks. */
  private judgeGenerated(
    op: OperationModel,
    check: ScenarioCheck,
    generated: GeneratedRequest,
    exchange: AnsweredExchange,
  ): { verdict?: Verdict; signatures: Set<string> } {
    const verdict = check.judgeGenerated
      ? this.safely(op, check.name, exchange.request, () =>
          check.judgeGenerated?.(generated, exchange, this.judgeContext(op)),
        )
      : undefined;
    const signatures = new Set(this.lastFailures.map((f) => f.signature));
    if (verdict?.kind === 'fail')
      signatures.add(this.book.signature(op.operationId, check.name, verdict) as string);
    return { verdict, signatures };
  }

  async sendGenerated(
    op: OperationModel,
    check: ScenarioCheck,
    batch: GeneratedBatch,
  ): Promise<void> {
    const drawnList = this.drawBatch(op, batch, this.validSent.get(op.operationId) ?? []);
    const shrunk = new Set<string>();
    for (const { sample, drawn } of drawnList) {
      const label =
        'violation' in sample
          ? {
              violation: sample.violation,
              pointer: sample.pointer,
              expected: sample.expected,
              reason: sample.reason,
            }
          : undefined;
      const generated: GeneratedRecord = { kind: batch.kind, ...(label ? { label } : {}) };
      const request = this.requestOf(op, sample, batch.onto);
      this.pending = {
        generated,
        intent: label ? 'invalid' : 'valid',
        place: label ? label.pointer.replace(/\/\d+(?=\/|$)/g, '/*') : undefined,
      };
      const outcome = await this.session.send(request, { op });
      const failures = this.lastFailures;
      this.pending = { intent: 'other' };
      const exchange = this.answered(outcome, op, check.name);
      if (!exchange) continue;
      if (!label)
        this.validSent.set(op.operationId, [...(this.validSent.get(op.operationId) ?? []), sample]);
      this.lastFailures = failures;
      const { verdict, signatures } = this.judgeGenerated(op, check, { request, label }, exchange);
      if (verdict)
        this.book.record(op.operationId, check.name, verdict, { exchanges: [exchange], generated });
      if (!drawn || this.config.shrinkBudget === 0) continue;
      for (const signature of signatures) {
        if (shrunk.has(signature) || this.book.isShrunk(signature)) continue;
        shrunk.add(signature);
        await this.shrink(op, check, drawn, signature, { label, onto: batch.onto, from: request });
      }
    }
  }

  /** Shrink one failing generated request through the target; the result goes with its failure. */
  private async shrink(
    op: OperationModel,
    check: ScenarioCheck,
    drawn: Drawn<RequestSample | InvalidSample>,
    signature: string,
    context: { label?: GeneratedRequest['label']; onto?: string; from: HttpRequest },
  ): Promise<void> {
    const options = GENERATOR_OPTIONS;
    const inClass = (value: RequestSample | InvalidSample): boolean =>
      context.label
        ? breaksOnlyItsLabel(op, value as InvalidSample, options)
        : requestFindings(op, value, options).length === 0;
    this.probing = true;
    let result;
    try {
      result = await shrinkThroughTarget(drawn, {
        signature,
        budget: this.config.shrinkBudget,
        inClass,
        attempt: async (value) => {
          const request = this.requestOf(op, value, context.onto);
          const outcome = await this.session.send(request, { op });
          if (outcome.kind !== 'answered') return undefined;
          const failures = this.lastFailures;
          const label =
            'violation' in value
              ? {
                  violation: value.violation,
                  pointer: value.pointer,
                  expected: value.expected,
                  reason: value.reason,
                }
              : undefined;
          const { signatures } = this.judgeGenerated(
            op,
            check,
            { request, label },
            outcome.exchange,
          );
          for (const f of failures) signatures.add(f.signature);
          return { signatures, exchange: outcome.exchange };
        },
      });
    } finally {
      this.probing = false;
    }
    if (!result) return;
    this.book.shrunk(signature, {
      request: result.exchange.request,
      response: result.exchange.response,
      from: sizeOfRequest(context.from),
      to: sizeOfRequest(result.exchange.request),
      requests: result.requests,
    });
  }

  private async quotaWindow(op: OperationModel, check: string): Promise<QuotaWindow> {
    this.exhaustionRan = true;
    const control = this.target.control;
    if (control) {
      // A window far longer than any burst, however loaded the machine: waiting it out costs
      // nothing, the probe moves the twin's clock.
      const twin = await control.quotaTwin(8, 30);
      return {
        send: async (request, to = op) =>
          this.answered(
            await this.session.send(request, {
              op: to,
              expectRateLimit: true,
              client: twin.client,
            }),
            op,
            check,
          ),
        wait: async (ms) => twin.advance(ms),
        close: () => twin.close(),
      };
    }
    return {
      send: async (request, to = op) =>
        this.answered(
          await this.session.send(request, { op: to, expectRateLimit: true }),
          op,
          check,
        ),
      wait: (ms) => this.sleep(ms),
      close: async () => undefined,
    };
  }

  context(op: OperationModel, check: ScenarioCheck): CheckContext {
    const control = this.target.control;
    return {
      ...this.judgeContext(op),
      caps: {
        writes: !this.target.isProduction,
        secondKey: this.target.secondKey !== undefined,
        rateLimitProbe:
          !this.target.isProduction && (control !== undefined || this.config.rateLimitProbe),
        maintenanceSwitch: control !== undefined,
      },
      runs: this.config.runs,
      send: async (request: HttpRequest, options: CheckSendOptions = {}) =>
        this.answered(
          await this.session.send(request, {
            op: options.op ?? op,
            key: options.key,
            expect503: options.expect503,
          }),
          op,
          check.name,
        ),
      sendGenerated: (batch) => this.sendGenerated(op, check, batch),
      validRequest: (purpose, other = op, shape = 'random') => ({
        request: this.freshen(toHttpRequest(other, this.sampleRequest(other, purpose, shape))),
      }),
      sequence: (name, steps, params = {}) => this.sequence(op, check, name, steps, params),
      objectFor: (version) => this.objectFor(op, check.name, version),
      record: (verdict, exchanges = []) =>
        this.book.record(op.operationId, check.name, verdict, { exchanges }),
      observe: (text) => this.book.observe(op.operationId, check.name, text),
      ownExchanges: () => [...(this.own.get(op.operationId) ?? [])],
      setMaintenance: control ? (on) => control.setMaintenance(on) : undefined,
      quotaWindow: () => this.quotaWindow(op, check.name),
      sleep: this.sleep,
    };
  }

  /** One scenario check on one operation; its own defect is recorded, never thrown. */
  async runCheck(op: OperationModel, check: ScenarioCheck): Promise<void> {
    try {
      await check.run(this.context(op, check));
    } catch (err) {
      const error = err as Error;
      this.book.error(op.operationId, check.name, {
        message: `${error.name}: ${error.message}`.split('\n')[0],
      });
      this.traces.push({
        operationId: op.operationId,
        check: check.name,
        trace: error.stack ?? String(err),
      });
    }
  }

  /** What the spec does not declare but a server sent on an operation: observations, never failures. */
  observeUndeclaredHeaders(op: OperationModel): void {
    for (const exchange of this.own.get(op.operationId) ?? []) {
      for (const name of ['deprecation', 'sunset']) {
        const value = exchange.response.headers[name];
        if (value === undefined) continue;
        this.book.note(
          `${op.deprecated ? 'deprecated' : 'current'} operation answered ${name}: ${value} (the spec declares no such header)`,
          op.operationId,
        );
      }
    }
  }

  get exhaustionDone(): boolean {
    return this.exhaustionRan;
  }

  /** A recorded request sent again: the key header it carried (redacted) is the session's to set. */
  private resendable(request: HttpRequest): HttpRequest {
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        ([name]) => name.toLowerCase() !== this.target.keyHeader.toLowerCase(),
      ),
    );
    return this.freshen({ ...request, headers });
  }

  /** A saved failure, reproduced here: its sequence run again, or its request sent again, and judged again. */
  async replay(failure: FailureRecord, check: CheckDefinition, op: OperationModel): Promise<void> {
    this.book.declare(op.operationId, check.name);
    if (failure.sequence && check.kind === 'scenario') {
      await this.sequence(
        op,
        check,
        failure.sequence.name,
        failure.sequence.steps,
        failure.sequence.params,
      );
      return;
    }
    const recorded = failure.shrunk?.request ?? failure.request;
    if (!recorded) throw new UsageError(`${failure.id}: the summary holds no request to replay`);
    const request = this.resendable(recorded);
    const label = failure.generated?.label;
    this.pending = { generated: failure.generated, intent: label ? 'invalid' : 'valid' };
    const outcome = await this.session.send(request, { op });
    this.pending = { intent: 'other' };
    const exchange = this.answered(outcome, op, check.name);
    if (exchange && check.kind === 'scenario' && check.judgeGenerated) {
      const generated: GeneratedRequest = {
        request,
        ...(label ? { label: label as GeneratedRequest['label'] } : {}),
      };
      const verdict = this.safely(op, check.name, request, () =>
        check.judgeGenerated?.(generated, exchange, this.judgeContext(op)),
      );
      if (verdict) this.book.record(op.operationId, check.name, verdict, { exchanges: [exchange] });
    }
  }
}

export interface ReplayResult {
  /** The failure showed again. */
  reproduced: boolean;
  /** What every check concluded on the replayed exchanges. */
  records: CheckRecord[];
  failures: FailureRecord[];
  exchanges: Exchange[];
  target: Target['info'];
}

/** Replays one failure of a summary against the configured target (another build, another environment). */
export async function replayFailure(
  failure: FailureRecord,
  config: RunConfig,
  options: RunOptions = {},
): Promise<ReplayResult> {
  const spec = await getSpec(config.specPath);
  const checks = selectChecks({}, options.extraChecks);
  const check = checks.find((c) => c.name === failure.check);
  if (!check)
    throw new UsageError(
      `${failure.id}: check '${failure.check}' is not known to this version of the suite`,
    );
  const op = spec.operations.find((o) => o.operationId === failure.operationId);
  if (!op)
    throw new UsageError(
      `${failure.id}: operation '${failure.operationId}' is not in ${config.specPath}`,
    );
  const target = await openTarget(spec, config, options);
  const run = new Run(spec, config, target, checks, [op], options);
  try {
    await run.replay(failure, check, op);
  } finally {
    await target.close();
  }
  const baseUrl = target.info.baseUrl ?? '';
  const failures = run.book.failureRecords((request) =>
    curlFor(baseUrl, request, target.keyHeader),
  );
  return {
    reproduced: failures.some((f) => f.id === failure.id),
    records: run.book.records(),
    failures,
    exchanges: run.traffic,
    target: target.info,
  };
}

function pointerValue(body: unknown, pointer: string): unknown {
  let node: unknown = body;
  for (const segment of pointer.split('/').filter(Boolean)) {
    node = asJson(node)?.[segment];
  }
  return node;
}

/**
 * A whole conformance run against the configured target: each selected operation's checks
 * in registry order (those judging what the others exchanged after them), the quota probe
 * last, then the coverage of the spec the run's exchanges achieved.
 */
export async function runConformance(
  config: RunConfig,
  options: RunOptions = {},
): Promise<RunResult> {
  const startedAt = new Date();
  const spec = await getSpec(config.specPath);
  const checks = selectChecks(config, options.extraChecks);
  const operations = operationsOf(spec, config);
  const target = await openTarget(spec, config, options);
  const run = new Run(spec, config, target, checks, operations, options);
  const scenario = checks.filter((c): c is ScenarioCheck => c.kind === 'scenario');
  try {
    let done = 0;
    for (const op of operations) {
      for (const check of checks)
        if (check.kind === 'response') run.book.declare(op.operationId, check.name);
      const applicable = scenario.filter((c) => !c.last && c.appliesTo(op, spec.operations));
      for (const check of applicable) run.book.declare(op.operationId, check.name);
      for (const check of applicable.filter((c) => !c.afterOthers)) await run.runCheck(op, check);
      for (const check of applicable.filter((c) => c.afterOthers)) await run.runCheck(op, check);
      run.observeUndeclaredHeaders(op);
      options.onOperation?.(op, ++done, operations.length);
    }
    for (const op of operations) {
      for (const check of scenario.filter((c) => c.last && c.appliesTo(op, spec.operations))) {
        run.book.declare(op.operationId, check.name);
        await run.runCheck(op, check);
      }
    }
  } finally {
    await target.close();
  }
  const records = run.book.records();
  const keyHeader = target.keyHeader;
  const baseUrl = target.info.baseUrl ?? '';
  const summary: RunSummary = {
    tool: toolInfo(),
    target: target.info,
    spec: {
      title: spec.title,
      version: spec.version,
      path: path.relative(process.cwd(), spec.specPath) || spec.specPath,
      sha256: spec.sha256,
    },
    runId: config.runId,
    seed: config.seed,
    runs: config.runs,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    ...(config.shard ? { shard: config.shard } : {}),
    settings: {
      timeoutMs: config.timeoutMs,
      maxBodyMb: config.maxBodyMb,
      maxWaitS: config.maxWaitS,
      shrinkBudget: config.shrinkBudget,
      rateLimitProbe: config.rateLimitProbe,
      secondKey: target.secondKey !== undefined,
      ...(config.operations ? { operations: config.operations } : {}),
      ...(config.checks ? { checks: config.checks } : {}),
      ...(config.excludeChecks ? { excludeChecks: config.excludeChecks } : {}),
      ...(options.extraChecks?.length
        ? { customChecks: options.extraChecks.map((c) => c.name) }
        : {}),
    },
    verdict: verdictOf(records),
    totals: totalsOf(records),
    operations: operations.map((op) => ({
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      version: op.version,
      deprecated: op.deprecated,
      tags: op.tags,
      part: partOf(spec.operations.indexOf(op)),
    })),
    requests: run.session.sent,
    checks: records,
    failures: run.book.failureRecords((request) => curlFor(baseUrl, request, keyHeader)),
    excuses: run.book.excuseUses(),
    observations: run.book.observations(),
    ...(options.measureCoverage === false
      ? {}
      : {
          coverage: computeCoverage(operations, run.covered, {
            runs: config.runs,
            maintenanceSwitch: target.control !== undefined,
            exhaustionRan: run.exhaustionDone,
          }),
        }),
    createdObjects: run.created,
  };
  return {
    summary,
    exchanges: run.traffic,
    keyHeader,
    secrets: [target.apiKey, target.secondKey].filter(
      (s): s is string => typeof s === 'string' && s.length > 0,
    ),
    traces: run.traces,
  };
}
