import { documentedOutcome, requestFor, roleOf, type AnsweredExchange } from '../model';
import { CODE_NOT_DOCUMENTED, judgeRejection } from './documented-rejection';
import { createOf, createStep, readStep } from './scenario-kit';
import { fail, pass, skip, type JudgeContext, type ScenarioCheck, type Verdict } from './types';

/** The second key is configured as valid: a refusal is the server's, not the key's. */
function refused(exchange: AnsweredExchange): Verdict | undefined {
  const { status } = exchange.response;
  if (status !== 401 && status !== 403) return undefined;
  return fail({
    kind: 'second-key-refused',
    pointer: '/status',
    expected: 'the second key, configured as valid, is served (only the objects are not shared)',
    actual: `${status} (if the key is wrong, fix API4PARTNERS_SECOND_API_KEY)`,
    source: 'responses/403: "usage of invalid API-KEY"',
  });
}

function judgeRead(
  [, read]: AnsweredExchange[],
  _params: Record<string, unknown>,
  ctx: JudgeContext,
): Verdict {
  if (!read) return skip('sequence incomplete');
  const { status } = read.response;
  if (status >= 200 && status < 300) {
    return fail({
      kind: 'read-by-other-key',
      pointer: '/status',
      expected: '500 ERROR_048 ("Leverage Id not in scope of requestor")',
      actual: `${status}: another key read the object`,
      source: `${ctx.op.pointer}/responses/500`,
    });
  }
  return (
    refused(read) ??
    judgeRejection(read, ctx.op, documentedOutcome(ctx.op, 'unknown-id', '/path/id'), {
      pointer: '/path/id',
      violation: 'object-of-another-key',
    })
  );
}

function judgeSearch(
  [created, search]: AnsweredExchange[],
  params: Record<string, unknown>,
  ctx: JudgeContext,
): Verdict {
  if (!created || !search) return skip('sequence incomplete');
  const denied = refused(search);
  if (denied) return denied;
  if (search.response.status !== 200)
    return skip(`the second key's search answered ${search.response.status}`);
  const id = String(params.id);
  if (!JSON.stringify(search.response.body ?? null).includes(`"${id}"`)) return pass();
  return fail({
    kind: 'found-by-other-key',
    pointer: '/body/data',
    expected: "a search finds only the caller's objects",
    actual: `another key's search found ${id}`,
    source: `${ctx.op.pointer}/responses/500/content: "Leverage Id not in scope of requestor"`,
  });
}

/**
 * Objects belong to the key that created them: another key reading one gets the documented
 * 500 ERROR_048 ("Leverage Id not in scope of requestor"), and its searches do not find it.
 * Needs a second key (the mock has one; remote: API4PARTNERS_SECOND_API_KEY).
 */
export const keyIsolation: ScenarioCheck = {
  kind: 'scenario',
  name: 'key_isolation',
  asserts:
    'another key of the partner is served but cannot read the object (500 ERROR_048) nor find it by search',
  appliesTo: (op) => ['read', 'search'].includes(roleOf(op)),
  excuses: [CODE_NOT_DOCUMENTED],
  sequences: { read_by_other_key: judgeRead, search_by_other_key: judgeSearch },
  async run(ctx) {
    if (!ctx.caps.secondKey)
      return ctx.record(skip('needs a second API key (API4PARTNERS_SECOND_API_KEY)'));
    if (!ctx.caps.writes)
      return ctx.record(skip('needs an object created by the run: no writes on production'));
    const create = createOf(ctx, ctx.op.version);
    if (!create) return ctx.record(skip('no create operation'));
    const made = createStep(ctx, create, 'isolation', undefined, undefined, 'example');
    if (roleOf(ctx.op) === 'read') {
      return ctx.sequence('read_by_other_key', [made, readStep(ctx.op, 'second')]);
    }
    await ctx.sequence(
      'search_by_other_key',
      [
        made,
        {
          operationId: ctx.op.operationId,
          request: requestFor(ctx.op, {
            body: { data: [{ partnerLeadOpportunityId: ['{{partnerId}}'] }] },
          }),
          key: 'second',
        },
      ],
      { id: '{{id}}' },
    );
  },
};
