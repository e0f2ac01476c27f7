import { headerValue } from './response-doc';
import { fail, pass, skip, type ExchangeContext, type Verdict } from './types';

/** RFC 9745: `Deprecation: @1688169599` (a structured-field Date). */
const DEPRECATION_DATE = /^@-?\d{1,15}$/;

/**
 * Deprecation signalling. A deprecated operation may announce itself with `Deprecation`
 * (RFC 9745) and `Sunset` (RFC 8594); when it does, the values must be well formed. Their
 * absence is advisory (the spec does not promise them). A current operation must not carry them.
 */
export function deprecationHeaders({ op, exchange }: ExchangeContext): Verdict {
  const deprecation = headerValue(exchange.response.headers, 'deprecation');
  const sunset = headerValue(exchange.response.headers, 'sunset');
  if (!op.deprecated) {
    if (deprecation !== undefined || sunset !== undefined) {
      return fail(
        `${op.operationId} is not deprecated but answered with ${deprecation !== undefined ? 'Deprecation' : 'Sunset'}`,
      );
    }
    return pass();
  }
  if (deprecation === undefined && sunset === undefined) {
    return skip(
      'advisory: no Deprecation (RFC 9745) or Sunset (RFC 8594) header on a deprecated operation',
    );
  }
  if (deprecation !== undefined && !DEPRECATION_DATE.test(deprecation.trim())) {
    return fail(
      `Deprecation: ${JSON.stringify(deprecation)} is not an RFC 9745 date (@<epoch seconds>)`,
    );
  }
  if (sunset !== undefined && Number.isNaN(Date.parse(sunset))) {
    return fail(`Sunset: ${JSON.stringify(sunset)} is not an HTTP-date (RFC 8594)`);
  }
  return pass();
}
