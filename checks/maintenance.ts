import { ERROR_CODES } from '../model';
import { errorCodeOf } from './error-body';
import { fail, pass, skip, type ExchangeContext, type Verdict } from './types';

/** A 503 is the documented maintenance answer: ERR899 in the documented body. */
export function maintenanceShape({ op, exchange }: ExchangeContext): Verdict {
  const { status, body } = exchange.response;
  if (status !== 503) return skip(`answered ${status}, not 503`);
  const documented = op.responses['503'];
  if (!documented) return fail('503 is not documented for this operation');
  if (documented.json && !documented.json.validate(body)) return fail('503 body breaks its schema');
  const code = errorCodeOf(body);
  if (code !== ERROR_CODES.maintenance)
    return fail(`503 error code ${code ?? '(none)'}; documented ${ERROR_CODES.maintenance}`);
  return pass();
}
