/**
 * Switchable server bugs. Each one is a realistic defect a real implementation of this API
 * could ship; the conformance suite run against the mock with a fault on must fail, and
 * `caughtBy` says which check is expected to notice.
 */
export interface Fault {
  id: string;
  description: string;
  caughtBy: string;
}

export const FAULTS = [
  {
    id: 'create-returns-200',
    description: 'create answers 200 instead of the documented 201',
    caughtBy: 'status code conformance (200 is not documented for create)',
  },
  {
    id: 'missing-rate-limit-headers',
    description: 'no X-RateLimit-* headers on any response',
    caughtBy: 'rate-limit headers (declared headers present)',
  },
  {
    id: 'rate-limit-remaining-stuck',
    description: 'X-RateLimit-Remaining always shows the full limit: it never decreases',
    caughtBy: 'rate-limit sequence (Remaining decreases within a window)',
  },
  {
    id: 'get-breaks-schema',
    description: 'read returns offer line amounts as strings and a lowercase currency',
    caughtBy: 'response schema conformance on read',
  },
  {
    id: 'create-ignores-validation',
    description: 'create skips request validation: invalid bodies get 201',
    caughtBy: 'documented rejection of invalid create bodies',
  },
  {
    id: 'patch-lost-update',
    description: 'update answers 200 but does not persist the change',
    caughtBy: 'stateful update-then-read (the change is not visible)',
  },
  {
    id: 'duplicate-partner-id-accepted',
    description: 'a partnerLeadOpportunityId already used by the same key is accepted (no ERR801)',
    caughtBy: 'documented rejection: duplicate partner id gives 400 ERR801',
  },
  {
    id: 'date-format-400',
    description: 'a badly formatted date gives a plain 400 without ERR805 instead of 406',
    caughtBy: 'documented rejection: date format gives 406 ERR805',
  },
  {
    id: 'bad-key-401',
    description: 'an unknown API key answers 401 instead of 403',
    caughtBy: 'auth: unknown key rejected with 403',
  },
  {
    id: 'auth-ignored',
    description: 'requests without an API key are served',
    caughtBy: 'auth: missing key rejected with 401',
  },
  {
    id: 'server-error-on-long-string',
    description: 'any string longer than 200 characters in a request body gives a 500',
    caughtBy: 'not a server error (valid long strings must not give 5xx)',
  },
  {
    id: 'search-ignores-window',
    description: 'search accepts modifiedDate windows longer than 7 days',
    caughtBy: 'documented rejection: search window too long',
  },
  {
    id: 'paging-off-by-one',
    description: 'portfolio-items paging skips one item too many',
    caughtBy: 'stateful paging (pages concatenate to the full catalogue)',
  },
  {
    id: 'no-rate-limit',
    description: 'never answers 429, however many requests',
    caughtBy: 'rate limit enforced (429 once Remaining reaches 0)',
  },
  {
    id: 'defaults-not-applied',
    description: 'reasonWon/reasonLost are not defaulted at creation',
    caughtBy: 'documented defaults visible on read after create',
  },
  {
    id: 'text-plain-content-type',
    description: 'JSON bodies are sent with Content-Type text/plain',
    caughtBy: 'content type conformance',
  },
  {
    id: 'v1-accepts-v0-vocabulary',
    description: 'v1 create accepts v0 revenue types (UPFRONT, RENTAL_BOOKING, ...) and maps them',
    caughtBy: 'documented rejection of enum violations on v1 create',
  },
  {
    id: 'v0-read-leaks-v1-values',
    description: 'v0 read returns v1 revenue types (PxC/YxC) untranslated',
    caughtBy: 'response schema conformance on v0 read',
  },
  {
    id: 'maintenance-wrong-shape',
    description: 'the maintenance 503 body has no error.code',
    caughtBy: 'maintenance shape (503 carries ERR899)',
  },
  {
    id: 'unknown-id-404',
    description: 'an unknown id gives 404 instead of the documented 500 ERROR_048',
    caughtBy: 'status code conformance / documented outcome for unknown ids',
  },
  {
    id: 'read-ignores-owner',
    description: "read returns another API key's lead-opportunity instead of 500 ERROR_048",
    caughtBy: 'stateful isolation between keys (another key reads an id)',
  },
  {
    id: 'search-leaks-other-keys',
    description: "search returns other API keys' lead-opportunities",
    caughtBy: 'stateful isolation between keys (search sees only own objects)',
  },
  {
    id: 'read-drops-field',
    description: 'reads leave out the currency sent at creation',
    caughtBy: 'stateful round trip and the two views of version differences (a lost value)',
  },
  {
    id: 'patch-ignores-lists',
    description:
      'an update persists the leadOpportunity attributes only: offer lines, legal entity and contacts sent are dropped',
    caughtBy: 'stateful update-then-read (every patched part must persist)',
  },
  {
    id: 'forecast-won-keeps-sent',
    description:
      'at creation, WON and LOST keep the forecastCategory sent instead of the one the system sets',
    caughtBy: 'creation defaults (the system sets WON/LOST)',
  },
  {
    id: 'rental-reads-quarterly',
    description:
      'v0 RENTAL_BOOKING offer lines read through v1 as QxC (the spec pairs them with YxC)',
    caughtBy: 'version differences (one object, two views)',
  },
  {
    id: 'invalid-bodies-406',
    description:
      'every body that breaks the schema is answered 406 ERR805, whatever is wrong with it',
    caughtBy:
      'negative data rejection (400 is documented for invalid input other than the named dates)',
  },
  {
    id: 'unknown-id-wrong-code',
    description: 'a read of an unknown id crashes with a 500 whose error.code is not ERROR_048',
    caughtBy: 'not a server error (a documented 5xx only as documented)',
  },
  {
    id: 'search-refuses-second-key',
    description: "searches refuse the partner's second key with 403",
    caughtBy: 'key isolation (the second key is valid: only the objects are not shared)',
  },
  {
    id: 'flaky-503',
    description:
      'the first request to each operation answers 503 with error.code BUSY; the retry succeeds',
    caughtBy: 'not a server error, on the retried exchange (every exchange is judged)',
  },
  {
    id: 'rate-limit-epoch-reset',
    description: 'X-RateLimit-Reset is an epoch time and X-RateLimit-Remaining never decreases',
    caughtBy:
      'rate-limit sequence (Reset counts seconds until the window resets: it cannot explain a stuck Remaining)',
  },
  {
    id: 'envelope-says-success',
    description: '400 answers say info.success true',
    caughtBy: 'envelope consistency',
  },
  {
    id: 'search-prefix-match',
    description: 'a partnerLeadOpportunityId criterion also finds ids it is a prefix of',
    caughtBy: 'search matches criteria (an id criterion is an exact match)',
  },
  {
    id: 'search-or-criteria',
    description: 'two criteria in one search item are combined with OR',
    caughtBy: 'search matches criteria (criteria are combined with AND)',
  },
  {
    id: 'paging-fails-deep-pages',
    description: 'portfolio pages past the 100th item answer 500',
    caughtBy: 'not a server error (paging is left without a verdict: a skip, never a pass)',
  },
  {
    id: 'create-accepts-missing-partner-id',
    description: 'a create without the required top-level partnerId is accepted',
    caughtBy: 'negative data rejection (the coverage phase removes each required property)',
  },
  {
    id: 'patch-unknown-id-500',
    description: 'an update of an unknown id crashes with an undocumented 500',
    caughtBy: 'not a server error',
  },
  {
    id: 'patch-keeps-modified-date',
    description: 'an update does not move modifiedDate',
    caughtBy: 'stateful update-then-read (search on modifiedDate depends on it)',
  },
  {
    id: 'non-ascii-name-rejected',
    description: 'a leadOpportunity.name with a character beyond ASCII is rejected with 400',
    caughtBy: 'positive data acceptance (JSON strings are Unicode; the schema sets no limit)',
  },
] as const satisfies readonly Fault[];

export type FaultId = (typeof FAULTS)[number]['id'];

const KNOWN = new Set<string>(FAULTS.map((f) => f.id));

export function isFaultId(id: string): id is FaultId {
  return KNOWN.has(id);
}

export const faultIds = (): FaultId[] => FAULTS.map((f) => f.id);
