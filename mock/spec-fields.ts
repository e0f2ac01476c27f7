/**
 * The property names the mock's behaviour hangs on (which field is the id, which one holds
 * the offer lines, ...). Schemas, enums, examples and messages all come from the model; these
 * names are the only thing the mock knows by heart, and tests/mock/spec-fields.test.ts checks
 * every one of them against the spec, so a rename there fails loudly here.
 */
export const FIELDS = {
  /** The object inside create/update bodies and inside the read's `data`. */
  resource: 'leadOpportunity',
  /** 3DS id: in the 201 body, the read object, the update's data and search results. */
  dsId: 'dsLeadOpportunityId',
  /** The partner's id: unique per API key, searchable, "" for none. */
  partnerId: 'partnerLeadOpportunityId',
  createdDate: 'createdDate',
  modifiedDate: 'modifiedDate',
  status: 'status',
  forecastCategory: 'forecastCategory',
  offerLines: 'offerLines',
  revenueType: 'revenueType',
  amount: 'amount',
  name: 'name',
  /** The create body's partner legal entity, required at the top. */
  partnerLegalEntity: 'partnerId',
  currency: 'currency',
  /** Envelope parts. */
  info: 'info',
  data: 'data',
  /** The total count on portfolio-item pages. */
  estimatedCount: 'estimatedSearchCount',
  /** Paging query parameters of the listing. */
  skip: 'skip',
  top: 'top',
} as const;

/** Envelope keys that hold the error object: `error` (most bodies) or `errors` (PATCH 400). */
export const ERROR_KEYS = ['error', 'errors'] as const;
