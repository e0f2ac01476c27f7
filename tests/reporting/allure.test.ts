import * as allure from 'allure-js-commons';
import { redactAll } from '../../reporting';
import { attachFailure, featureOf, labelCheck } from '../../suites/allure';
import {
  failureRecord,
  KEY_HEADER,
  OPERATIONS,
  SECRETS,
  SEQUENCE_ID,
  SHRUNK_ID,
  summary,
} from './fixtures';

// The real runtime only writes results under the allure-jest environment; here the calls are
// recorded so what the helpers send to Allure can be checked.
const mockStep = { open: false, attachedOutside: 0 };
jest.mock('allure-js-commons', () => ({
  ...jest.requireActual('allure-js-commons'),
  epic: jest.fn(async () => undefined),
  feature: jest.fn(async () => undefined),
  story: jest.fn(async () => undefined),
  parameter: jest.fn(async () => undefined),
  attachment: jest.fn(async () => {
    if (!mockStep.open) mockStep.attachedOutside++;
  }),
  step: jest.fn(async (_name: string, body: () => Promise<void>) => {
    mockStep.open = true;
    try {
      return await body();
    } finally {
      mockStep.open = false;
    }
  }),
}));

const mocked = allure as jest.Mocked<typeof allure>;

beforeEach(() => {
  jest.clearAllMocks();
  mockStep.attachedOutside = 0;
});

/** Every call to Allure, in order, as [helper, ...arguments]. */
function calls(): unknown[][] {
  const all = (['epic', 'feature', 'story', 'parameter', 'attachment', 'step'] as const).flatMap(
    (name) =>
      mocked[name].mock.calls.map((args, i) => ({
        order: mocked[name].mock.invocationCallOrder[i],
        call: [name, ...args.filter((a) => typeof a !== 'function')],
      })),
  );
  return all.sort((a, b) => a.order - b.order).map((c) => c.call);
}

test('features keep versions and deprecation apart', () => {
  expect(
    featureOf({ operationId: 'getLeadsOpportunities_v1', version: 'v1', deprecated: false }),
  ).toBe('getLeadsOpportunities_v1 (v1)');
  expect(featureOf({ operationId: 'getLeadsOpportunities', version: 'v0', deprecated: true })).toBe(
    'getLeadsOpportunities (v0, deprecated)',
  );
});

test('labelCheck sets epic, feature and story, and the run as parameters', async () => {
  await labelCheck(OPERATIONS[2], 'status_code_conformance', summary());
  expect(calls()).toEqual([
    ['epic', 'leads-opportunities'],
    ['feature', 'getLeadsOpportunities_v1 (v1)'],
    ['story', 'status_code_conformance'],
    ['parameter', 'target', 'https://apigw-qal.example.test'],
    // Seed and runs change from run to run: excluded from the history id.
    ['parameter', 'seed', '1234', { excluded: true }],
    ['parameter', 'runs', '25', { excluded: true }],
  ]);
});

test('an untagged operation on a target without a URL', async () => {
  const op = { ...OPERATIONS[0], tags: [], version: 'v0', deprecated: true };
  await labelCheck(op, 'x', summary({ target: { name: 'mock', kind: 'mock' } }));
  expect(mocked.epic).toHaveBeenCalledWith('untagged');
  expect(mocked.feature).toHaveBeenCalledWith('createLeadsOpportunities_v1 (v0, deprecated)');
  expect(mocked.parameter).toHaveBeenCalledWith('target', 'mock');
});

/** The failures as the suites read them: from the redacted summary.json. */
const redacted = () => redactAll(summary(), KEY_HEADER, SECRETS).failures;

test('a shrunk failure attaches the shrunk example, inside one step named by its id', async () => {
  const failure = redacted()[0];
  await attachFailure(failure);
  const shrunk = failure.shrunk;
  expect(calls()).toEqual([
    ['step', `[${SHRUNK_ID}] accepted-invalid at /request/body/leadOpportunity/closeDate`],
    ['attachment', 'request', JSON.stringify(shrunk?.request, null, 2), 'application/json'],
    ['attachment', 'response', JSON.stringify(shrunk?.response, null, 2), 'application/json'],
    ['attachment', 'curl', shrunk?.curl, 'text/plain'],
  ]);
  expect(mockStep.attachedOutside).toBe(0);
  expect(JSON.parse(String(mocked.attachment.mock.calls[0][1])).headers['x-api-key']).toBe(
    '[REDACTED]',
  );
});

test('a sequence failure attaches its example and the sequence that replays it', async () => {
  const failure = redacted()[1];
  await attachFailure(failure);
  expect(calls()).toEqual([
    ['step', `[${SEQUENCE_ID}] lost-value at /body/leadOpportunity/comment`],
    ['attachment', 'request', JSON.stringify(failure.request, null, 2), 'application/json'],
    ['attachment', 'response', JSON.stringify(failure.response, null, 2), 'application/json'],
    ['attachment', 'curl', failure.curl, 'text/plain'],
    ['attachment', 'sequence', JSON.stringify(failure.sequence, null, 2), 'application/json'],
  ]);
  expect(mockStep.attachedOutside).toBe(0);
  for (const [, content] of mocked.attachment.mock.calls) {
    expect(String(content)).not.toContain('9f3b');
    expect(String(content)).not.toContain('4d1e');
  }
});

test('a failure without an example is a step with nothing attached', async () => {
  await attachFailure(failureRecord('F1', 'op', 'x', { pointer: undefined }));
  expect(calls()).toEqual([['step', '[F1] undocumented-status']]);
});
