import { successStatuses } from './response-doc';
import { fail, pass, skip, type ExchangeContext, type Verdict } from './types';

/** A valid request gets the documented success status (201 for a create, 200 otherwise). */
export function positiveAcceptance({ op, exchange }: ExchangeContext): Verdict {
  const expected = successStatuses(op);
  if (expected.length === 0) return skip('no 2xx documented');
  const { status } = exchange.response;
  if (status === 429) return skip('rate limited: nothing concluded');
  if (expected.includes(status)) return pass();
  return fail(`valid request answered ${status}; documented success is ${expected.join('/')}`);
}
