import fc from 'fast-check';
import {
  invalidRequest,
  toHttpRequest,
  validRequest,
  type InvalidSample,
  type RequestSample,
} from '../generators';
import type { HttpRequest } from '../model/exchange';
import type { OperationModel, ViolationKind } from '../model';
import type { Session } from './session';

/**
 * Draw samples from the generators with the run's seed. Each (operation, purpose) pair gets
 * its own derived seed so that adding a check does not change what another check sends.
 */
function seedFor(session: Session, op: OperationModel, purpose: string): number {
  let h = session.config.seed >>> 0;
  for (const ch of `${op.operationId}:${purpose}`)
    h = (Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0) % 2 ** 31;
  return h;
}

export function idPrefix(session: Session): string {
  return `CONF-${session.config.runId}-${session.idTag}-`;
}

export function validSamples(
  session: Session,
  op: OperationModel,
  count: number,
  purpose = 'valid',
): RequestSample[] {
  const arb = validRequest(session.spec, op, {
    idPrefix: idPrefix(session) + purpose.slice(0, 3) + '-',
  });
  return fc.sample(arb, { seed: seedFor(session, op, purpose), numRuns: count });
}

export function invalidSamples(
  session: Session,
  op: OperationModel,
  count: number,
  purpose = 'invalid',
): InvalidSample[] {
  const arb = invalidRequest(session.spec, op, { idPrefix: idPrefix(session) + 'inv-' });
  return fc.sample(arb, { seed: seedFor(session, op, purpose), numRuns: count });
}

/**
 * One invalid request per kind of violation the operation can have (Schemathesis' coverage
 * phase): every rule is exercised in every run, whatever the random draws leave out.
 */
export function coverageSamples(ctx: { session: Session; op: OperationModel }): InvalidSample[] {
  const out: InvalidSample[] = [];
  for (const kind of COVERAGE_KINDS) {
    let arb;
    try {
      arb = invalidRequest(ctx.session.spec, ctx.op, {
        idPrefix: idPrefix(ctx.session) + 'cov-',
        kinds: [kind],
      });
    } catch {
      continue; // no way to break this rule on this operation
    }
    out.push(
      ...fc.sample(arb, { seed: seedFor(ctx.session, ctx.op, `coverage-${kind}`), numRuns: 1 }),
    );
  }
  return out;
}

const COVERAGE_KINDS: ViolationKind[] = [
  'required',
  'type',
  'enum',
  'pattern',
  'format',
  'minItems',
  'minimum',
  'malformed-json',
  'wrong-content-type',
  'empty-body',
  'search-no-criterion',
  'search-missing-bound',
  'search-from-not-before-to',
  'search-window-too-long',
];

export function httpRequestOf(op: OperationModel, sample: RequestSample): HttpRequest {
  return toHttpRequest(op, sample, {});
}

export type { InvalidSample, RequestSample };
