import { documentedOutcome, requestWithId, roleOf } from '../model';
import { CODE_NOT_DOCUMENTED, EITHER_DATE_REJECTION, judgeRejection } from './documented-rejection';
import { createStep, noObjectToWorkOn, PARTNER_ID, RESOURCE } from './scenario-kit';
import { skip, type ScenarioCheck } from './types';

/** A made-up object id: the run never created it, so no key owns it. */
const UNKNOWN_ID = 'ZZZZ-{{partnerId}}';

/**
 * The error codes the spec documents, each provoked by the input it documents it for:
 * ERR801 (a partner id used twice by one key), ERR805 (malformed close or next milestone
 * date), ERROR_043 (a search bound missing), ERROR_004 (a bad `top`), ERROR_048 (an unknown
 * id); and an update of an unknown id is a documented rejection.
 */
export const documentedErrorCodes: ScenarioCheck = {
  kind: 'scenario',
  name: 'documented_error_codes',
  asserts:
    'each documented error code for the input it is documented for: ERR801 partner id reused by one key, ERR805 malformed close/next milestone date (406), ERROR_043 missing search bound, ERROR_004 bad top, ERROR_048 unknown id (500 on reads); an update of an unknown id is rejected (400)',
  excuses: [CODE_NOT_DOCUMENTED, EITHER_DATE_REJECTION],
  appliesTo: () => true,
  sequences: {
    duplicate_partner_id: ([, again], _params, ctx) =>
      again
        ? judgeRejection(
            again,
            ctx.op,
            documentedOutcome(ctx.op, 'duplicate-partner-id', `/body/${RESOURCE}/${PARTNER_ID}`),
            {
              pointer: `/body/${RESOURCE}/${PARTNER_ID}`,
              violation: 'duplicate-partner-id',
            },
          )
        : skip('sequence incomplete'),
    unknown_id: ([exchange], _params, ctx) =>
      exchange
        ? judgeRejection(exchange, ctx.op, documentedOutcome(ctx.op, 'unknown-id', '/path/id'), {
            pointer: '/path/id',
            violation: 'unknown-id',
          })
        : skip('sequence incomplete'),
  },
  judgeGenerated: (generated, exchange, ctx) =>
    generated.label
      ? judgeRejection(exchange, ctx.op, generated.label.expected, generated.label)
      : skip('not an invalid request'),
  async run(ctx) {
    const role = roleOf(ctx.op);
    const writes = role === 'create' || role === 'update';
    if (writes && !ctx.caps.writes)
      return ctx.record(skip('write operation: not sent to production'));
    if (role === 'create') {
      // The same partner id twice from one key; the second body otherwise new.
      await ctx.sequence('duplicate_partner_id', [
        createStep(ctx, ctx.op, 'dup', undefined, undefined, 'example'),
        {
          ...createStep(ctx, ctx.op, 'dup-again', undefined, undefined, 'example'),
          captures: undefined,
        },
      ]);
    }
    if (role === 'read' || role === 'update') {
      const body = role === 'update' ? ctx.validRequest('unknown-id').request.body : undefined;
      await ctx.sequence('unknown_id', [
        { operationId: ctx.op.operationId, request: requestWithId(ctx.op, UNKNOWN_ID, body) },
      ]);
    }
    if (role === 'read') return;
    const onto = role === 'update' ? await ctx.objectFor(ctx.op.version) : undefined;
    if (role === 'update' && !onto) return ctx.record(noObjectToWorkOn());
    await ctx.sendGenerated({
      kind: 'coverage',
      count: Infinity,
      purpose: 'coded-coverage',
      onto,
      coded: true,
    });
    await ctx.sendGenerated({
      kind: 'invalid',
      count: ctx.runs,
      purpose: 'coded',
      onto,
      coded: true,
      perCode: 2,
    });
  },
};
