import type { Excuse, FailureDetail, Verdict } from '../checks/types';
import type { Exchange, HttpRequest } from '../model';
import type {
  CheckRecord,
  ExcuseUse,
  FailureRecord,
  GeneratedRecord,
  Observation,
  SequenceRecord,
  ShrinkRecord,
} from './summary';

/** What a failure can be reproduced from. */
export interface Evidence {
  exchanges: Exchange[];
  sequence?: SequenceRecord;
  generated?: GeneratedRecord;
  shrunk?: ShrinkRecord;
}

interface FailureEntry {
  detail: FailureDetail;
  count: number;
  evidence: Evidence;
  size: number;
}

interface Entry {
  passes: number;
  notes: string[];
  skips: Map<string, boolean>;
  failures: Map<string, FailureEntry>;
  observations: string[];
  exchanges: number;
  error?: CheckRecord['error'];
}

const keyOf = (operationId: string, check: string): string => `${operationId} > ${check}`;

/** A pointer with list indices generalised: `/offerLines/2/amount` and `/offerLines/0/amount` are one place. */
export const generalPointer = (pointer: string | undefined): string =>
  (pointer ?? '').replace(/\/\d+(?=\/|$)/g, '/*');

/** FNV-1a, 32 bits: short stable ids. */
function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h = Math.imul(h ^ unit, 16777619) >>> 0;
    // One step per code point, its first UTF-16 unit: the signatures of earlier versions stand.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The failure's stable key: check, operation, kind, place and what the spec expects. No run
 * data goes in, so the same defect has the same signature in every run and on every target.
 */
export function signatureOf(check: string, operationId: string, detail: FailureDetail): string {
  return `F${hash([check, operationId, detail.kind, generalPointer(detail.pointer), detail.expected].join('\u0000'))}`;
}

/** The size of the failing request, to keep the smallest example. */
function sizeOf(exchanges: Exchange[]): number {
  const last = exchanges[exchanges.length - 1]?.request as HttpRequest | undefined;
  if (!last) return Number.MAX_SAFE_INTEGER;
  return (
    (last.rawBody ?? JSON.stringify(last.body ?? '')).length +
    JSON.stringify(last.query ?? {}).length
  );
}

/**
 * Verdicts per (operation, check), folded into one record each: an internal error if the check
 * broke, failed if any verdict failed (failures grouped by signature, the smallest example
 * kept), passed if something was verified, else skipped with the reasons.
 */
export class Book {
  private readonly entries = new Map<string, Entry>();
  private readonly order: Array<[string, string]> = [];
  private readonly excuses = new Map<string, ExcuseUse>();
  private readonly notes = new Map<string, Observation>();

  private entry(operationId: string, check: string): Entry {
    const k = keyOf(operationId, check);
    let e = this.entries.get(k);
    if (!e) {
      e = {
        passes: 0,
        notes: [],
        skips: new Map(),
        failures: new Map(),
        observations: [],
        exchanges: 0,
      };
      this.entries.set(k, e);
      this.order.push([operationId, check]);
    }
    return e;
  }

  /** A check that applies, so it is reported even if nothing judged it. */
  declare(operationId: string, check: string): void {
    this.entry(operationId, check);
  }

  has(operationId: string, check: string): boolean {
    return this.entries.has(keyOf(operationId, check));
  }

  /** The signature a failing verdict of this check has. */
  signature(operationId: string, check: string, verdict: Verdict): string | undefined {
    return verdict.kind === 'fail' ? signatureOf(check, operationId, verdict.failure) : undefined;
  }

  record(
    operationId: string,
    check: string,
    verdict: Verdict,
    evidence: Evidence = { exchanges: [] },
  ): void {
    const e = this.entry(operationId, check);
    e.exchanges += evidence.exchanges.length;
    if (verdict.kind === 'pass') {
      e.passes++;
      if (verdict.note && e.notes.length < 3 && !e.notes.includes(verdict.note))
        e.notes.push(verdict.note);
      for (const excuse of verdict.excused ?? []) this.excused(check, excuse, verdict.note);
    } else if (verdict.kind === 'fail') {
      const signature = signatureOf(check, operationId, verdict.failure);
      const size = sizeOf(evidence.exchanges);
      const seen = e.failures.get(signature);
      if (!seen) e.failures.set(signature, { detail: verdict.failure, count: 1, evidence, size });
      else {
        seen.count++;
        // A shrunk example is kept over any other; else the smallest.
        if (!seen.evidence.shrunk && (evidence.shrunk || size < seen.size))
          Object.assign(seen, { detail: verdict.failure, evidence, size });
      }
    } else if (!e.skips.has(verdict.reason) || verdict.inconclusive) {
      e.skips.set(
        verdict.reason,
        verdict.inconclusive === true || e.skips.get(verdict.reason) === true,
      );
    }
  }

  private failureBySignature(signature: string): FailureEntry | undefined {
    for (const e of this.entries.values()) {
      const f = e.failures.get(signature);
      if (f) return f;
    }
    return undefined;
  }

  /** Attach a shrunk counterexample to a failure already recorded. */
  shrunk(signature: string, shrunk: ShrinkRecord): void {
    const failure = this.failureBySignature(signature);
    if (failure) failure.evidence = { ...failure.evidence, shrunk };
  }

  isShrunk(signature: string): boolean {
    return this.failureBySignature(signature)?.evidence.shrunk !== undefined;
  }

  error(operationId: string, check: string, error: NonNullable<CheckRecord['error']>): void {
    this.entry(operationId, check).error ??= error;
  }

  observe(operationId: string, check: string, text: string): void {
    const e = this.entry(operationId, check);
    if (e.observations.length < 20 && !e.observations.includes(text)) e.observations.push(text);
  }

  /** Something seen at the run's level (a header the spec does not declare, a retry). */
  note(text: string, operationId?: string, check?: string): void {
    const key = `${operationId ?? ''}\u0000${check ?? ''}\u0000${text}`;
    const seen = this.notes.get(key);
    if (seen) seen.count++;
    else this.notes.set(key, { operationId, check, text, count: 1 });
  }

  private excused(check: string, excuse: Excuse, example?: string): void {
    const key = `${check}\u0000${excuse.name}`;
    const seen = this.excuses.get(key);
    if (seen) seen.count++;
    else
      this.excuses.set(key, {
        check,
        excuse: excuse.name,
        allows: excuse.allows,
        count: 1,
        example,
      });
  }

  /** The failures with their evidence, for shrinking and reporting. */
  failureEntries(): Array<{
    operationId: string;
    check: string;
    signature: string;
    detail: FailureDetail;
    count: number;
    evidence: Evidence;
  }> {
    return this.order.flatMap(([operationId, check]) =>
      [...this.entry(operationId, check).failures].map(([signature, f]) => ({
        operationId,
        check,
        signature,
        ...f,
      })),
    );
  }

  records(): CheckRecord[] {
    return this.order.map(([operationId, check]) => this.recordOf(operationId, check));
  }

  recordOf(operationId: string, check: string): CheckRecord {
    const e = this.entry(operationId, check);
    const base = {
      operationId,
      check,
      exchanges: e.exchanges,
      ...(e.observations.length ? { observations: [...e.observations] } : {}),
    };
    if (e.error)
      return {
        ...base,
        status: 'error',
        message: `internal error: ${e.error.message}`,
        error: e.error,
      };
    if (e.failures.size > 0) {
      const all = [...e.failures.entries()];
      const [, first] = all[0];
      const count = all.reduce((n, [, f]) => n + f.count, 0);
      const others =
        all.length > 1
          ? ` (+${all.length - 1} other failure${all.length > 2 ? 's' : ''}; ${count} in all)`
          : count > 1
            ? ` (${count} times)`
            : '';
      return {
        ...base,
        status: 'failed',
        message: `${first.detail.kind}${first.detail.pointer ? ` at ${first.detail.pointer}` : ''}: expected ${first.detail.expected}; got ${first.detail.actual}${others}`,
        failures: all.map(([signature]) => signature),
      };
    }
    const inconclusive = [...e.skips].filter(([, why]) => why).map(([reason]) => reason);
    const flag = inconclusive.length ? { inconclusive: true } : {};
    if (e.passes > 0) {
      const notes = e.notes.length ? `; ${e.notes.join('; ')}` : '';
      // Something was verified, but not all: a pass that says what it could not conclude.
      const partial = inconclusive.length
        ? `; could not conclude: ${inconclusive.slice(0, 2).join('; ')}`
        : '';
      return {
        ...base,
        status: 'passed',
        message: `${e.passes} verified${notes}${partial}`,
        ...flag,
      };
    }
    return {
      ...base,
      status: 'skipped',
      message: e.skips.size ? [...e.skips.keys()].slice(0, 3).join('; ') : 'nothing to verify',
      ...flag,
    };
  }

  excuseUses(): ExcuseUse[] {
    return [...this.excuses.values()];
  }

  observations(): Observation[] {
    return [...this.notes.values()];
  }

  /** Every failure of the run as a record, evidence unredacted (the reporting layer redacts). */
  failureRecords(curlOf: (request: HttpRequest) => string | undefined): FailureRecord[] {
    return this.failureEntries().map(
      ({ operationId, check, signature, detail, count, evidence }) => {
        const last = evidence.exchanges[evidence.exchanges.length - 1];
        return {
          id: signature,
          check,
          operationId,
          ...detail,
          count,
          request: last?.request,
          response: last?.response,
          curl: last ? curlOf(last.request) : undefined,
          ...(evidence.sequence ? { sequence: evidence.sequence } : {}),
          ...(evidence.generated ? { generated: evidence.generated } : {}),
          ...(evidence.shrunk
            ? { shrunk: { ...evidence.shrunk, curl: curlOf(evidence.shrunk.request) } }
            : {}),
        };
      },
    );
  }
}
