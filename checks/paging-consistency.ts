import { requestFor, roleOf, type AnsweredExchange, type OperationModel } from '../model';
import { asJson } from './scenario-kit';
import {
  fail,
  inconclusive,
  pass,
  skip,
  type JudgeContext,
  type ScenarioCheck,
  type Step,
  type Verdict,
} from './types';

const itemsOf = (exchange: AnsweredExchange): unknown[] | undefined => {
  const data = asJson(exchange.response.body)?.data;
  return Array.isArray(data) ? data : undefined;
};

const countOf = (exchange: AnsweredExchange): number | undefined => {
  const n = asJson(asJson(exchange.response.body)?.info)?.estimatedSearchCount;
  return typeof n === 'number' ? n : undefined;
};

const page = (op: OperationModel, skipN: number, top: number): Step => ({
  operationId: op.operationId,
  request: requestFor(op, { query: { skip: String(skipN), top: String(top) } }),
});

/** Pages needed for a full walk are bounded; a larger catalogue is not walked. */
const WALK_MAX_PAGES = 20;
/** A walk of a few pages at least (an offset error between pages shows only then), bounded. */
const walkPageSize = (count: number): number => Math.min(1000, Math.max(50, Math.ceil(count / 4)));

function notAllAnswered(exchanges: AnsweredExchange[]): Verdict | undefined {
  const bad = exchanges.find((e) => e.response.status !== 200);
  return bad
    ? skip(
        `a page answered ${bad.response.status}: paging not judged (positive_data_acceptance judges it)`,
      )
    : undefined;
}

const wrong = (kind: string, expected: string, actual: string, ctx: JudgeContext): Verdict =>
  fail({
    kind,
    pointer: '/query',
    expected,
    actual,
    source: `${ctx.op.pointer}/parameters: skip "Number of items to skip", top "Maximum number of items"`,
  });

function judgeWindows(exchanges: AnsweredExchange[], _p: unknown, ctx: JudgeContext): Verdict {
  const unanswered = notAllAnswered(exchanges);
  if (unanswered) return unanswered;
  const [first, second, single] = exchanges;
  const [a, b, c] = [itemsOf(first), itemsOf(second), itemsOf(single)];
  if (!a || !b || !c)
    return skip('a page has no `data` list (response_schema_conformance judges it)');
  if (a.length === 0) return skip('the catalogue is empty: nothing to page through');
  if (a.length > 10)
    return wrong('page-too-large', 'at most 10 items for top=10', `${a.length}`, ctx);
  if (c.length > 1) return wrong('page-too-large', 'at most 1 item for top=1', `${c.length}`, ctx);
  if (JSON.stringify(b) !== JSON.stringify(a.slice(5, 10)))
    return wrong(
      'window-mismatch',
      'skip=5&top=5 is items 5..9 of skip=0&top=10',
      `${b.length} items, ${JSON.stringify(b[0] ?? null).slice(0, 80)} first`,
      ctx,
    );
  if (JSON.stringify(c) !== JSON.stringify(a.slice(0, 1)))
    return wrong(
      'window-mismatch',
      'top=1 is the first item of top=10',
      JSON.stringify(c[0] ?? null).slice(0, 80),
      ctx,
    );
  const counts = exchanges.map(countOf);
  if (counts.some((n) => n !== counts[0]))
    return wrong(
      'count-differs',
      'one estimatedSearchCount for every page of one catalogue',
      counts.join(', '),
      ctx,
    );
  if (counts[0] !== undefined && counts[0] < a.length)
    return wrong(
      'count-too-small',
      `estimatedSearchCount ≥ the ${a.length} items returned`,
      String(counts[0]),
      ctx,
    );
  return pass(`windows agree, estimatedSearchCount ${counts[0]}`);
}

function judgeWalk(
  exchanges: AnsweredExchange[],
  params: Record<string, unknown>,
  ctx: JudgeContext,
): Verdict {
  let seen = 0;
  let ended = false;
  for (const exchange of exchanges) {
    if (exchange.response.status !== 200)
      return inconclusive(`page answered ${exchange.response.status}: the walk did not finish`);
    const items = itemsOf(exchange);
    if (!items) return skip('a page has no `data` list');
    seen += items.length;
    if (items.length < Number(params.pageSize)) {
      ended = true;
      break;
    }
  }
  if (!ended)
    return inconclusive(
      `${exchanges.length} full pages: the walk did not reach the end of the list`,
    );
  const count = (exchanges[0] && countOf(exchanges[0])) ?? Number(params.count);
  if (seen === count) return pass(`walked ${seen} items`);
  return fail({
    kind: 'walk-count-mismatch',
    pointer: '/body/info/estimatedSearchCount',
    expected: 'walking the pages gives estimatedSearchCount ("Total number of Results") items',
    actual: `${seen} items walked, estimatedSearchCount ${count}`,
    source: `${ctx.op.responses['200']?.json?.schemaPointer ?? ctx.op.pointer}: estimatedSearchCount`,
  });
}

/**
 * skip/top windows agree with each other and with estimatedSearchCount, and walking every page
 * gives estimatedSearchCount items: a partner relies on that count to know when to stop, and
 * an offset error that shifts every page alike shows only at the end of the list.
 */
export const pagingConsistency: ScenarioCheck = {
  kind: 'scenario',
  name: 'paging_consistency',
  asserts:
    'skip/top windows agree with each other and with estimatedSearchCount; walking every page gives estimatedSearchCount items (an empty catalogue or a failed page is a skip, never a pass)',
  appliesTo: (op) =>
    roleOf(op) === 'list' &&
    ['skip', 'top'].every((n) => op.parameters.some((p) => p.in === 'query' && p.name === n)),
  sequences: { windows: judgeWindows, walk: judgeWalk },
  async run(ctx) {
    const windows = await ctx.sequence('windows', [
      page(ctx.op, 0, 10),
      page(ctx.op, 5, 5),
      page(ctx.op, 0, 1),
    ]);
    const count = windows[0] ? countOf(windows[0]) : undefined;
    if (count === undefined) return ctx.record(skip('no estimatedSearchCount to walk against'));
    if (count === 0) return ctx.record(skip('the catalogue is empty: nothing to walk'));
    const size = walkPageSize(count);
    if (count > size * WALK_MAX_PAGES)
      return ctx.record(
        skip(`catalogue of ${count} items: too large to walk in ${WALK_MAX_PAGES} pages`),
      );
    const pages = Math.floor(count / size) + 1;
    await ctx.sequence(
      'walk',
      Array.from({ length: pages }, (_, i) => page(ctx.op, i * size, size)),
      { count, pageSize: size },
    );
  },
};
