import { requestWithId, roleOf, type AnsweredExchange } from '../model';
import { createOf, createStep } from './scenario-kit';
import {
  fail,
  pass,
  skip,
  type CheckContext,
  type KeyChoice,
  type Step,
  type Verdict,
} from './types';

/**
 * A request that would succeed with the key: to an object of the run where the operation
 * takes an id (so only the key decides the answer), else a valid request.
 */
export function steps(ctx: CheckContext, key: KeyChoice): Step[] {
  const role = roleOf(ctx.op);
  const valid = ctx.validRequest('auth');
  if (role !== 'read' && role !== 'update')
    return [{ operationId: ctx.op.operationId, request: valid.request, key }];
  const create = createOf(ctx, ctx.op.version);
  if (!ctx.caps.writes || !create) {
    return [
      {
        operationId: ctx.op.operationId,
        request: requestWithId(ctx.op, 'AUTH-PROBE-0000', valid.request.body),
        key,
      },
    ];
  }
  return [
    createStep(ctx, create, 'auth', undefined, undefined, 'example'),
    {
      operationId: ctx.op.operationId,
      request: requestWithId(ctx.op, '{{id}}', valid.request.body),
      key,
    },
  ];
}

/** The status the spec documents for a request without a valid key, judged on the last step. */
export function judgeAuth(status: number, example: string, why: string) {
  return (exchanges: AnsweredExchange[]): Verdict => {
    const last = exchanges[exchanges.length - 1];
    if (!last) return skip('sequence incomplete');
    const actual = last.response.status;
    if (actual === status) return pass();
    return fail({
      kind: actual >= 200 && actual < 300 ? 'served-without-valid-key' : 'wrong-auth-status',
      pointer: '/status',
      expected: `${status} (${example})`,
      actual: String(actual),
      source: `responses/${status}: ${why}`,
    });
  };
}

export const skipOnProductionWrites = (ctx: CheckContext): boolean => {
  const role = roleOf(ctx.op);
  if ((role === 'create' || role === 'update') && !ctx.caps.writes) {
    ctx.record(skip('write operation: not sent to production'));
    return true;
  }
  return false;
};
