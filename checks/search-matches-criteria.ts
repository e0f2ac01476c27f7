import { requestFor, roleOf, type AnsweredExchange, type OperationModel } from '../model';
import { asJson, createOf, createStep } from './scenario-kit';
import {
  fail,
  pass,
  skip,
  type JudgeContext,
  type ScenarioCheck,
  type Step,
  type Verdict,
} from './types';

/** Every id a search answered with (the string leaves under `data`). */
function resultIds(exchange: AnsweredExchange): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (asJson(v)) Object.values(v as object).forEach(walk);
  };
  walk(asJson(exchange.response.body)?.data);
  return out;
}

const searchStep = (op: OperationModel, item: Record<string, unknown>): Step => ({
  operationId: op.operationId,
  request: requestFor(op, { body: { data: [item] } }),
});

const source = (ctx: JudgeContext): string =>
  `${ctx.op.pointer}/requestBody: "These criteria will be combined using an AND operator", "Exact search for a particular lead-opportunitity id"`;

function judgeResults(
  searches: AnsweredExchange[],
  wanted: string | undefined,
  unwanted: string[],
  what: string,
  ctx: JudgeContext,
): Verdict {
  for (const search of searches) {
    if (search.response.status !== 200)
      return skip(
        `the search answered ${search.response.status} (positive_data_acceptance judges it)`,
      );
    const ids = resultIds(search);
    const stray = ids.filter((id) => id !== wanted);
    if (wanted !== undefined && !ids.includes(wanted)) {
      return fail({
        kind: 'missing-result',
        pointer: '/body/data',
        expected: `${what}: finds the object that matches`,
        actual: `${wanted} not among ${ids.length} results`,
        source: source(ctx),
      });
    }
    if (stray.length > 0) {
      const named = stray.filter((id) => unwanted.includes(id));
      return fail({
        kind: 'result-outside-criteria',
        pointer: '/body/data',
        expected: `${what}: every result satisfies the criteria`,
        actual: named.length
          ? `returned ${named.join(', ')}, which does not match`
          : `returned ${stray.length} objects no criterion matches (${stray.slice(0, 3).join(', ')})`,
        source: source(ctx),
      });
    }
  }
  return pass(what);
}

/** A partner id is an exact match: not a prefix, in the array form or the string form. */
function judgeExactId(
  exchanges: AnsweredExchange[],
  params: Record<string, unknown>,
  ctx: JudgeContext,
): Verdict {
  const searches = exchanges.slice(2);
  if (searches.length < 2) return skip('sequence incomplete');
  return judgeResults(
    searches,
    String(params.a),
    [String(params.b)],
    'a partner id is an exact match',
    ctx,
  );
}

/** Two criteria in one item are combined with AND: a window that misses the object excludes it. */
function judgeAnd(
  exchanges: AnsweredExchange[],
  params: Record<string, unknown>,
  ctx: JudgeContext,
): Verdict {
  const search = exchanges[1];
  if (!search) return skip('sequence incomplete');
  return judgeResults(
    [search],
    undefined,
    [String(params.a)],
    'criteria in one item are combined with AND',
    ctx,
  );
}

/**
 * What a search returns matches what was asked: the partner id criterion is an exact match
 * (no prefix matches, array and string forms alike) and two criteria in one item are combined
 * with AND. The objects are the run's own, with partner ids no other object can have.
 */
export const searchMatchesCriteria: ScenarioCheck = {
  kind: 'scenario',
  name: 'search_matches_criteria',
  asserts:
    'every object a search returns satisfies its criteria: a partner id is an exact match (not a prefix; array and string forms), two criteria in one item are combined with AND',
  appliesTo: (op) => roleOf(op) === 'search',
  sequences: { exact_id: judgeExactId, and_within_item: judgeAnd },
  async run(ctx) {
    if (!ctx.caps.writes)
      return ctx.record(skip('needs objects created by the run: no writes on production'));
    const create = createOf(ctx, ctx.op.version);
    if (!create) return ctx.record(skip('no create operation'));
    const id = 'partnerLeadOpportunityId';
    await ctx.sequence(
      'exact_id',
      [
        createStep(ctx, create, 'exact-a', undefined, undefined, 'example'),
        {
          ...createStep(ctx, create, 'exact-b', undefined, '{{partnerId}}X', 'example'),
          captures: 'id2',
        },
        searchStep(ctx.op, { [id]: ['{{partnerId}}'] }),
        searchStep(ctx.op, { [id]: '{{partnerId}}' }),
      ],
      { a: '{{id}}', b: '{{id2}}' },
    );
    // A window a week back, one day long: the object, modified now, is outside it.
    await ctx.sequence(
      'and_within_item',
      [
        createStep(ctx, create, 'and', undefined, undefined, 'example'),
        searchStep(ctx.op, {
          [id]: ['{{partnerId}}'],
          modifiedDate: { fromDate: '{{now-691200}}', toDate: '{{now-604800}}' },
        }),
      ],
      { a: '{{id}}' },
    );
  },
};
