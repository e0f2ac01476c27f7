import type { FaultId } from '../../mock';
import { CHECKS } from '../../engine/plan';

/**
 * For every fault the mock can inject: the check that must fail when it is on. A fault with
 * no entry here fails the matrix test, so a new fault cannot land without proof it is caught.
 */
export const FAULT_MATRIX: Record<FaultId, { check: string; operations?: RegExp }> = {
  'create-returns-200': { check: 'status_code_conformance', operations: /^create/ },
  'missing-rate-limit-headers': { check: 'rate_limit_headers' },
  'rate-limit-remaining-stuck': { check: CHECKS.rateLimitDecreasing },
  'get-breaks-schema': { check: 'response_schema_conformance', operations: /^get/ },
  'create-ignores-validation': { check: CHECKS.negative, operations: /^create/ },
  'patch-lost-update': { check: CHECKS.roundTrip, operations: /^update/ },
  'duplicate-partner-id-accepted': { check: CHECKS.errorCodes, operations: /^create/ },
  'date-format-400': { check: CHECKS.errorCodes },
  'bad-key-401': { check: CHECKS.authUnknownKey },
  'auth-ignored': { check: CHECKS.authMissingKey },
  'server-error-on-long-string': { check: 'not_a_server_error' },
  'search-ignores-window': { check: CHECKS.negative, operations: /^searchLeads/ },
  'paging-off-by-one': { check: CHECKS.paging },
  'no-rate-limit': { check: CHECKS.exhaustion },
  'defaults-not-applied': { check: CHECKS.defaults },
  'text-plain-content-type': { check: 'content_type_conformance' },
  'v1-accepts-v0-vocabulary': { check: CHECKS.versions },
  'v0-read-leaks-v1-values': { check: CHECKS.versions },
  'maintenance-wrong-shape': { check: CHECKS.maintenance },
  'unknown-id-404': { check: CHECKS.errorCodes, operations: /^get/ },
  'read-ignores-owner': { check: CHECKS.keyIsolation, operations: /^get/ },
  'search-leaks-other-keys': { check: CHECKS.keyIsolation, operations: /^search/ },
};
