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
] as const satisfies readonly Fault[];

export type FaultId = (typeof FAULTS)[number]['id'];

const KNOWN = new Set<string>(FAULTS.map((f) => f.id));

export function isFaultId(id: string): id is FaultId {
  return KNOWN.has(id);
}

export const faultIds = (): FaultId[] => FAULTS.map((f) => f.id);
