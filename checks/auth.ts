import { messageOf } from './error-body';
import { fail, pass, type ExchangeContext, type Verdict } from './types';

function rejectedWith(ctx: ExchangeContext, status: number, what: string): Verdict {
  const { response } = ctx.exchange;
  if (response.status !== status)
    return fail(`${what} answered ${response.status}; documented ${status}`);
  if (!messageOf(response.body)) return fail(`${what}: ${status} body has no "message"`);
  return pass();
}

/** No API key: 401 with a message (the spec's 401_missing-apikey). */
export const missingKeyRejected = (ctx: ExchangeContext): Verdict =>
  rejectedWith(ctx, 401, 'request without API key');

/** A key the server does not know: 403 with a message (the spec's 403_forbidden), not 401. */
export const unknownKeyRejected = (ctx: ExchangeContext): Verdict =>
  rejectedWith(ctx, 403, 'request with an unknown API key');
