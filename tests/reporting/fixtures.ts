import type { Coverage, DimensionCoverage, OperationCoverage } from '../../engine/coverage';
import { curlFor } from '../../engine/http/curl';
import {
  totalsOf,
  verdictOf,
  type CheckRecord,
  type CheckStatus,
  type FailureRecord,
  type JudgedOperation,
  type RunSummary,
} from '../../engine/summary';
import type { Exchange, HttpRequest, HttpResponse } from '../../model/exchange';
import type { DeprecationDiff, LintFinding, ReportInputs } from '../../reporting';

/** A key that must never reach a written file, in any encoding. */
export const SECRET = 'sk-test-9f3b&<7c"2e51';
/** The partner's second key (key isolation): never written either. */
export const SECOND_SECRET = "sk-two-'4d1e>&x";
export const SECRETS = [SECRET, SECOND_SECRET];
export const KEY_HEADER = 'X-API-Key';
export const BASE_URL = 'https://apigw-qal.example.test';

const V1 = '/sales/api4partners/v1/leads-opportunities';
const SEARCH_V0 = '/sales/api4partners/v0/leads-opportunities/search';

/** The failure ids (signatures) of the run. */
export const SHRUNK_ID = 'F3a9c0e12';
export const SEQUENCE_ID = 'F7d41b2aa';

export const OPERATIONS: JudgedOperation[] = [
  {
    operationId: 'createLeadsOpportunities_v1',
    method: 'post',
    path: V1,
    version: 'v1',
    deprecated: false,
    tags: ['leads-opportunities'],
    part: 1,
  },
  {
    operationId: 'updateLeadOpportunitiesDetails_v1',
    method: 'patch',
    path: `${V1}/{id}`,
    version: 'v1',
    deprecated: false,
    tags: ['leads-opportunities'],
    part: 2,
  },
  {
    operationId: 'getLeadsOpportunities_v1',
    method: 'get',
    path: `${V1}/{id}`,
    version: 'v1',
    deprecated: false,
    tags: ['leads-opportunities'],
    part: 3,
  },
  {
    operationId: 'searchLeadsOpportunities',
    method: 'post',
    path: SEARCH_V0,
    version: 'v0',
    deprecated: false,
    tags: ['leads-opportunities'],
    part: 4,
  },
];

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body,
    text,
    bytes: Buffer.byteLength(text),
    durationMs: 35,
  } satisfies HttpResponse;
};

/** The generated invalid request: closeDate is not a date. */
const invalidCreate: HttpRequest = {
  method: 'POST',
  path: V1,
  headers: { 'x-api-key': SECRET, 'content-type': 'application/json' },
  body: {
    leadOpportunity: {
      name: 'Fuzzed lead',
      closeDate: '2025-13-45',
      status: 'LEAD_OPEN',
      amount: 1200,
      comment: "it's <b>fine</b>",
    },
    customer: { name: 'ACME', country: 'FR' },
  },
};

const shrunkCreate: HttpRequest = {
  method: 'POST',
  path: V1,
  headers: { 'x-api-key': SECRET, 'content-type': 'application/json' },
  body: { leadOpportunity: { closeDate: '2025-13-45' } },
};

/** A generated invalid request accepted, shrunk to the smallest request still accepted. */
export function shrunkFailure(): FailureRecord {
  return {
    id: SHRUNK_ID,
    check: 'negative_data_rejection',
    operationId: 'createLeadsOpportunities_v1',
    kind: 'accepted-invalid',
    pointer: '/request/body/leadOpportunity/closeDate',
    expected: '400 with error code ERROR_043',
    actual: '201 Created',
    source: '#/paths/~1sales~1api4partners~1v1~1leads-opportunities/post/responses/400',
    count: 3,
    request: invalidCreate,
    response: json(201, { info: { statusCode: 201 }, dsLeadOpportunityId: '9YEL-Y3W56Q' }),
    // As the engine records it: a curl line of the unredacted request.
    curl: curlFor(BASE_URL, invalidCreate, KEY_HEADER),
    generated: {
      kind: 'invalid',
      label: {
        violation: 'format',
        pointer: '/request/body/leadOpportunity/closeDate',
        expected: {
          answers: [{ status: 400, code: 'ERROR_043' }],
          source: '#/components/examples/ERROR_043',
        },
        reason: 'closeDate is not a date',
      },
    },
    shrunk: {
      request: shrunkCreate,
      response: json(201, { info: { statusCode: 201 }, note: 'shrunk <ok>' }),
      curl: curlFor(BASE_URL, shrunkCreate, KEY_HEADER),
      from: { fields: 9, bytes: 173 },
      to: { fields: 2, bytes: 46 },
      requests: 9,
    },
  };
}

const readBack: HttpRequest = {
  method: 'GET',
  path: `${V1}/9YEL-Y3W56Q`,
  headers: { 'X-API-Key': SECRET },
};

/** A stateful failure: created, updated, read back without the update's comment. */
export function sequenceFailure(): FailureRecord {
  return {
    id: SEQUENCE_ID,
    check: 'stateful_round_trip',
    operationId: 'updateLeadOpportunitiesDetails_v1',
    kind: 'lost-value',
    pointer: '/body/leadOpportunity/comment',
    expected: 'the comment sent, "<b>Won</b> & closed"',
    actual: 'null',
    source: '#/paths/~1sales~1api4partners~1v1~1leads-opportunities~1{id}/patch',
    count: 1,
    request: readBack,
    response: {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { leadOpportunity: { comment: null, status: '<script>alert(1)</script>' } },
      // Control characters XML 1.0 forbids even escaped.
      text: '{"leadOpportunity":{"comment":null,"status":"<script>alert(1)</script>","ctl":"\u0001\u0007"}}',
      bytes: 84,
      durationMs: 18,
    },
    curl: curlFor(BASE_URL, readBack, KEY_HEADER),
    sequence: {
      name: 'update_then_read',
      steps: [
        {
          operationId: 'createLeadsOpportunities_v1',
          request: {
            method: 'POST',
            path: V1,
            headers: { 'x-api-key': SECRET, 'content-type': 'application/json' },
            body: { leadOpportunity: { partnerLeadOpportunityId: '{{partnerId}}' } },
          },
          captures: 'id',
        },
        {
          operationId: 'updateLeadOpportunitiesDetails_v1',
          request: {
            method: 'PATCH',
            path: `${V1}/{{id}}`,
            headers: { 'x-api-key': SECRET, 'content-type': 'application/json' },
            body: { leadOpportunity: { comment: '<b>Won</b> & closed' } },
          },
          key: 'own',
        },
        {
          operationId: 'getLeadsOpportunities_v1',
          request: { method: 'GET', path: `${V1}/{{id}}`, headers: { 'X-API-Key': SECRET } },
          waitForTick: '/info/timestamp',
        },
      ],
      params: { comment: '<b>Won</b> & closed' },
    },
  };
}

export const ERROR_MESSAGE = "TypeError: Cannot read properties of undefined (reading 'items')";

export function checks(): CheckRecord[] {
  return [
    {
      operationId: 'createLeadsOpportunities_v1',
      check: 'status_code_conformance',
      status: 'passed',
      message: '12 verified',
      exchanges: 12,
    },
    {
      operationId: 'createLeadsOpportunities_v1',
      check: 'negative_data_rejection',
      status: 'failed',
      message:
        'accepted-invalid at /request/body/leadOpportunity/closeDate: expected 400 with error code ERROR_043; got 201 Created (3 times)',
      exchanges: 20,
      failures: [SHRUNK_ID],
    },
    {
      operationId: 'updateLeadOpportunitiesDetails_v1',
      check: 'stateful_round_trip',
      status: 'failed',
      message:
        'lost-value at /body/leadOpportunity/comment: expected the comment sent, "<b>Won</b> & closed"; got null',
      exchanges: 3,
      failures: [SEQUENCE_ID],
    },
    {
      operationId: 'getLeadsOpportunities_v1',
      check: 'status_code_conformance',
      status: 'passed',
      message: '3 verified',
      exchanges: 3,
      observations: ['header x-trace-id is not documented'],
    },
    {
      operationId: 'getLeadsOpportunities_v1',
      check: 'rate_limit_headers',
      status: 'skipped',
      message: 'every answer was a 429: the rate limit kept the check from concluding',
      exchanges: 4,
      inconclusive: true,
    },
    {
      operationId: 'searchLeadsOpportunities',
      check: 'paging_consistency',
      status: 'skipped',
      message: 'fewer than two pages of results on the target',
      exchanges: 1,
    },
    {
      operationId: 'searchLeadsOpportunities',
      check: 'response_schema_conformance',
      status: 'error',
      message: `internal error: ${ERROR_MESSAGE}`,
      exchanges: 2,
      error: {
        message: ERROR_MESSAGE,
        request: {
          method: 'POST',
          path: SEARCH_V0,
          headers: { 'X-API-Key': SECRET, 'content-type': 'application/json' },
          body: { from: 0 },
        },
      },
    },
  ];
}

const dim = (covered: number, total: number, missing: DimensionCoverage['missing'] = []) => ({
  covered,
  total,
  missing,
});
const notMet = (item: string) => ({
  item,
  reason: 'not met in this run (--runs 25)',
  kind: 'run' as const,
});

export const COVERAGE_OPERATIONS: OperationCoverage[] = [
  {
    operationId: 'createLeadsOpportunities_v1',
    dimensions: {
      statuses: dim(3, 5, [
        {
          item: '429',
          reason: 'the exhaustion probe did not run (--rate-limit-probe)',
          kind: 'target',
        },
        { item: '503', reason: 'the target has no maintenance switch', kind: 'target' },
      ]),
      errorCodes: dim(1, 2, [notMet('400 ERROR_043')]),
      requestProperties: dim(2, 3, [notMet('/leadOpportunity/closeDate')]),
      invalidPlaces: dim(3, 3),
      enumValues: dim(1, 2, [notMet('/leadOpportunity/status="LEAD_WON"')]),
      parameters: dim(0, 0),
      responseProperties: dim(4, 4),
      responseHeaders: dim(1, 1),
    },
  },
  {
    operationId: 'getLeadsOpportunities_v1',
    dimensions: {
      statuses: dim(2, 4, [
        notMet('404'),
        {
          item: '429',
          reason: 'the exhaustion probe did not run (--rate-limit-probe)',
          kind: 'target',
        },
      ]),
      errorCodes: dim(0, 1, [notMet('404 ERR805')]),
      requestProperties: dim(0, 0),
      invalidPlaces: dim(0, 0),
      enumValues: dim(0, 0),
      parameters: dim(1, 2, [notMet('fields')]),
      responseProperties: dim(5, 6, [notMet('200 /leadOpportunity/comment')]),
      responseHeaders: dim(1, 2, [notMet('200 x-ratelimit-remaining')]),
    },
  },
];

/** What engine/coverage computes from the two operations above. */
export const COVERAGE: Coverage = {
  operations: COVERAGE_OPERATIONS,
  totals: {
    statuses: { covered: 5, total: 9, percent: 55.6 },
    errorCodes: { covered: 1, total: 3, percent: 33.3 },
    requestProperties: { covered: 2, total: 3, percent: 66.7 },
    invalidPlaces: { covered: 3, total: 3, percent: 100 },
    enumValues: { covered: 1, total: 2, percent: 50 },
    parameters: { covered: 1, total: 2, percent: 50 },
    responseProperties: { covered: 9, total: 10, percent: 90 },
    responseHeaders: { covered: 2, total: 3, percent: 66.7 },
  },
};

/**
 * A realistic run: 2 passed, 2 failed (one failure signature each: one shrunk, one a
 * sequence), 2 skipped (one inconclusive), 1 internal error. The keys are in it, unredacted,
 * as the engine hands it over.
 */
export function summary(overrides: Partial<RunSummary> = {}): RunSummary {
  const list = overrides.checks ?? checks();
  return {
    tool: { name: 'api4partners-conformance', version: '0.1.0' },
    target: { name: 'qal', kind: 'remote', baseUrl: BASE_URL },
    spec: {
      title: 'APIs for 3DS Partners for sales domain',
      version: '2.0.0',
      path: 'spec/openapi.yaml',
      sha256: 'ab'.repeat(32),
    },
    runId: 'run-2025-01-02-xyz',
    seed: 1234,
    runs: 25,
    startedAt: '2025-01-02T10:00:00.000Z',
    durationMs: 65432,
    settings: {
      timeoutMs: 10000,
      maxBodyMb: 10,
      maxWaitS: 60,
      shrinkBudget: 50,
      rateLimitProbe: false,
      secondKey: true,
    },
    // As the engine computes them from the records.
    verdict: verdictOf(list),
    totals: totalsOf(list),
    operations: OPERATIONS,
    requests: 187,
    failures: [shrunkFailure(), sequenceFailure()],
    excuses: [
      {
        check: 'envelope_consistency',
        excuse: 'statusCodeAsInExample',
        allows:
          "an envelope's info.statusCode (or success) equal to what the spec's own example for that status shows",
        count: 4,
        example: 'POST /sales/api4partners/v1/leads-opportunities: 201 with info.statusCode 200',
      },
      {
        check: 'documented_error_codes',
        excuse: 'codeNotDocumented',
        allows: 'any error code, or none, in a rejection with the documented status',
        count: 1,
      },
    ],
    observations: [
      {
        operationId: 'getLeadsOpportunities_v1',
        check: 'status_code_conformance',
        text: 'retried after a 429 (Retry-After: 2)',
        count: 3,
      },
      { text: 'the target sent no Date header', count: 1 },
    ],
    coverage: COVERAGE,
    createdObjects: [
      {
        operationId: 'createLeadsOpportunities_v1',
        dsLeadOpportunityId: '9YEL-Y3W56Q',
        partnerLeadOpportunityId: 'P-<1>',
      },
    ],
    ...overrides,
    checks: list,
  };
}

/** A check record with a message saying what it is. */
export function checkRecord(
  operationId: string,
  check: string,
  status: CheckStatus,
  extra: Partial<CheckRecord> = {},
): CheckRecord {
  return { operationId, check, status, message: `${check} ${status}`, exchanges: 1, ...extra };
}

/** A failure signature without an example. */
export function failureRecord(
  id: string,
  operationId: string,
  check: string,
  extra: Partial<FailureRecord> = {},
): FailureRecord {
  return {
    id,
    check,
    operationId,
    kind: 'undocumented-status',
    pointer: '/status',
    expected: `a documented status (${id})`,
    actual: '500',
    source: '#/paths',
    count: 1,
    ...extra,
  };
}

/** A small run: these checks and failures, nothing else. */
export function runOf(
  checkRecords: CheckRecord[],
  failures: FailureRecord[] = [],
  overrides: Partial<RunSummary> = {},
): RunSummary {
  return summary({
    operations: [],
    failures,
    excuses: [],
    observations: [],
    coverage: undefined,
    createdObjects: [],
    ...overrides,
    checks: checkRecords,
  });
}

export function exchanges(): Exchange[] {
  return [
    {
      startedAt: '2025-01-02T10:00:01.000Z',
      request: {
        method: 'POST',
        path: V1,
        headers: { 'X-API-Key': SECRET, 'content-type': 'application/json' },
        body: { comment: `contains ${SECRET}` },
      },
      response: json(201, { dsLeadOpportunityId: '9YEL-Y3W56Q' }, { 'x-echo-key': SECRET }),
    },
    {
      startedAt: '2025-01-02T10:00:02.000Z',
      request: {
        method: 'get',
        path: `${V1}/9YEL-Y3W56Q`,
        query: { fields: 'a,b', q: 'x&y=z' },
        headers: { 'x-api-key': SECRET },
      },
      response: { status: 404, headers: {}, text: '', bytes: 0, durationMs: 15 },
    },
    {
      startedAt: '2025-01-02T10:00:03.000Z',
      request: {
        method: 'POST',
        path: SEARCH_V0,
        headers: { 'X-API-Key': SECRET, 'content-type': 'text/plain' },
        rawBody: 'not json',
      },
      response: {
        status: 400,
        headers: { 'content-type': 'application/json' },
        text: '{"error":{"code":"ERR805"',
        bytes: 25,
        durationMs: 22,
        incomplete: { kind: 'truncated', detail: 'connection closed after 25 of 40 bytes' },
        jsonError: 'Unexpected end of JSON input',
      },
    },
    {
      // Key isolation: the partner's second key reads the first key's object.
      startedAt: '2025-01-02T10:00:04.000Z',
      request: {
        method: 'GET',
        path: `${V1}/9YEL-Y3W56Q`,
        headers: { 'X-API-Key': SECOND_SECRET },
      },
      response: json(404, { info: { statusCode: 404 } }),
    },
    {
      startedAt: '2025-01-02T10:00:05.000Z',
      request: {
        method: 'POST',
        path: V1,
        headers: { 'X-API-Key': SECRET, 'content-type': 'application/json' },
        body: { leadOpportunity: { name: 'slow' } },
      },
      failure: { kind: 'timeout', detail: 'no answer within 10000 ms' },
    },
  ];
}

/** The suite's own error, with a trace that happens to hold the second key. */
export const TRACES: NonNullable<ReportInputs['traces']> = [
  {
    operationId: 'searchLeadsOpportunities',
    check: 'response_schema_conformance',
    trace: `${ERROR_MESSAGE}\n    at judge (checks/response-schema-conformance.ts:88:17)\n    request key ${SECOND_SECRET}`,
  },
];

export const lintFindings: LintFinding[] = [
  {
    severity: 'error',
    rule: 'example-valid',
    pointer: '#/paths/~1sales~1api4partners~1v1~1leads-opportunities/post',
    message: 'example <bad> does not match its schema',
  },
  { severity: 'warning', rule: 'date-format', pointer: '#/components/schemas/x', message: 'vague' },
];

export const deprecationDiff: DeprecationDiff = {
  pairs: [
    {
      v0: {
        operationId: 'createLeadsOpportunities',
        method: 'post',
        path: '/sales/api4partners/v0/leads-opportunities',
      },
      v1: { operationId: 'createLeadsOpportunities_v1', method: 'post', path: V1 },
      changes: [
        {
          kind: 'required-added',
          breaking: true,
          where: 'request',
          path: 'leadOpportunity.closeDate',
          message: 'closeDate is now required',
        },
        {
          kind: 'property-added',
          breaking: false,
          where: 'response',
          status: '201',
          message: 'new id',
        },
      ],
    },
  ],
  currentV0: [
    {
      operationId: 'searchPortfolioItems',
      method: 'get',
      path: '/sales/api4partners/v0/portfolio-items/search',
    },
  ],
};
