import type { Verdict } from '../checks/types';
import type { Exchange } from '../model/exchange';
import type { CheckRecord } from './types';

interface Entry {
  passes: number;
  passNotes: string[];
  failures: Array<{ reason: string; exchange?: Exchange }>;
  skips: string[];
  observations: string[];
  exchanges: number;
}

const key = (operationId: string, check: string): string => `${operationId} > ${check}`;

/** Size of a request, to report the smallest failing one as the minimal counterexample. */
function requestSize(exchange: Exchange | undefined): number {
  if (!exchange) return Number.MAX_SAFE_INTEGER;
  const { body, rawBody, query } = exchange.request;
  return (rawBody ?? JSON.stringify(body ?? '')).length + JSON.stringify(query ?? {}).length;
}

/**
 * Verdicts per (operation, check), folded into one record each: failed if any exchange
 * failed (the smallest failing request is kept), passed if something was verified, else
 * skipped with the reasons.
 */
export class CheckBook {
  private readonly entries = new Map<string, Entry>();
  private readonly order: Array<[string, string]> = [];

  private entry(operationId: string, check: string): Entry {
    const k = key(operationId, check);
    let e = this.entries.get(k);
    if (!e) {
      e = { passes: 0, passNotes: [], failures: [], skips: [], observations: [], exchanges: 0 };
      this.entries.set(k, e);
      this.order.push([operationId, check]);
    }
    return e;
  }

  /** Declare a check so it appears in the results even if nothing ever judged it. */
  declare(operationId: string, check: string): void {
    this.entry(operationId, check);
  }

  record(operationId: string, check: string, verdict: Verdict, exchange?: Exchange): void {
    const e = this.entry(operationId, check);
    if (exchange) e.exchanges++;
    if (verdict.kind === 'pass') {
      e.passes++;
      if (verdict.note && e.passNotes.length < 5 && !e.passNotes.includes(verdict.note))
        e.passNotes.push(verdict.note);
    } else if (verdict.kind === 'fail') {
      e.failures.push({ reason: verdict.reason, exchange });
    } else if (!e.skips.includes(verdict.reason)) {
      e.skips.push(verdict.reason);
    }
  }

  observe(operationId: string, check: string, observation: string): void {
    const e = this.entry(operationId, check);
    if (e.observations.length < 20 && !e.observations.includes(observation))
      e.observations.push(observation);
  }

  records(): CheckRecord[] {
    return this.order.map(([operationId, check]) => this.recordOf(operationId, check));
  }

  recordOf(operationId: string, check: string): CheckRecord {
    const e = this.entry(operationId, check);
    const base = { operationId, check, exchanges: e.exchanges };
    const observations = e.observations.length ? { observations: [...e.observations] } : {};
    if (e.failures.length > 0) {
      const minimal = [...e.failures].sort(
        (a, b) => requestSize(a.exchange) - requestSize(b.exchange),
      )[0];
      const others = e.failures.length > 1 ? ` (${e.failures.length} failures in all)` : '';
      return {
        ...base,
        ...observations,
        status: 'failed',
        message: minimal.reason + others,
        request: minimal.exchange?.request,
        response: minimal.exchange?.response,
      };
    }
    if (e.passes > 0) {
      const notes = e.passNotes.length ? `; ${e.passNotes.join('; ')}` : '';
      return {
        ...base,
        ...observations,
        status: 'passed',
        message: `${e.passes} verified${notes}`,
      };
    }
    return {
      ...base,
      ...observations,
      status: 'skipped',
      message: e.skips.length ? e.skips.join('; ') : 'nothing to verify',
    };
  }

  /** The exchanges a check failed on, for attaching to reports. */
  failingExchanges(operationId: string, check: string): Exchange[] {
    return this.entry(operationId, check).failures.flatMap((f) => (f.exchange ? [f.exchange] : []));
  }
}
