import * as allure from 'allure-js-commons';
import {
  checkLabelsOf,
  featureOf,
  labelCheck,
  parametersOfRun,
  recordExchange,
} from '../../suites/allure';
import { REDACTED } from '../../reporting';
import { BASE_URL, exchanges, KEY_HEADER, SECRET } from './fixtures';

// The real runtime only writes results under the allure-jest environment; here the calls are
// recorded so what the helpers send to Allure can be checked.
jest.mock('allure-js-commons', () => ({
  ...jest.requireActual('allure-js-commons'),
  epic: jest.fn(async () => undefined),
  feature: jest.fn(async () => undefined),
  story: jest.fn(async () => undefined),
  parameter: jest.fn(async () => undefined),
  attachment: jest.fn(async () => undefined),
  step: jest.fn(async (_name: string, body: () => Promise<void>) => body()),
}));

const mocked = allure as jest.Mocked<typeof allure>;

beforeEach(() => jest.clearAllMocks());

test('features keep versions and deprecation apart', () => {
  expect(
    featureOf({ operationId: 'getLeadsOpportunities_v1', version: 'v1', deprecated: false }),
  ).toBe('getLeadsOpportunities_v1 (v1)');
  expect(featureOf({ operationId: 'getLeadsOpportunities', version: 'v0', deprecated: true })).toBe(
    'getLeadsOpportunities (v0, deprecated)',
  );
});

test('labelCheck sets epic, feature and story', async () => {
  const op = {
    operationId: 'x_v1',
    version: 'v1',
    deprecated: false,
    tags: ['leads-opportunities'],
  };
  await labelCheck(checkLabelsOf(op, 'response-schema'));
  expect(mocked.epic).toHaveBeenCalledWith('leads-opportunities');
  expect(mocked.feature).toHaveBeenCalledWith('x_v1 (v1)');
  expect(mocked.story).toHaveBeenCalledWith('response-schema');
});

test('seed and runs are parameters excluded from the history id', async () => {
  await parametersOfRun({ target: 'qal', seed: 42, runs: 100 });
  expect(mocked.parameter.mock.calls).toEqual([
    ['target', 'qal'],
    ['seed', '42', { excluded: true }],
    ['runs', '100', { excluded: true }],
  ]);
});

test('recordExchange attaches request, response and curl inside one step, key redacted', async () => {
  await recordExchange(exchanges()[0], {
    keyHeader: KEY_HEADER,
    secret: SECRET,
    baseUrl: BASE_URL,
  });
  expect(mocked.step).toHaveBeenCalledTimes(1);
  expect(mocked.step.mock.calls[0][0]).toBe(
    'POST /sales/api4partners/v1/leads-opportunities -> 201',
  );
  const attachments = mocked.attachment.mock.calls.map(([name, content, type]) => ({
    name,
    content: String(content),
    type,
  }));
  expect(attachments.map((a) => [a.name, a.type])).toEqual([
    ['request', 'application/json'],
    ['response', 'application/json'],
    ['curl', 'text/plain'],
  ]);
  for (const { content } of attachments) expect(content).not.toContain('9f3b');
  const request = JSON.parse(attachments[0].content);
  expect(request.headers['X-API-Key']).toBe(REDACTED);
  expect(request.body.comment).toBe(`contains ${REDACTED}`);
  expect(attachments[2].content).toContain('"X-API-Key: $API4PARTNERS_API_KEY"');
});

test('recordExchange takes the key from API4PARTNERS_API_KEY when none is passed', async () => {
  const saved = process.env.API4PARTNERS_API_KEY;
  process.env.API4PARTNERS_API_KEY = SECRET;
  try {
    await recordExchange(exchanges()[0], { keyHeader: KEY_HEADER });
  } finally {
    if (saved === undefined) delete process.env.API4PARTNERS_API_KEY;
    else process.env.API4PARTNERS_API_KEY = saved;
  }
  const response = String(mocked.attachment.mock.calls[1][1]);
  expect(JSON.parse(response).headers['x-echo-key']).toBe(REDACTED);
});
