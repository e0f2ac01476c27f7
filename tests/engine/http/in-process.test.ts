import { configFrom, type RunConfig } from '../../../engine/config';
import { createHttpClient, type HttpClient } from '../../../engine/http/client';
import { createInProcessClient } from '../../../engine/http/in-process';
import { runConformance } from '../../../engine/run';
import { createMock, DEFAULT_MOCK_API_KEY, type FaultId, type ListeningMock } from '../../../mock';
import type { Exchange, HttpRequest } from '../../../model/exchange';
import { getSpec, loadSpec, type SpecModel } from '../../../model';
import { DEFAULT_SPEC_PATH } from '../../../model/load-spec';

/*
 * The fault-detection matrix talks to the mock without a socket. These tests hold that it judges
 * what it would judge over HTTP: the same exchanges, byte for byte but the clock's readings, and
 * the same refusals for what node:http will not send.
 */

const ISO_DATE_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** What differs between two runs whatever the transport: clock readings and timings. */
function timeless(exchange: Exchange): string {
  const response = exchange.response && {
    ...exchange.response,
    durationMs: 0,
    headers: { ...exchange.response.headers, date: '(date)' },
  };
  return JSON.stringify({ ...exchange, startedAt: '(now)', response }).replace(
    ISO_DATE_TIME,
    '(date-time)',
  );
}

/** A run whose ids and mock clock are pinned, so that only the transport differs. */
async function pinnedRun(
  transport: 'http' | 'in-process',
  faults: FaultId[] = [],
  operations?: string,
) {
  const config: RunConfig = {
    ...configFrom({ seed: '7', runs: '1', ...(operations ? { operations } : {}) }, (k) => k),
    runId: 'transport-parity',
  };
  return runConformance(config, {
    transport,
    faults,
    mock: { clock: () => Date.UTC(2026, 0, 1) },
    sleep: async () => undefined,
  });
}

/** A create, a read and the listing: every kind of answer the header faults spoil. */
const HEADER_FAULT_OPERATIONS =
  'createLeadsOpportunities_v1,getLeadsOpportunities_v1,searchPortfolioItems';

const failing = (result: Awaited<ReturnType<typeof pinnedRun>>): string[] =>
  result.summary.checks
    .filter((c) => c.status !== 'passed' && c.status !== 'skipped')
    .map((c) => `${c.operationId} > ${c.check}`);

const statuses = (result: Awaited<ReturnType<typeof pinnedRun>>) =>
  result.summary.checks.map((c) => [c.operationId, c.check, c.status, c.inconclusive ?? false]);

describe('the in-process transport', () => {
  it('a whole run against the clean mock exchanges the same requests and answers as over HTTP', async () => {
    const [overHttp, inProcess] = [await pinnedRun('http'), await pinnedRun('in-process')];
    expect(inProcess.exchanges.length).toBeGreaterThan(500);
    expect(inProcess.exchanges.map(timeless)).toEqual(overHttp.exchanges.map(timeless));
    expect(statuses(inProcess)).toEqual(statuses(overHttp));
  }, 60_000);

  it.each<FaultId>(['text-plain-content-type', 'missing-rate-limit-headers'])(
    'a fault in the headers (%s) fails the same checks as over HTTP',
    async (fault) => {
      const [overHttp, inProcess] = [
        await pinnedRun('http', [fault], HEADER_FAULT_OPERATIONS),
        await pinnedRun('in-process', [fault], HEADER_FAULT_OPERATIONS),
      ];
      expect(failing(inProcess).length).toBeGreaterThan(0);
      expect(failing(inProcess)).toEqual(failing(overHttp));
    },
    60_000,
  );
});

describe('one request, both ways', () => {
  let spec: SpecModel;
  let server: ListeningMock;
  let overHttp: HttpClient;
  let inProcess: HttpClient;
  const limits = { timeoutMs: 5000, maxBodyBytes: 1024 * 1024 };

  beforeAll(async () => {
    spec = await getSpec();
    const clock = () => Date.UTC(2026, 0, 1);
    // Two mocks with the same seed and clock: each sees the same sequence of requests.
    server = await createMock(spec, { clock, maxBodyBytes: 2048 }).listen(0, '127.0.0.1');
    overHttp = createHttpClient(server.url, limits);
    inProcess = createInProcessClient(createMock(spec, { clock, maxBodyBytes: 2048 }), limits);
  });
  afterAll(async () => {
    overHttp?.close();
    await server?.close();
  });

  const create = (extra: Partial<HttpRequest>): HttpRequest => ({
    method: 'POST',
    path: '/sales/api4partners/v1/leads-opportunities',
    headers: { 'content-type': 'application/json', 'X-API-Key': DEFAULT_MOCK_API_KEY },
    ...extra,
  });

  it.each<[string, HttpRequest]>([
    ['a lone surrogate in the body (sent as U+FFFD)', create({ rawBody: '{"a":"\ud800"}' })],
    [
      "a body past the mock's size limit",
      create({ rawBody: JSON.stringify({ a: 'x'.repeat(4096) }) }),
    ],
    [
      'no API key',
      { method: 'GET', path: '/sales/api4partners/v1/leads-opportunities/X', headers: {} },
    ],
    ['an unknown path', { method: 'GET', path: '/nowhere', headers: {} }],
    ['a method the path does not take', { method: 'DELETE', path: create({}).path, headers: {} }],
    [
      'a key header named in another case, the wrong key last',
      {
        ...create({ body: {} }),
        headers: { 'x-api-key': DEFAULT_MOCK_API_KEY, 'X-Api-Key': 'other' },
      },
    ],
    [
      'a key header named in another case, the right key last',
      {
        ...create({ body: {} }),
        headers: { 'X-Api-Key': 'other', 'x-api-key': DEFAULT_MOCK_API_KEY },
      },
    ],
    [
      'a key with spaces and a tab around it',
      { ...create({ body: {} }), headers: { 'X-API-Key': ` \t${DEFAULT_MOCK_API_KEY}  ` } },
    ],
    [
      'a path with a Latin-1 letter (sent by node:http, refused by its server)',
      { method: 'GET', path: '/sales/api4partners/v1/leads-opportunities/caf\u00e9', headers: {} },
    ],
  ])('%s: the same answer', async (_, request) => {
    const [a, b] = [await overHttp.send(request), await inProcess.send(request)];
    expect(timeless(b)).toEqual(timeless(a));
    expect(b.response?.status).toBeGreaterThanOrEqual(200);
  });

  it.each<[string, HttpRequest, string]>([
    [
      'a path with a space',
      { method: 'GET', path: '/sales/api4partners/v1/leads-opportunities/a b', headers: {} },
      'ERR_UNESCAPED_CHARACTERS',
    ],
    [
      'a header value with a line break',
      { method: 'GET', path: '/', headers: { 'x-a': 'a\nb' } },
      'ERR_INVALID_CHAR',
    ],
    [
      'a header name with a space',
      { method: 'GET', path: '/', headers: { 'x a': 'b' } },
      'ERR_INVALID_HTTP_TOKEN',
    ],
  ])('%s: refused before sending, as node:http refuses it', async (_, request, code) => {
    await expect(overHttp.send(request)).rejects.toMatchObject({ code });
    await expect(inProcess.send(request)).rejects.toMatchObject({ code });
  });

  it('a response header node:http will not write (named by the spec) is a 500 both ways, not a crash', async () => {
    // A spec of its own (not the shared one): a documented header name with a space in it.
    const odd = await loadSpec(DEFAULT_SPEC_PATH);
    for (const op of odd.operations)
      for (const response of Object.values(op.responses))
        for (const header of response.headers)
          if (/^x-ratelimit-limit$/i.test(header.name)) header.name = 'X-RateLimit Limit';
    const list = odd.operations.find((op) => op.method === 'get' && !op.path.includes('{'));
    const errors: unknown[] = [];
    const options = { onError: (error: unknown) => errors.push(error) };
    const served = await createMock(odd, options).listen(0, '127.0.0.1');
    const client = createHttpClient(served.url, limits);
    try {
      const request: HttpRequest = {
        method: 'GET',
        path: list?.path as string,
        headers: { 'X-API-Key': DEFAULT_MOCK_API_KEY },
      };
      const [a, b] = [
        await client.send(request),
        await createInProcessClient(createMock(odd, options), limits).send(request),
      ];
      expect(a.response?.status).toBe(500);
      expect(timeless(b)).toEqual(timeless(a));
      expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
        'ERR_INVALID_HTTP_TOKEN',
        'ERR_INVALID_HTTP_TOKEN',
      ]);
    } finally {
      client.close();
      await served.close();
    }
  });

  it('a refused request leaves no deadline behind to fire later', async () => {
    const quick = createHttpClient(server.url, { timeoutMs: 20, maxBodyBytes: 1024 });
    const fired: unknown[] = [];
    const onError = (error: unknown) => fired.push(error);
    process.on('uncaughtException', onError);
    try {
      await expect(quick.send({ method: 'GET', path: '/a b', headers: {} })).rejects.toMatchObject({
        code: 'ERR_UNESCAPED_CHARACTERS',
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.off('uncaughtException', onError);
      quick.close();
    }
    expect(fired).toEqual([]);
  });
});
