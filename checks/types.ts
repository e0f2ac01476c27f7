import type { Exchange } from '../model/exchange';
import type { OperationModel, SpecModel } from '../model';

/** What one check concluded about one exchange (or one sequence of exchanges). */
export type Verdict =
  | { kind: 'pass'; note?: string }
  | { kind: 'fail'; reason: string }
  /** Not applicable, or nothing can be concluded: never a pass, never a failure. */
  | { kind: 'skip'; reason: string };

export const pass = (note?: string): Verdict => ({ kind: 'pass', note });
export const fail = (reason: string): Verdict => ({ kind: 'fail', reason });
export const skip = (reason: string): Verdict => ({ kind: 'skip', reason });

export interface ExchangeContext {
  spec: SpecModel;
  op: OperationModel;
  exchange: Exchange;
}

/** A check that judges any single exchange of an operation (Schemathesis' response checks). */
export interface ResponseCheck {
  name: string;
  run(ctx: ExchangeContext): Verdict;
}
