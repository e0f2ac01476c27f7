import { roleOf, type AnsweredExchange, type OperationModel } from '../model';
import { errorCodeOf } from './error-body';
import { documentedResponse, successStatuses } from './response-doc';
import { fail, inconclusive, pass, skip, type ScenarioCheck, type Verdict } from './types';
import { noObjectToWorkOn } from './scenario-kit';

/** A valid request gets the documented success; what is not documented is judged elsewhere. */
export function judgeAcceptance(exchange: AnsweredExchange, op: OperationModel): Verdict {
  const expected = successStatuses(op);
  const { status, body } = exchange.response;
  if (expected.length === 0) return skip('no 2xx documented');
  if (status === 429) return inconclusive('rate limited (429): nothing concluded');
  if (expected.includes(status)) return pass();
  if (status >= 500) return skip(`answered ${status}: a 5xx is judged by not_a_server_error`);
  if (!documentedResponse(op, status))
    return skip(`answered ${status}, which is not documented: judged by status_code_conformance`);
  const code = errorCodeOf(body);
  return fail({
    kind: 'rejected-valid',
    pointer: '/status',
    expected: `${expected.join(' or ')} for a valid request (schema and the rules its descriptions state)`,
    actual: `${status}${code ? ` ${code}` : ''}`,
    source: `${op.pointer}/responses/${expected[0]}`,
  });
}

const needsObject = (op: OperationModel): boolean => ['read', 'update'].includes(roleOf(op));

/** Generated valid requests, and one carrying each enum value not sent yet, get the documented success. */
export const positiveDataAcceptance: ScenarioCheck = {
  kind: 'scenario',
  name: 'positive_data_acceptance',
  asserts:
    'generated valid requests (schema and description rules), and valid requests carrying every enum value, get the documented success (201 create, 200 otherwise)',
  appliesTo: () => true,
  judgeGenerated: (_generated, exchange, ctx) => judgeAcceptance(exchange, ctx.op),
  async run(ctx) {
    const role = roleOf(ctx.op);
    if ((role === 'create' || role === 'update') && !ctx.caps.writes)
      return ctx.record(skip('write operation: not sent to production'));
    const onto = needsObject(ctx.op) ? await ctx.objectFor(ctx.op.version) : undefined;
    if (needsObject(ctx.op) && !onto) return ctx.record(noObjectToWorkOn());
    await ctx.sendGenerated({ kind: 'valid', count: ctx.runs, purpose: 'valid', onto });
    await ctx.sendGenerated({
      kind: 'valid-coverage',
      count: ctx.runs,
      purpose: 'valid-coverage',
      onto,
    });
  },
};
