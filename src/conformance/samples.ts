import fc from 'fast-check';
import {
  invalidRequest,
  toHttpRequest,
  validRequest,
  type InvalidSample,
  type RequestSample,
} from '../../generators';
import type { HttpRequest } from '../http/types';
import type { OperationModel } from '../model';
import type { Session } from './session';

/**
 * Draw samples from the generators with the run's seed. Each (operation, purpose) pair gets
 * its own derived seed so that adding a check does not change what another check sends.
 */
function seedFor(session: Session, op: OperationModel, purpose: string): number {
  let h = session.config.seed >>> 0;
  for (const ch of `${op.operationId}:${purpose}`) h = (Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0) % 2 ** 31;
  return h;
}

export function idPrefix(session: Session): string {
  return `CONF-${session.config.runId}-`;
}

export function validSamples(session: Session, op: OperationModel, count: number, purpose = 'valid'): RequestSample[] {
  const arb = validRequest(session.spec, op, { idPrefix: idPrefix(session) + purpose.slice(0, 3) + '-' });
  return fc.sample(arb, { seed: seedFor(session, op, purpose), numRuns: count });
}

export function invalidSamples(session: Session, op: OperationModel, count: number, purpose = 'invalid'): InvalidSample[] {
  const arb = invalidRequest(session.spec, op, { idPrefix: idPrefix(session) + 'inv-' });
  return fc.sample(arb, { seed: seedFor(session, op, purpose), numRuns: count });
}

export function httpRequestOf(op: OperationModel, sample: RequestSample): HttpRequest {
  return toHttpRequest(op, sample, {});
}

export type { InvalidSample, RequestSample };
