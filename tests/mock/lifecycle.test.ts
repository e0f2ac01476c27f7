import { shapePattern } from '../../mock/random';
import { propertiesOf } from '../../model/schema-access';
import { ERROR_CODES } from '../../model';
import {
  AUTH,
  conformsTo,
  create,
  createBody,
  opOf,
  pathOf,
  read,
  startMock,
  versionsWith,
  type TestMock,
  type Json,
  closeMocks,
} from './helpers';

let t: TestMock;
let clock = Date.parse('2025-08-04T10:00:00.000Z');
beforeAll(async () => {
  t = await startMock({ clock: () => clock, apiKeys: ['key-a', 'key-b', 'mock-api-key'] });
});
afterAll(closeMocks);
beforeEach(() => t.mock.reset());

const leadOf = (res: { body: Json }): Json => res.body.data.leadOpportunity;

describe('create then read, in every version', () => {
  it('creates with 201, a fresh id shaped like the documented one, and the partner id echoed', async () => {
    for (const version of versionsWith(t.spec, 'create')) {
      const op = opOf(t.spec, 'create', version);
      const documentedId = (op.responses['201'].json?.examples[0].value as Json)
        .dsLeadOpportunityId as string;
      const body = createBody(t.spec, version);
      const res = await t.agent.post(op.path).set(AUTH).send(body);
      expect(res.status).toBe(201);
      expect(conformsTo(op, res)).toEqual([]);
      expect(res.body.dsLeadOpportunityId).toMatch(shapePattern(documentedId));
      expect(res.body.partnerLeadOpportunityId).toBe(body.leadOpportunity.partnerLeadOpportunityId);
      expect(res.body.info).toMatchObject({ success: true, statusCode: 201 });
    }
  });

  it('reads every documented property back (null where unknown) in each version', async () => {
    const created = await create(t, 'v1');
    for (const version of versionsWith(t.spec, 'read')) {
      const op = opOf(t.spec, 'read', version);
      const res = await read(t, version, created.body.dsLeadOpportunityId);
      expect(res.status).toBe(200);
      expect(conformsTo(op, res)).toEqual([]);
      const schema = propertiesOf(
        propertiesOf(op.responses['200'].json?.schema).data,
      ).leadOpportunity;
      expect(Object.keys(leadOf(res)).sort()).toEqual(Object.keys(propertiesOf(schema)).sort());
      const sent = createBody(t.spec, 'v1').leadOpportunity as Json;
      expect(leadOf(res)).toMatchObject({
        dsLeadOpportunityId: created.body.dsLeadOpportunityId,
        name: sent.name,
        status: sent.status,
        currency: sent.currency,
        closeDate: sent.closeDate,
        gtmTacticId: null,
        createdDate: new Date(clock).toISOString(),
      });
    }
  });

  it("translates revenue types between versions as the spec's HCRQ-F1LLDE examples do", async () => {
    const exampleLines = (version: string): Json[] =>
      (opOf(t.spec, 'read', version).responses['200'].json?.examples[0].value as Json).data
        .leadOpportunity.offerLines;
    const [v0Lines, v1Lines] = [exampleLines('v0'), exampleLines('v1')];
    expect(v0Lines.map((l) => l.revenueType)).toEqual(['UPFRONT', 'RENTAL_BOOKING']);
    expect(v1Lines.map((l) => l.revenueType)).toEqual(['PxC', 'YxC']);

    const created = await create(t, 'v0', (b) => {
      b.offerLines = v0Lines.map((l) => ({
        amount: l.amount,
        offerNameId: l.offerNameId,
        revenueType: l.revenueType,
      }));
    });
    expect(created.status).toBe(201);
    const id = created.body.dsLeadOpportunityId;
    expect(leadOf(await read(t, 'v1', id)).offerLines).toEqual(v1Lines);
    expect(leadOf(await read(t, 'v0', id)).offerLines).toEqual(v0Lines);

    const fromV1 = await create(t, 'v1', (b) => {
      b.offerLines = v1Lines.map((l) => ({
        amount: l.amount,
        offerNameId: l.offerNameId,
        revenueType: l.revenueType,
      }));
    });
    expect(leadOf(await read(t, 'v0', fromV1.body.dsLeadOpportunityId)).offerLines).toEqual(
      v0Lines,
    );
  });

  it('keeps v1 offer-line dates and defaults a missing v1 revenue type to the documented PxC', async () => {
    const created = await create(t, 'v1', (b) => {
      b.offerLines = [
        {
          offerNameId: 'X',
          amount: 1,
          revenueType: 'YxC',
          startDate: '2025-01-01',
          endDate: '2025-12-31',
        },
        { offerNameId: 'Y' },
      ];
    });
    const lines = leadOf(await read(t, 'v1', created.body.dsLeadOpportunityId)).offerLines;
    expect(lines).toEqual(
      [
        {
          offerNameId: 'X',
          amount: 1,
          revenueType: 'YxC',
          startDate: '2025-01-01',
          endDate: '2025-12-31',
        },
        { offerNameId: 'Y', amount: null, revenueType: 'PxC' },
      ].map(({ amount, ...rest }) => (amount === null ? rest : { amount, ...rest })),
    );
  });
});

describe('defaults documented in descriptions', () => {
  it('applies reasonWon, reasonLost and dsOwnerEmail when left out', async () => {
    const created = await create(t, 'v1');
    const lead = leadOf(await read(t, 'v1', created.body.dsLeadOpportunityId));
    expect(lead.reasonWon).toEqual(['STRNG_VAL_PROP']);
    expect(lead.reasonLost).toEqual(['NO_PROJECT']);
    expect(lead.dsOwnerEmail).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
  });

  it('keeps values that were sent', async () => {
    const created = await create(t, 'v1', (b) => {
      Object.assign(b.leadOpportunity, {
        reasonWon: ['SOLUTION_FUNCT'],
        reasonLost: [],
        dsOwnerEmail: 'a@3ds.com',
      });
    });
    const lead = leadOf(await read(t, 'v1', created.body.dsLeadOpportunityId));
    expect(lead).toMatchObject({
      reasonWon: ['SOLUTION_FUNCT'],
      reasonLost: [],
      dsOwnerEmail: 'a@3ds.com',
    });
  });

  it.each([
    ['OPPY_OPEN', undefined, 'UPSIDE'],
    ['VALIDATED', undefined, 'UPSIDE'],
    ['OPPY_OPEN', 'COMMIT', 'COMMIT'],
    ['WON', 'COMMIT', 'WON'],
    ['LOST', undefined, 'LOST'],
    ['LEAD_OPEN', 'COMMIT', 'EMPTY'],
    ['ACCEPTED', undefined, 'EMPTY'],
  ])(
    'status %s with forecastCategory %s is stored as %s (the description matrix)',
    async (status, given, stored) => {
      const created = await create(t, 'v1', (b) => {
        b.leadOpportunity.status = status;
        if (given) b.leadOpportunity.forecastCategory = given;
      });
      expect(leadOf(await read(t, 'v1', created.body.dsLeadOpportunityId)).forecastCategory).toBe(
        stored,
      );
    },
  );
});

describe('update', () => {
  it('changes are visible to read and to a modifiedDate search; the 200 answers with the ids', async () => {
    const created = await create(t, 'v1');
    const id = created.body.dsLeadOpportunityId;
    const partnerId = leadOf(await read(t, 'v1', id)).partnerLeadOpportunityId;
    clock += 3 * 24 * 3600 * 1000;
    const update = opOf(t.spec, 'update', 'v1');
    const res = await t.agent
      .patch(pathOf(update, id))
      .set(AUTH)
      .send({
        partnerId: '1',
        leadOpportunity: {
          partnerLeadOpportunityId: partnerId,
          status: 'QUALIFIED',
          nextMilestone: 'Demo',
        },
      });
    expect(res.status).toBe(200);
    expect(conformsTo(update, res)).toEqual([]);
    expect(res.body.data).toMatchObject({
      dsLeadOpportunityId: id,
      partnerLeadOpportunityId: partnerId,
    });

    const lead = leadOf(await read(t, 'v0', id));
    expect(lead).toMatchObject({
      status: 'QUALIFIED',
      nextMilestone: 'Demo',
      modifiedDate: new Date(clock).toISOString(),
    });
    expect(lead.createdDate).not.toBe(lead.modifiedDate);

    const search = opOf(t.spec, 'search');
    const window = (fromMs: number, toMs: number): Json => ({
      data: [
        {
          modifiedDate: {
            fromDate: new Date(fromMs).toISOString(),
            toDate: new Date(toMs).toISOString(),
          },
        },
      ],
    });
    const found = await t.agent
      .post(search.path)
      .set(AUTH)
      .send(window(clock - 3600_000, clock + 1));
    expect(found.body.data[0].dsLeadOpportunityId).toEqual([id]);
    const before = await t.agent
      .post(search.path)
      .set(AUTH)
      .send(window(clock - 5 * 24 * 3600_000, clock - 3600_000));
    expect(before.body.data[0].dsLeadOpportunityId).toEqual([]);
  });

  it('can give an object without a partner id one, after which "" no longer finds it', async () => {
    const created = await create(t, 'v1', (b) => (b.leadOpportunity.partnerLeadOpportunityId = ''));
    const id = created.body.dsLeadOpportunityId;
    const search = opOf(t.spec, 'search');
    const unassigned = { data: [{ partnerLeadOpportunityId: '' }] };
    expect(
      (await t.agent.post(search.path).set(AUTH).send(unassigned)).body.data[0].dsLeadOpportunityId,
    ).toEqual([id]);
    await t.agent
      .patch(pathOf(opOf(t.spec, 'update', 'v0'), id))
      .set(AUTH)
      .send({ partnerId: '1', leadOpportunity: { partnerLeadOpportunityId: 'NOW-ASSIGNED' } })
      .expect(200);
    expect(
      (await t.agent.post(search.path).set(AUTH).send(unassigned)).body.data[0].dsLeadOpportunityId,
    ).toEqual([]);
    const byId = await t.agent
      .post(search.path)
      .set(AUTH)
      .send({ data: [{ partnerLeadOpportunityId: ['NOW-ASSIGNED'] }] });
    expect(byId.body.data[0].dsLeadOpportunityId).toEqual([id]);
  });
});

describe('search', () => {
  it("ANDs criteria, finds a list of partner ids, and sees only the caller's objects", async () => {
    const search = opOf(t.spec, 'search');
    const mine = [await create(t, 'v1'), await create(t, 'v0'), await create(t, 'v1')];
    const partnerIds = mine.map((r) => r.body.partnerLeadOpportunityId as string);
    const ids = mine.map((r) => r.body.dsLeadOpportunityId as string);
    const other = await t.agent
      .post(opOf(t.spec, 'create', 'v1').path)
      .set('X-API-Key', 'key-b')
      .send(createBody(t.spec, 'v1'));
    expect(other.status).toBe(201);

    const list = await t.agent
      .post(search.path)
      .set(AUTH)
      .send({
        data: [
          {
            partnerLeadOpportunityId: [
              partnerIds[0],
              partnerIds[2],
              other.body.partnerLeadOpportunityId,
            ],
          },
        ],
      });
    expect(list.status).toBe(200);
    expect(conformsTo(search, list)).toEqual([]);
    expect(list.body.data[0].dsLeadOpportunityId).toEqual([ids[0], ids[2]]);

    const window = {
      fromDate: new Date(clock - 1000).toISOString(),
      toDate: new Date(clock + 1000).toISOString(),
    };
    const combined = await t.agent
      .post(search.path)
      .set(AUTH)
      .send({ data: [{ partnerLeadOpportunityId: partnerIds[1] }, { modifiedDate: window }] });
    expect(combined.body.data[0].dsLeadOpportunityId).toEqual([ids[1]]);

    const all = await t.agent
      .post(search.path)
      .set(AUTH)
      .send({ data: [{ modifiedDate: window }] });
    expect(all.body.data[0].dsLeadOpportunityId).toEqual(ids);
  });
});

describe("another key's objects", () => {
  it('are unknown ids to read (500 ERROR_048) and to update (400: PATCH documents no code)', async () => {
    const created = await t.agent
      .post(opOf(t.spec, 'create', 'v1').path)
      .set('X-API-Key', 'key-a')
      .send(createBody(t.spec, 'v1'));
    const id = created.body.dsLeadOpportunityId;
    expect((await read(t, 'v1', id, 'key-a')).status).toBe(200);
    const res = await read(t, 'v1', id, 'key-b');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe(ERROR_CODES.unknownId);
    expect(conformsTo(opOf(t.spec, 'read', 'v1'), res)).toEqual([]);
    const patch = await t.agent
      .patch(pathOf(opOf(t.spec, 'update', 'v1'), id))
      .set('X-API-Key', 'key-b')
      .send({ partnerId: '1', leadOpportunity: { partnerLeadOpportunityId: 'X' } });
    expect(patch.status).toBe(400);
    expect(conformsTo(opOf(t.spec, 'update', 'v1'), patch)).toEqual([]);
  });
});

describe('portfolio items', () => {
  const list = (): ReturnType<typeof opOf> => opOf(t.spec, 'list');

  it('pages through a catalogue: the pages add up to the whole, estimatedSearchCount is the total', async () => {
    const whole = await t.agent.get(list().path).set(AUTH);
    expect(whole.status).toBe(200);
    expect(conformsTo(list(), whole)).toEqual([]);
    const total = whole.body.info.estimatedSearchCount;
    expect(whole.body.data).toHaveLength(total);
    expect(total).toBeGreaterThanOrEqual(200);
    const pages: unknown[] = [];
    for (let skip = 0; skip < total; skip += 100) {
      const page = await t.agent.get(list().path).query({ skip, top: 100 }).set(AUTH);
      expect(page.body.info.estimatedSearchCount).toBe(total);
      pages.push(...page.body.data);
    }
    expect(pages).toEqual(whole.body.data);
    const ids = new Set(pages.map((p) => (p as Json).salesPortfolioId));
    expect(ids.size).toBe(total);
  });

  it('is the same catalogue for the same seed', async () => {
    const again = await startMock({ clock: () => clock });
    const a = await t.agent.get(list().path).query({ skip: 10, top: 5 }).set(AUTH);
    const b = await again.agent.get(list().path).query({ skip: 10, top: 5 }).set(AUTH);
    expect(b.body.data).toEqual(a.body.data);
  });
});
