import { ERROR_CODES } from '../../model';
import {
  AUTH,
  conformsTo,
  create,
  createBody,
  opOf,
  pathOf,
  startMock,
  versionsWith,
  type TestMock,
  type Json,
  closeMocks,
} from './helpers';

let t: TestMock;
beforeAll(async () => {
  t = await startMock();
});
afterAll(closeMocks);
beforeEach(() => t.mock.reset());

const codeOf = (body: Json): string | undefined => body.error?.code ?? body.errors?.code;

describe('create', () => {
  it.each(['v0', 'v1'])(
    '%s: a schema violation is a 400 in the documented create shape',
    async (version) => {
      const op = opOf(t.spec, 'create', version);
      for (const breakIt of [
        (b: Json) => delete b.leadOpportunity.name,
        (b: Json) => (b.offerLines = []),
        (b: Json) => (b.leadOpportunity.currency = 'euro'),
        (b: Json) => (b.leadOpportunity.status = 'OPEN'),
        (b: Json) => (b.customerLegalEntity = 'ACME'),
      ]) {
        const res = await t.agent
          .post(op.path)
          .set(AUTH)
          .send(createBody(t.spec, version, breakIt));
        expect(res.status).toBe(400);
        expect(conformsTo(op, res)).toEqual([]);
        expect(res.body.info).toMatchObject({ success: false, statusCode: 400 });
        expect(res.body.error.message).toMatch(/\S/);
      }
    },
  );

  it.each(['v0', 'v1'])('%s: a badly formatted date-time is 406 ERR805', async (version) => {
    const op = opOf(t.spec, 'create', version);
    for (const bad of ['2025-06-01', '01/06/2025', '2025-06-01T18:46:51']) {
      const res = await t.agent
        .post(op.path)
        .set(AUTH)
        .send(createBody(t.spec, version, (b) => (b.leadOpportunity.closeDate = bad)));
      expect(res.status).toBe(406);
      expect(res.body.error.code).toBe(ERROR_CODES.dateFormat);
      expect(conformsTo(op, res)).toEqual([]);
    }
  });

  // The 406 example names only the close and next milestone dates: other dates get the plain 400.
  it('v1: an offer-line date that is not a date is 400; v0 has no such field and ignores it', async () => {
    const withDates = (b: Json): void => {
      b.offerLines[0].startDate = '2025-02-30T00:00:00Z';
    };
    const v1 = await t.agent
      .post(opOf(t.spec, 'create', 'v1').path)
      .set(AUTH)
      .send(createBody(t.spec, 'v1', withDates));
    expect(v1.status).toBe(400);
    const v0 = await t.agent
      .post(opOf(t.spec, 'create', 'v0').path)
      .set(AUTH)
      .send(createBody(t.spec, 'v0', withDates));
    expect(v0.status).toBe(201);
  });

  it('each version accepts its own revenue types only', async () => {
    const withType = (type: string) => (b: Json) => (b.offerLines[0].revenueType = type);
    const post = (version: string, type: string) =>
      t.agent
        .post(opOf(t.spec, 'create', version).path)
        .set(AUTH)
        .send(createBody(t.spec, version, withType(type)));
    expect((await post('v0', 'UPFRONT')).status).toBe(201);
    expect((await post('v0', 'PxC')).status).toBe(400);
    expect((await post('v1', 'QxC')).status).toBe(201);
    expect((await post('v1', 'UPFRONT')).status).toBe(400);
  });

  it('a partner id already used by the same key is 400 ERR801; by another key it is fine', async () => {
    const two = await startMock({ apiKeys: ['a', 'b'] });
    const op = opOf(two.spec, 'create', 'v1');
    const body = createBody(two.spec, 'v1');
    expect((await two.agent.post(op.path).set('X-API-Key', 'a').send(body)).status).toBe(201);
    const again = await two.agent.post(op.path).set('X-API-Key', 'a').send(body);
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe(ERROR_CODES.duplicatePartnerId);
    expect(conformsTo(op, again)).toEqual([]);
    const v0 = await two.agent
      .post(opOf(two.spec, 'create', 'v0').path)
      .set('X-API-Key', 'a')
      .send(
        createBody(
          two.spec,
          'v0',
          (b) =>
            (b.leadOpportunity.partnerLeadOpportunityId =
              body.leadOpportunity.partnerLeadOpportunityId),
        ),
      );
    expect(codeOf(v0.body)).toBe(ERROR_CODES.duplicatePartnerId);
    expect((await two.agent.post(op.path).set('X-API-Key', 'b').send(body)).status).toBe(201);
  });

  it('an empty partner id is "none", never a duplicate', async () => {
    const none = (b: Json): void => {
      b.leadOpportunity.partnerLeadOpportunityId = '';
    };
    expect((await create(t, 'v1', none)).status).toBe(201);
    expect((await create(t, 'v1', none)).status).toBe(201);
  });
});

describe('update', () => {
  it.each(['v0', 'v1'])(
    '%s: 400 in the PATCH shape (errors), 406 for dates, ERR801, unknown id',
    async (version) => {
      const op = opOf(t.spec, 'update', version);
      const first = await create(t, 'v1');
      const second = await create(t, 'v1');
      const id = second.body.dsLeadOpportunityId;
      const patch = (body: unknown, target = id) =>
        t.agent
          .patch(pathOf(op, target))
          .set(AUTH)
          .send(body as object);

      const missing = await patch({ partnerId: '1' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toBeDefined();
      expect(conformsTo(op, missing)).toEqual([]);

      const date = await patch({
        partnerId: '1',
        leadOpportunity: { partnerLeadOpportunityId: 'P', nextMilestoneDate: 'tomorrow' },
      });
      expect(date.status).toBe(406);
      expect(date.body.error.code).toBe(ERROR_CODES.dateFormat);
      expect(conformsTo(op, date)).toEqual([]);

      const taken = await patch({
        partnerId: '1',
        leadOpportunity: { partnerLeadOpportunityId: first.body.partnerLeadOpportunityId },
      });
      expect(taken.status).toBe(400);
      expect(taken.body.errors.code).toBe(ERROR_CODES.duplicatePartnerId);
      expect(conformsTo(op, taken)).toEqual([]);

      // PATCH documents no 500 and no code for an unknown id: the documented 400 alone.
      const unknown = await patch(
        { partnerId: '1', leadOpportunity: { partnerLeadOpportunityId: 'P' } },
        'NOPE-NOPE00',
      );
      expect(unknown.status).toBe(400);
      expect(conformsTo(op, unknown)).toEqual([]);
    },
  );
});

describe('read', () => {
  it.each(['v0', 'v1'])(
    '%s: an unknown id is 500 ERROR_048 with the documented message',
    async (version) => {
      const op = opOf(t.spec, 'read', version);
      const res = await t.agent.get(pathOf(op, 'ZZZZ-ZZZZZZ')).set(AUTH);
      expect(res.status).toBe(500);
      expect(conformsTo(op, res)).toEqual([]);
      const documented = op.responses['500'].json?.examples[0].value as Json;
      expect(res.body.error).toEqual(documented.error);
      expect(res.body.info.traceId).not.toBe(documented.info.traceId);
    },
  );
});

describe('search', () => {
  const search = () => opOf(t.spec, 'search');
  const post = (body: unknown) =>
    t.agent
      .post(search().path)
      .set(AUTH)
      .send(body as object);
  const window = (from: string, to: string) => ({
    data: [{ modifiedDate: { fromDate: from, toDate: to } }],
  });

  it('a missing modifiedDate bound is 400 ERROR_043', async () => {
    for (const bounds of [
      { fromDate: '2025-08-01T00:00:00Z' },
      { toDate: '2025-08-01T00:00:00Z' },
      {},
    ]) {
      const res = await post({ data: [{ modifiedDate: bounds }] });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(ERROR_CODES.searchMissingBound);
      expect(conformsTo(search(), res)).toEqual([]);
    }
  });

  it('a window that is empty, reversed, longer than 7 days or not in UTC is 400', async () => {
    for (const [from, to] of [
      ['2025-08-08T00:00:00Z', '2025-08-08T00:00:00Z'],
      ['2025-08-09T00:00:00Z', '2025-08-08T00:00:00Z'],
      ['2025-08-01T00:00:00Z', '2025-08-08T00:00:01Z'],
      ['2025-08-01T00:00:00+02:00', '2025-08-02T00:00:00+02:00'],
    ]) {
      const res = await post(window(from, to));
      expect(res.status).toBe(400);
      expect(conformsTo(search(), res)).toEqual([]);
    }
    expect((await post(window('2025-08-01T00:00:00Z', '2025-08-08T00:00:00Z'))).status).toBe(200);
  });

  it('no criterion at all is 400', async () => {
    for (const body of [{}, { data: [] }, { data: [{}] }, { data: [{ other: 1 }] }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(conformsTo(search(), res)).toEqual([]);
    }
  });
});

describe('portfolio items', () => {
  const list = () => opOf(t.spec, 'list');
  it.each(['0', '-5', 'ten', '1.5', ''])('top=%j is 400 ERROR_004 with the total', async (top) => {
    const res = await t.agent.get(`${list().path}?top=${top}`).set(AUTH);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(ERROR_CODES.badTop);
    expect(res.body.info.estimatedSearchCount).toBeGreaterThan(0);
    expect(conformsTo(list(), res)).toEqual([]);
  });

  it.each(['-1', 'x'])('skip=%j is 400 in the documented shape', async (skip) => {
    const res = await t.agent.get(`${list().path}?skip=${skip}`).set(AUTH);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/skip/);
    expect(conformsTo(list(), res)).toEqual([]);
  });

  it('a skip beyond the end is an empty page, not an error', async () => {
    const res = await t.agent.get(list().path).query({ skip: 100000 }).set(AUTH);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });
});

it('every version of every role is served (nothing hard-wired to v0/v1 paths)', () => {
  expect(versionsWith(t.spec, 'create').sort()).toEqual(['v0', 'v1']);
  expect(versionsWith(t.spec, 'read').sort()).toEqual(['v0', 'v1']);
  expect(versionsWith(t.spec, 'update').sort()).toEqual(['v0', 'v1']);
});
