import fc from 'fast-check';
import { ERROR_CODES, roleOf, type OperationModel } from '../../model';
import {
  AUTH,
  conformsTo,
  create,
  createBody,
  fcSeed,
  opOf,
  pathOf,
  startMock,
  type TestMock,
  type Json,
  closeMocks,
} from './helpers';

let t: TestMock;
let clock = 1_750_000_000_000;
beforeAll(async () => {
  t = await startMock({ clock: () => clock });
});
afterAll(closeMocks);
beforeEach(() => {
  t.mock.reset();
  t.mock.setMaintenance(false);
});

const exampleMessage = (op: OperationModel, status: number): string =>
  (op.responses[String(status)].json?.examples[0].value as Json).message;

/** A request to any operation that its role makes acceptable (a search, a page, a read of a new id). */
async function send(op: OperationModel, key?: string) {
  const role = roleOf(op);
  let req;
  if (role === 'create') req = t.agent.post(op.path).send(createBody(t.spec, op.version));
  else if (role === 'search')
    req = t.agent.post(op.path).send({ data: [{ partnerLeadOpportunityId: 'x' }] });
  else if (role === 'update')
    req = t.agent
      .patch(pathOf(op, 'ANY'))
      .send({ partnerId: '1', leadOpportunity: { partnerLeadOpportunityId: 'x' } });
  else req = t.agent.get(pathOf(op, 'ANY'));
  return key === undefined ? req : req.set('X-API-Key', key);
}

describe('auth', () => {
  it('a missing key is 401, an unknown key 403, each with the documented message', async () => {
    for (const op of t.spec.operations) {
      const missing = await send(op);
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual({ message: exampleMessage(op, 401) });
      expect(conformsTo(op, missing)).toEqual([]);
      const unknown = await send(op, 'not-a-key');
      expect(unknown.status).toBe(403);
      expect(unknown.body).toEqual({ message: exampleMessage(op, 403) });
      expect(conformsTo(op, unknown)).toEqual([]);
    }
  });
});

describe('rate limit', () => {
  it('counts down per key on every documented response, then answers 429 until the window ends', async () => {
    const limited = await startMock({
      clock: () => clock,
      rateLimit: { limit: 5, windowSeconds: 30 },
    });
    const op = opOf(limited.spec, 'list');
    const seen: Array<[number, string, string, string]> = [];
    for (let i = 0; i < 7; i++) {
      clock += 1000;
      const res = await limited.agent
        .get(op.path)
        .query({ top: i === 2 ? 0 : 1 })
        .set(AUTH);
      expect(conformsTo(op, res)).toEqual([]);
      seen.push([
        res.status,
        res.headers['x-ratelimit-limit'],
        res.headers['x-ratelimit-remaining'],
        res.headers['x-ratelimit-reset'],
      ]);
    }
    expect(seen).toEqual([
      [200, '5', '4', '30'],
      [200, '5', '3', '29'],
      [400, '5', '2', '28'],
      [200, '5', '1', '27'],
      [200, '5', '0', '26'],
      [429, '5', '0', '25'],
      [429, '5', '0', '24'],
    ]);
    const tooMany = await limited.agent.get(op.path).set(AUTH);
    expect(tooMany.body).toEqual({ message: exampleMessage(op, 429) });
    const otherKey = await startMock({
      clock: () => clock,
      rateLimit: { limit: 5, windowSeconds: 30 },
      apiKeys: ['k1', 'k2'],
    });
    await otherKey.agent.get(op.path).set('X-API-Key', 'k1');
    expect(
      (await otherKey.agent.get(op.path).set('X-API-Key', 'k2')).headers['x-ratelimit-remaining'],
    ).toBe('4');
    clock += 30_000;
    const fresh = await limited.agent.get(op.path).query({ top: 1 }).set(AUTH);
    expect([fresh.status, fresh.headers['x-ratelimit-remaining']]).toEqual([200, '4']);
  });

  it('carries the headers on every response whose documented status declares them', async () => {
    const limited = await startMock({ rateLimit: { limit: 1000, windowSeconds: 60 } });
    for (const op of limited.spec.operations) {
      const res = await limited.agent[op.method as 'get'](pathOf(op, 'NONE')).set(AUTH);
      expect(conformsTo(op, res)).toEqual([]);
    }
  });
});

describe('maintenance', () => {
  it('leads-opportunities operations answer 503 ERR899; portfolio items (no 503 documented) keep working', async () => {
    t.mock.setMaintenance(true);
    for (const op of t.spec.operations) {
      const res = await send(op, AUTH['X-API-Key']);
      expect(conformsTo(op, res)).toEqual([]);
      if (op.responses['503']) {
        expect(res.status).toBe(503);
        expect(res.body.error.code).toBe(ERROR_CODES.maintenance);
      } else {
        expect(res.status).toBe(200);
      }
    }
    t.mock.setMaintenance(false);
    expect((await create(t, 'v1')).status).toBe(201);
  });
});

describe('bodies that are not what the operation takes', () => {
  const withBody = () => t.spec.operations.filter((op) => op.requestBody);

  it("malformed JSON, another Content-Type, an empty body: 400 in the operation's 400 shape", async () => {
    for (const op of withBody()) {
      const target = roleOf(op) === 'update' ? pathOf(op, 'X') : op.path;
      const cases = [
        t.agent[op.method as 'post'](target)
          .set(AUTH)
          .set('Content-Type', 'application/json')
          .send('{"data": [}'),
        t.agent[op.method as 'post'](target)
          .set(AUTH)
          .set('Content-Type', 'text/plain')
          .send('{"data": []}'),
        t.agent[op.method as 'post'](target).set(AUTH).set('Content-Type', 'application/json'),
      ];
      for (const res of await Promise.all(cases)) {
        expect(res.status).toBe(400);
        expect(conformsTo(op, res)).toEqual([]);
      }
    }
  });

  it('a 5 MB body gets the documented 400, not a crash or a hang', async () => {
    const op = opOf(t.spec, 'create', 'v1');
    const big = JSON.stringify({ leadOpportunity: { name: 'x'.repeat(5 * 1024 * 1024) } });
    const res = await t.agent
      .post(op.path)
      .set(AUTH)
      .set('Content-Type', 'application/json')
      .send(big);
    expect(res.status).toBe(400);
    expect(conformsTo(op, res)).toEqual([]);
    expect(res.body.error.message).toMatch(/larger than/);
    expect((await create(t, 'v1')).status).toBe(201);
  });

  it('an unknown path is 404 and a wrong method 405, both JSON {message}', async () => {
    const missing = await t.agent.get('/sales/api4partners/v9/nothing').set(AUTH);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/\S/);
    const op = opOf(t.spec, 'create', 'v1');
    const wrong = await t.agent.delete(op.path).set(AUTH);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expect(wrong.body.message).toMatch(/\S/);
  });
});

describe('no request makes the mock throw or hang', () => {
  it('random bytes, JSON and content types at every path and method get a JSON answer with a documented status', async () => {
    const ops = t.spec.operations;
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
      fc.json({ maxDepth: 4 }).map((s) => Buffer.from(s)),
      fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => Buffer.from(JSON.stringify({ data: v, leadOpportunity: v, offerLines: v }))),
      fc.constant(Buffer.from('')),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/xml',
      undefined,
    );
    const method = fc.constantFrom('get', 'post', 'patch', 'put', 'delete');
    const idSegment = fc
      .string({ unit: 'binary', maxLength: 20 })
      .map((s) => encodeURIComponent(s) || 'x');
    const query = fc.dictionary(fc.constantFrom('skip', 'top', 'x'), fc.string({ maxLength: 6 }), {
      maxKeys: 2,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: ops.length - 1 }),
        method,
        idSegment,
        query,
        contentType,
        body,
        async (i, m, id, q, type, payload) => {
          clock += 60_000; // a fresh rate-limit window: this property is not about 429
          const op = ops[i];
          const path = op.path.replace(/\{[^}]+\}/, id);
          let req = t.agent[m](path).query(q).set(AUTH).timeout(5000);
          if (type) req = req.set('Content-Type', type);
          const res = await req.send(payload);
          expect(() => JSON.parse(res.text)).not.toThrow();
          if (m === op.method) expect(conformsTo(op, res)).toEqual([]);
          else {
            // Another operation may own this method and path (POST .../search when the id is "search").
            const owned = ops.some((o) => o.method === m && conformsTo(o, res).length === 0);
            expect(owned || [404, 405].includes(res.status)).toBe(true);
          }
        },
      ),
      { seed: fcSeed(), numRuns: 300 },
    );
  });
});
