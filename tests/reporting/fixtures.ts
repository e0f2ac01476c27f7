import type { CheckRecord, RunSummary } from '../../engine/types';
import type { Exchange } from '../../model/exchange';
import type { DeprecationDiff, LintFinding } from '../../reporting';

/** A key that must never reach a written file, in any encoding. */
export const SECRET = 'sk-test-9f3b&<7c"2e51';
export const KEY_HEADER = 'X-API-Key';
export const BASE_URL = 'https://apigw-qal.example.test';

const createPath = '/sales/api4partners/v1/leads-opportunities';

export const failedCheck: CheckRecord = {
  operationId: 'createLeadsOpportunities_v1',
  check: 'response-schema',
  status: 'failed',
  message:
    'response 201 does not match the schema: /leadOpportunity/status must be one of <A|B> & "C"',
  request: {
    method: 'post',
    path: createPath,
    query: { lang: 'en fr' },
    headers: { 'x-api-key': SECRET, 'content-type': 'application/json' },
    body: { comment: `pasted by mistake: ${SECRET}`, quote: "it's" },
  },
  response: {
    status: 201,
    headers: { 'content-type': 'application/json' },
    body: { status: '<script>alert(1)</script>' },
    text: '{"status":"<script>alert(1)</script>","ctl":"\u0001\u0007"}',
    durationMs: 41,
  },
  failureId: 'f-0001',
  exchanges: 12,
};

export function checks(): CheckRecord[] {
  return [
    {
      operationId: 'createLeadsOpportunities_v1',
      check: 'status-code',
      status: 'passed',
      message: '12 requests answered with documented statuses',
      exchanges: 12,
    },
    failedCheck,
    {
      operationId: 'getLeadsOpportunities_v1',
      check: 'status-code',
      status: 'passed',
      message: 'read back 3 objects',
      exchanges: 3,
      observations: ['header X-Trace-Id is not documented'],
    },
    {
      operationId: 'getLeadsOpportunities_v1',
      check: 'response-schema',
      status: 'skipped',
      message: 'no object could be created on the target',
      exchanges: 0,
    },
    {
      operationId: 'searchLeadsOpportunities',
      check: 'status-code',
      status: 'failed',
      message: 'expected 400 ERROR_043, got 500',
      request: {
        method: 'post',
        path: '/sales/api4partners/v0/leads-opportunities/search',
        headers: { 'X-API-Key': SECRET },
        rawBody: '{"from": ',
      },
      response: { status: 500, headers: {}, text: 'Internal error', durationMs: 9 },
      exchanges: 4,
    },
  ];
}

export function summary(overrides: Partial<RunSummary> = {}): RunSummary {
  const list = overrides.checks ?? checks();
  const count = (s: string): number => list.filter((c) => c.status === s).length;
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
    totals: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
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

export function exchanges(): Exchange[] {
  return [
    {
      startedAt: '2025-01-02T10:00:01.000Z',
      request: {
        method: 'post',
        path: createPath,
        headers: { 'X-API-Key': SECRET, 'content-type': 'application/json' },
        body: { comment: `contains ${SECRET}` },
      },
      response: {
        status: 201,
        headers: { 'content-type': 'application/json', 'x-echo-key': SECRET },
        body: { dsLeadOpportunityId: '9YEL-Y3W56Q' },
        text: '{"dsLeadOpportunityId":"9YEL-Y3W56Q"}',
        durationMs: 120,
      },
    },
    {
      startedAt: '2025-01-02T10:00:02.000Z',
      request: {
        method: 'get',
        path: `${createPath}/9YEL-Y3W56Q`,
        query: { fields: 'a,b', q: 'x&y=z' },
        headers: { 'x-api-key': SECRET },
      },
      response: { status: 404, headers: {}, text: '', durationMs: 15 },
    },
    {
      startedAt: '2025-01-02T10:00:03.000Z',
      request: {
        method: 'post',
        path: '/sales/api4partners/v0/leads-opportunities/search',
        headers: { 'X-API-Key': SECRET, 'content-type': 'text/plain' },
        rawBody: 'not json',
      },
      response: {
        status: 400,
        headers: { 'content-type': 'application/json' },
        text: '{"error":{"code":"ERR805"}}',
        durationMs: 22,
      },
    },
  ];
}

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
      v0: { operationId: 'createLeadsOpportunities', method: 'post', path: '/v0/leads' },
      v1: { operationId: 'createLeadsOpportunities_v1', method: 'post', path: '/v1/leads' },
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
    { operationId: 'searchPortfolioItems', method: 'post', path: '/v0/portfolio-items/search' },
  ],
};
