import fc from 'fast-check';
import {
  apiKeyHeaders,
  invalidRequest,
  toHttpRequest,
  validRequest,
  type InvalidSample,
  type RequestSample,
} from '../../generators';
import type { HttpRequest } from '../../model/exchange';
import { DEFAULT_SPEC_PATH, listOperations, roleOf, type OperationModel } from '../../model';
import { conformsTo, fcSeed, KEY, startMock, type TestMock, closeMocks } from './helpers';

/**
 * Every response the mock gives to generated requests (valid and invalid, from generators/)
 * conforms to the spec: a documented status, a body that obeys that status's schema, the
 * declared headers. Valid requests are accepted, invalid ones get their documented outcome.
 */
let t: TestMock;
beforeAll(async () => {
  t = await startMock({ rateLimit: { limit: 1_000_000, windowSeconds: 3600 } });
});
afterAll(closeMocks);

const NUM_RUNS = 20;

function send(req: HttpRequest) {
  let call = t.agent[req.method.toLowerCase() as 'get'](req.path).set(req.headers);
  if (req.query) call = call.query(req.query);
  if (req.rawBody !== undefined) return call.send(req.rawBody);
  if (req.body !== undefined) return call.send(req.body as object);
  return call;
}

const toRequest = (op: OperationModel, sample: RequestSample): HttpRequest =>
  toHttpRequest(op, sample, apiKeyHeaders(t.spec, op, KEY));

// Jest names tests before the model loads: the ids come from a synchronous read of the spec.
const operationIds = listOperations(DEFAULT_SPEC_PATH).map((o) => o.operationId);

describe.each(operationIds)('%s', (operationId) => {
  it('answers generated valid requests with a documented, schema-valid response (2xx for creates, searches, pages)', async () => {
    const op = t.spec.operation(operationId);
    const arbitrary = validRequest(t.spec, op, { idPrefix: `MOCK-${operationId}-` });
    await fc.assert(
      fc.asyncProperty(arbitrary, async (sample) => {
        const res = await send(toRequest(op, sample));
        expect(conformsTo(op, res)).toEqual([]);
        // Reads and updates of generated ids meet unknown ids: their documented outcome is not 2xx.
        if (['create', 'search', 'list'].includes(roleOf(op))) expect(res.status).toBeLessThan(300);
      }),
      { seed: fcSeed(), numRuns: NUM_RUNS },
    );
  });

  it('answers generated invalid requests with their documented outcome, schema-valid', async () => {
    const op = t.spec.operation(operationId);
    let arbitrary: fc.Arbitrary<InvalidSample>;
    try {
      arbitrary = invalidRequest(t.spec, op, { idPrefix: `MOCK-BAD-${operationId}-` });
    } catch {
      return; // the operation admits no invalid request (a read by id takes any string)
    }
    await fc.assert(
      fc.asyncProperty(arbitrary, async (sample) => {
        const res = await send(toRequest(op, sample));
        expect(conformsTo(op, res)).toEqual([]);
        const answer = sample.expected.answers.find((a) => a.status === res.status);
        expect({ status: res.status, reason: sample.reason }).toEqual({
          status: answer ? res.status : sample.expected.answers.map((a) => a.status),
          reason: sample.reason,
        });
        if (answer?.code) {
          const body = res.body as { error?: { code?: string }; errors?: { code?: string } };
          expect(body.error?.code ?? body.errors?.code).toBe(answer.code);
        }
      }),
      { seed: fcSeed(), numRuns: NUM_RUNS },
    );
  });
});
