import { authMissingKey } from './auth-missing-key';
import { authUnknownKey } from './auth-unknown-key';
import { contentTypeConformance } from './content-type-conformance';
import { creationDefaultsCheck } from './creation-defaults';
import { documentedErrorCodes } from './documented-error-codes';
import { envelopeConsistency } from './envelope-consistency';
import { keyIsolation } from './key-isolation';
import { maintenance503 } from './maintenance-503';
import { negativeDataRejection } from './negative-data-rejection';
import { notAServerError } from './not-a-server-error';
import { pagingConsistency } from './paging-consistency';
import { positiveDataAcceptance } from './positive-data-acceptance';
import { rateLimitExhaustion } from './rate-limit-exhaustion';
import { rateLimitHeaders } from './rate-limit-headers';
import { rateLimitRemainingDecreases } from './rate-limit-remaining-decreases';
import { responseSchemaConformance } from './response-schema-conformance';
import { searchMatchesCriteria } from './search-matches-criteria';
import { statefulRoundTrip } from './stateful-round-trip';
import { statusCodeConformance } from './status-code-conformance';
import type { CheckDefinition, Excuse } from './types';
import { versionDifferences } from './version-differences';

export * from './types';
export { exhaustionOperation } from './rate-limit-exhaustion';

/**
 * Every conformance check, in the order a run applies them to an operation. The response
 * checks judge every answer of every operation; the scenario checks make their own requests.
 * Adding a check is one file and one line here.
 */
export const CHECKS: readonly CheckDefinition[] = [
  statusCodeConformance,
  contentTypeConformance,
  responseSchemaConformance,
  envelopeConsistency,
  rateLimitHeaders,
  notAServerError,
  positiveDataAcceptance,
  negativeDataRejection,
  documentedErrorCodes,
  statefulRoundTrip,
  searchMatchesCriteria,
  keyIsolation,
  creationDefaultsCheck,
  pagingConsistency,
  versionDifferences,
  authMissingKey,
  authUnknownKey,
  maintenance503,
  rateLimitRemainingDecreases,
  rateLimitExhaustion,
];

/** A check by name, or undefined. */
export const checkNamed = (
  name: string,
  checks: readonly CheckDefinition[] = CHECKS,
): CheckDefinition | undefined => checks.find((c) => c.name === name);

/** Every excuse the checks declare, with the check that takes it. */
export function excusesOf(
  checks: readonly CheckDefinition[] = CHECKS,
): Array<{ check: string; excuse: Excuse }> {
  return checks.flatMap((c) => (c.excuses ?? []).map((excuse) => ({ check: c.name, excuse })));
}
