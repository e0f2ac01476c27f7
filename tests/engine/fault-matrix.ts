import type { FaultId } from '../../mock';
import type { OperationRole } from '../../model';

/*
 * For every fault the mock can inject: exactly which (operation, check) pairs must fail when it
 * is on, among the operations it can affect, and nothing else. A fault with no entry fails the
 * matrix test, and README's fault table is kept in step with this file by a test.
 */

const CREATE_V0 = 'createLeadsOpportunities';
const READ_V0 = 'getLeadsOpportunities';
const UPDATE_V0 = 'updateLeadOpportunitiesDetails';
const CREATE_V1 = 'createLeadsOpportunities_v1';
const READ_V1 = 'getLeadsOpportunities_v1';
const UPDATE_V1 = 'updateLeadOpportunitiesDetails_v1';
const SEARCH = 'searchLeadsOpportunities';
const LIST = 'searchPortfolioItems';

/** Every operation: the fault is in what every answer carries. */
const ALL: OperationRole[] = ['create', 'read', 'update', 'search', 'list'];
/** The operations that create objects to work on, and those creates. */
const WRITES_AND_READS: OperationRole[] = ['create', 'read', 'update', 'search'];
/** The operations that read an object back. */
const OBJECT: OperationRole[] = ['create', 'read', 'update'];

export interface FaultExpectation {
  /** The operations the fault can affect, by what they do: only these are run. */
  scope: OperationRole[];
  /** check -> the operations on which it must fail; every other check of the scope passes or skips. */
  fails: Record<string, string[]>;
  /** check -> operations on which it cannot conclude (left without a verdict, never a clean pass). */
  inconclusive?: Record<string, string[]>;
}

export const FAULT_MATRIX: Record<FaultId, FaultExpectation> = {
  'create-returns-200': {
    scope: WRITES_AND_READS,
    fails: { status_code_conformance: [CREATE_V0, CREATE_V1] },
  },
  'missing-rate-limit-headers': {
    scope: ALL,
    fails: {
      rate_limit_headers: [
        CREATE_V0,
        READ_V0,
        CREATE_V1,
        READ_V1,
        UPDATE_V0,
        UPDATE_V1,
        SEARCH,
        LIST,
      ],
    },
  },
  'rate-limit-remaining-stuck': {
    scope: ALL,
    fails: {
      rate_limit_remaining_decreases: [
        CREATE_V0,
        READ_V0,
        UPDATE_V0,
        SEARCH,
        LIST,
        CREATE_V1,
        READ_V1,
        UPDATE_V1,
      ],
      rate_limit_exhaustion: [LIST],
    },
  },
  'get-breaks-schema': {
    scope: OBJECT,
    fails: {
      stateful_round_trip: [CREATE_V0, READ_V0, UPDATE_V0, CREATE_V1, READ_V1, UPDATE_V1],
      response_schema_conformance: [READ_V0, READ_V1],
      version_differences: [READ_V0, READ_V1],
    },
  },
  'create-ignores-validation': {
    scope: WRITES_AND_READS,
    fails: {
      negative_data_rejection: [CREATE_V0, CREATE_V1],
      documented_error_codes: [CREATE_V0, CREATE_V1],
      version_differences: [CREATE_V0, CREATE_V1],
    },
  },
  'patch-lost-update': {
    scope: ['update'],
    fails: { stateful_round_trip: [UPDATE_V0, UPDATE_V1] },
  },
  'duplicate-partner-id-accepted': {
    scope: WRITES_AND_READS,
    fails: { documented_error_codes: [CREATE_V0, CREATE_V1] },
  },
  'date-format-400': {
    scope: ['create', 'update'],
    fails: { documented_error_codes: [CREATE_V0, UPDATE_V0, CREATE_V1, UPDATE_V1] },
  },
  'bad-key-401': {
    scope: ALL,
    fails: {
      auth_unknown_key_403: [
        CREATE_V0,
        READ_V0,
        UPDATE_V0,
        SEARCH,
        LIST,
        CREATE_V1,
        READ_V1,
        UPDATE_V1,
      ],
    },
  },
  'auth-ignored': {
    scope: ALL,
    fails: {
      auth_missing_key_401: [
        CREATE_V0,
        READ_V0,
        UPDATE_V0,
        SEARCH,
        LIST,
        CREATE_V1,
        READ_V1,
        UPDATE_V1,
      ],
    },
  },
  'server-error-on-long-string': {
    scope: WRITES_AND_READS,
    fails: { not_a_server_error: [CREATE_V0, CREATE_V1, UPDATE_V0, UPDATE_V1] },
  },
  'search-ignores-window': { scope: ['search'], fails: { negative_data_rejection: [SEARCH] } },
  'paging-off-by-one': { scope: ['list'], fails: { paging_consistency: [LIST] } },
  'no-rate-limit': { scope: ['list'], fails: { rate_limit_exhaustion: [LIST] } },
  'defaults-not-applied': {
    scope: WRITES_AND_READS,
    fails: { creation_defaults: [CREATE_V0, CREATE_V1] },
  },
  'text-plain-content-type': {
    scope: ALL,
    fails: {
      content_type_conformance: [
        CREATE_V0,
        READ_V0,
        CREATE_V1,
        READ_V1,
        UPDATE_V0,
        UPDATE_V1,
        SEARCH,
        LIST,
      ],
    },
  },
  'v1-accepts-v0-vocabulary': {
    scope: WRITES_AND_READS,
    fails: { version_differences: [CREATE_V0, CREATE_V1] },
  },
  'v0-read-leaks-v1-values': {
    scope: OBJECT,
    fails: {
      stateful_round_trip: [CREATE_V0, READ_V0, UPDATE_V0],
      response_schema_conformance: [READ_V0],
      version_differences: [READ_V0, READ_V1],
    },
  },
  'maintenance-wrong-shape': {
    scope: ALL,
    fails: {
      not_a_server_error: [CREATE_V0, READ_V0, CREATE_V1, READ_V1, UPDATE_V0, UPDATE_V1, SEARCH],
    },
  },
  'unknown-id-404': {
    scope: ['read', 'update'],
    fails: { status_code_conformance: [READ_V0, READ_V1, UPDATE_V0, UPDATE_V1] },
  },
  'read-ignores-owner': { scope: ['read'], fails: { key_isolation: [READ_V0, READ_V1] } },
  'search-leaks-other-keys': { scope: ['search'], fails: { key_isolation: [SEARCH] } },
  'read-drops-field': {
    scope: OBJECT,
    fails: {
      stateful_round_trip: [CREATE_V0, READ_V0, UPDATE_V0, CREATE_V1, READ_V1, UPDATE_V1],
      version_differences: [READ_V0, READ_V1],
    },
  },
  'patch-ignores-lists': {
    scope: ['update'],
    fails: { stateful_round_trip: [UPDATE_V0, UPDATE_V1] },
  },
  'forecast-won-keeps-sent': {
    scope: WRITES_AND_READS,
    fails: { creation_defaults: [CREATE_V0, CREATE_V1] },
  },
  'rental-reads-quarterly': { scope: OBJECT, fails: { version_differences: [READ_V1] } },
  'invalid-bodies-406': {
    scope: ['create', 'update', 'search'],
    fails: { negative_data_rejection: [CREATE_V0, UPDATE_V0, CREATE_V1, UPDATE_V1] },
  },
  'unknown-id-wrong-code': {
    scope: ['read', 'update'],
    fails: { not_a_server_error: [READ_V0, READ_V1] },
  },
  'search-refuses-second-key': { scope: ['search'], fails: { key_isolation: [SEARCH] } },
  'flaky-503': {
    scope: ALL,
    fails: {
      not_a_server_error: [CREATE_V0, READ_V0, CREATE_V1, READ_V1, UPDATE_V0, UPDATE_V1, SEARCH],
    },
  },
  'rate-limit-epoch-reset': {
    scope: ALL,
    fails: {
      rate_limit_remaining_decreases: [
        CREATE_V0,
        READ_V0,
        UPDATE_V0,
        SEARCH,
        LIST,
        CREATE_V1,
        READ_V1,
        UPDATE_V1,
      ],
      rate_limit_exhaustion: [LIST],
    },
  },
  'envelope-says-success': {
    scope: ALL,
    fails: { envelope_consistency: [CREATE_V0, CREATE_V1, UPDATE_V0, UPDATE_V1, SEARCH, LIST] },
  },
  'search-prefix-match': { scope: ['search'], fails: { search_matches_criteria: [SEARCH] } },
  'search-or-criteria': { scope: ['search'], fails: { search_matches_criteria: [SEARCH] } },
  'paging-fails-deep-pages': {
    scope: ['list'],
    fails: { not_a_server_error: [LIST] },
    // A walk that meets a failing page ends without a verdict: inconclusive, never a clean pass.
    inconclusive: { paging_consistency: [LIST] },
  },
  'create-accepts-missing-partner-id': {
    scope: ['create'],
    fails: { negative_data_rejection: [CREATE_V0, CREATE_V1] },
  },
  'patch-unknown-id-500': {
    scope: ['update'],
    fails: { not_a_server_error: [UPDATE_V0, UPDATE_V1] },
  },
  'patch-keeps-modified-date': {
    scope: ['update'],
    fails: { stateful_round_trip: [UPDATE_V0, UPDATE_V1] },
  },
  'non-ascii-name-rejected': {
    scope: WRITES_AND_READS,
    fails: { positive_data_acceptance: [CREATE_V0, UPDATE_V0, CREATE_V1, UPDATE_V1] },
  },
};
