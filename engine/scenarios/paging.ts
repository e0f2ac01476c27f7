import { fail, pass, skip } from '../../checks/types';
import type { Exchange } from '../../model/exchange';
import { exchangeFor, judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { httpRequestOf } from '../samples';

type Json = Record<string, unknown>;

function itemsOf(exchange: Exchange): unknown[] | undefined {
  const data = (exchange.response.body as Json | undefined)?.data;
  return Array.isArray(data) ? data : undefined;
}

function countOf(exchange: Exchange): number | undefined {
  const info = (exchange.response.body as Json | undefined)?.info as Json | undefined;
  return typeof info?.estimatedSearchCount === 'number' ? info.estimatedSearchCount : undefined;
}

/**
 * skip/top windows are consistent: a page of 10, then the second half of it as its own page,
 * then a page of 1, all agreeing on items and on estimatedSearchCount.
 */
export async function pagingScenario(ctx: ScenarioContext): Promise<void> {
  const { op } = ctx;
  const names = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  if (!names.includes('skip') || !names.includes('top')) {
    return judge(ctx, CHECKS.paging, skip('no skip/top query parameters'));
  }
  const page = async (skipN: number, top: number) =>
    exchangeFor(
      ctx,
      CHECKS.paging,
      httpRequestOf(op, {
        operationId: op.operationId,
        pathParams: {},
        query: { skip: String(skipN), top: String(top) },
      }),
    );
  const first = await page(0, 10);
  const second = await page(5, 5);
  const single = await page(0, 1);
  if (!first || !second || !single) return;
  for (const e of [first, second, single]) {
    if (e.response.status !== 200)
      return judge(ctx, CHECKS.paging, fail(`paging answered ${e.response.status}`), e);
  }
  const [a, b, c] = [itemsOf(first), itemsOf(second), itemsOf(single)];
  if (!a || !b || !c) return judge(ctx, CHECKS.paging, fail('a page has no `data` list'), first);
  const problems: string[] = [];
  if (a.length > 10) problems.push(`top=10 returned ${a.length} items`);
  if (c.length > 1) problems.push(`top=1 returned ${c.length} items`);
  if (JSON.stringify(b) !== JSON.stringify(a.slice(5, 10)))
    problems.push('skip=5&top=5 is not items 5..9 of skip=0&top=10');
  if (a.length > 0 && JSON.stringify(c) !== JSON.stringify(a.slice(0, 1)))
    problems.push('top=1 is not the first item of top=10');
  const counts = [first, second, single].map(countOf);
  if (counts.some((n) => n !== undefined && n !== counts[0]))
    problems.push(`estimatedSearchCount differs between pages: ${counts.join(', ')}`);
  if (counts[0] !== undefined && counts[0] < a.length)
    problems.push(`estimatedSearchCount ${counts[0]} is below the ${a.length} items returned`);
  if (problems.length) return judge(ctx, CHECKS.paging, fail(problems.join('; ')), second);
  judge(ctx, CHECKS.paging, pass(`windows agree, estimatedSearchCount ${counts[0]}`), first);
  if (counts[0] !== undefined) await walkAllPages(ctx, page, counts[0]);
}

/** Pages needed for a full walk are bounded; a larger catalogue is not walked. */
const WALK_PAGE_SIZE = 500;
const WALK_MAX_PAGES = 20;

/**
 * Walking the pages until a short one gives estimatedSearchCount items: a partner relies on
 * that count to know when to stop. An offset error that shifts every page the same way can
 * only be seen here, at the end of the list.
 */
async function walkAllPages(
  ctx: ScenarioContext,
  page: (skip: number, top: number) => Promise<Exchange | undefined>,
  count: number,
): Promise<void> {
  if (count > WALK_PAGE_SIZE * WALK_MAX_PAGES) {
    return judge(
      ctx,
      CHECKS.paging,
      skip(`catalogue of ${count} items: too large to walk in ${WALK_MAX_PAGES} pages`),
    );
  }
  let seen = 0;
  let last: Exchange | undefined;
  for (let i = 0; i <= WALK_MAX_PAGES; i++) {
    last = await page(seen, WALK_PAGE_SIZE);
    const items = last && last.response.status === 200 ? itemsOf(last) : undefined;
    if (!items) return;
    seen += items.length;
    if (items.length < WALK_PAGE_SIZE) break;
  }
  judge(
    ctx,
    CHECKS.paging,
    seen === count
      ? pass(`walked ${seen} items`)
      : fail(`walking the pages gave ${seen} items; estimatedSearchCount says ${count}`),
    last,
  );
}
