import { roleOf } from '../model';
import { CODE_NOT_DOCUMENTED, EITHER_DATE_REJECTION, judgeRejection } from './documented-rejection';
import { skip, type ScenarioCheck } from './types';
import { noObjectToWorkOn } from './scenario-kit';

/**
 * Generated invalid requests, each breaking one labelled rule, are rejected with the status
 * the spec documents for that kind of input. Invalid inputs for which the spec documents an
 * error code are documented_error_codes' to judge, so each request is judged once.
 */
export const negativeDataRejection: ScenarioCheck = {
  kind: 'scenario',
  name: 'negative_data_rejection',
  asserts:
    'every class of invalid input the schemas and descriptions define (each required property, type, enum, format, pattern, bound, minItems, description rule; at every depth) and random ones are rejected with the documented status, never accepted',
  excuses: [CODE_NOT_DOCUMENTED, EITHER_DATE_REJECTION],
  appliesTo: (op) => roleOf(op) !== 'read',
  judgeGenerated: (generated, exchange, ctx) =>
    generated.label
      ? judgeRejection(exchange, ctx.op, generated.label.expected, generated.label)
      : skip('not an invalid request'),
  async run(ctx) {
    const role = roleOf(ctx.op);
    if ((role === 'create' || role === 'update') && !ctx.caps.writes)
      return ctx.record(skip('write operation: not sent to production'));
    // Updates go to an object that exists, so the only thing wrong is the labelled rule.
    const onto = role === 'update' ? await ctx.objectFor(ctx.op.version) : undefined;
    if (role === 'update' && !onto) return ctx.record(noObjectToWorkOn());
    await ctx.sendGenerated({
      kind: 'coverage',
      count: Infinity,
      purpose: 'coverage',
      onto,
      coded: false,
    });
    await ctx.sendGenerated({
      kind: 'invalid',
      count: ctx.runs,
      purpose: 'invalid',
      onto,
      coded: false,
    });
  },
};
