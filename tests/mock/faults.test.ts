import { FAULTS, type FaultId } from '../../mock';
import { ERROR_CODES } from '../../model';
import {
  AUTH,
  create,
  createBody,
  opOf,
  pathOf,
  read,
  startMock,
  type TestMock,
  type Json,
  closeMocks,
} from './helpers';

const OTHER = 'other-key';
let t: TestMock;
beforeAll(async () => {
  t = await startMock({
    apiKeys: [AUTH['X-API-Key'], OTHER],
    rateLimit: { limit: 5, windowSeconds: 3600 },
  });
});
afterAll(closeMocks);
afterEach(() => {
  t.mock.setFaults([]);
  t.mock.setMaintenance(false);
  t.mock.reset();
});

const leadOf = (res: { body: Json }): Json => res.body.data.leadOpportunity;
const window = (days: number) => ({
  data: [
    {
      modifiedDate: {
        fromDate: '2025-08-01T00:00:00Z',
        toDate: new Date(Date.parse('2025-08-01T00:00:00Z') + days * 86400_000).toISOString(),
      },
    },
  ],
});

/** For each fault, a scenario that answers true exactly when the server shows that bug. */
const SHOWS_BUG: Record<FaultId, () => Promise<boolean>> = {
  'create-returns-200': async () => (await create(t, 'v1')).status === 200,
  'missing-rate-limit-headers': async () =>
    (await t.agent.get(opOf(t.spec, 'list').path).set(AUTH)).headers['x-ratelimit-limit'] ===
    undefined,
  'rate-limit-remaining-stuck': async () => {
    const op = opOf(t.spec, 'list');
    const a = await t.agent.get(op.path).query({ top: 1 }).set(AUTH);
    const b = await t.agent.get(op.path).query({ top: 1 }).set(AUTH);
    return Number(b.headers['x-ratelimit-remaining']) >= Number(a.headers['x-ratelimit-remaining']);
  },
  'get-breaks-schema': async () => {
    const res = await read(t, 'v1', (await create(t, 'v1')).body.dsLeadOpportunityId);
    return !opOf(t.spec, 'read', 'v1').responses['200'].json?.validate(res.body);
  },
  'create-ignores-validation': async () =>
    (await create(t, 'v1', (b) => delete b.leadOpportunity.name)).status === 201,
  'patch-lost-update': async () => {
    const id = (await create(t, 'v1')).body.dsLeadOpportunityId;
    const partnerId = leadOf(await read(t, 'v1', id)).partnerLeadOpportunityId;
    await t.agent
      .patch(pathOf(opOf(t.spec, 'update', 'v1'), id))
      .set(AUTH)
      .send({
        partnerId: '1',
        leadOpportunity: { partnerLeadOpportunityId: partnerId, name: 'Renamed' },
      });
    return leadOf(await read(t, 'v1', id)).name !== 'Renamed';
  },
  'duplicate-partner-id-accepted': async () => {
    const body = createBody(t.spec, 'v1');
    await t.agent
      .post(opOf(t.spec, 'create', 'v1').path)
      .set(AUTH)
      .send(body);
    return (
      (
        await t.agent
          .post(opOf(t.spec, 'create', 'v1').path)
          .set(AUTH)
          .send(body)
      ).status === 201
    );
  },
  'date-format-400': async () => {
    const res = await create(t, 'v1', (b) => (b.leadOpportunity.closeDate = '2025-06-01'));
    return res.status === 400 && res.body.error?.code !== ERROR_CODES.dateFormat;
  },
  'bad-key-401': async () =>
    (await t.agent.get(opOf(t.spec, 'list').path).set('X-API-Key', 'nope')).status === 401,
  'auth-ignored': async () => (await t.agent.get(opOf(t.spec, 'list').path)).status === 200,
  'server-error-on-long-string': async () =>
    (await create(t, 'v1', (b) => (b.leadOpportunity.description = 'd'.repeat(300)))).status ===
    500,
  'search-ignores-window': async () =>
    (await t.agent.post(opOf(t.spec, 'search').path).set(AUTH).send(window(8))).status === 200,
  'paging-off-by-one': async () => {
    const all = await t.agent.get(opOf(t.spec, 'list').path).set(AUTH);
    return all.body.data.length !== all.body.info.estimatedSearchCount;
  },
  'no-rate-limit': async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await t.agent.get(opOf(t.spec, 'list').path).query({ top: 1 }).set(AUTH)).status,
      );
    return !statuses.includes(429);
  },
  'defaults-not-applied': async () => {
    const lead = leadOf(await read(t, 'v1', (await create(t, 'v1')).body.dsLeadOpportunityId));
    return lead.reasonWon === null || lead.reasonLost === null;
  },
  'text-plain-content-type': async () =>
    /^text\/plain/.test((await create(t, 'v1')).headers['content-type']),
  'v1-accepts-v0-vocabulary': async () =>
    (await create(t, 'v1', (b) => (b.offerLines[0].revenueType = 'UPFRONT'))).status === 201,
  'v0-read-leaks-v1-values': async () => {
    const id = (await create(t, 'v1', (b) => (b.offerLines[0].revenueType = 'PxC'))).body
      .dsLeadOpportunityId;
    return leadOf(await read(t, 'v0', id)).offerLines[0].revenueType === 'PxC';
  },
  'maintenance-wrong-shape': async () => {
    t.mock.setMaintenance(true);
    const res = await create(t, 'v1');
    return res.status === 503 && res.body.error?.code === undefined;
  },
  'unknown-id-404': async () => (await read(t, 'v1', 'NONE-NONE00')).status === 404,
  'read-ignores-owner': async () => {
    const id = (await create(t, 'v1')).body.dsLeadOpportunityId;
    return (await read(t, 'v1', id, OTHER)).status === 200;
  },
  'search-leaks-other-keys': async () => {
    const created = await create(t, 'v1');
    const res = await t.agent
      .post(opOf(t.spec, 'search').path)
      .set('X-API-Key', OTHER)
      .send({ data: [{ partnerLeadOpportunityId: [created.body.partnerLeadOpportunityId] }] });
    return res.body.data[0].dsLeadOpportunityId.length > 0;
  },
  'read-drops-field': async () => {
    const id = (await create(t, 'v1')).body.dsLeadOpportunityId;
    return leadOf(await read(t, 'v1', id)).currency === undefined;
  },
  'patch-ignores-lists': async () => {
    const created = await create(t, 'v1');
    const id = created.body.dsLeadOpportunityId;
    await t.agent
      .patch(pathOf(opOf(t.spec, 'update', 'v1'), id))
      .set(AUTH)
      .send({
        partnerId: '1',
        leadOpportunity: { partnerLeadOpportunityId: created.body.partnerLeadOpportunityId },
        customerLegalEntity: { name: 'Renamed Corp', city: 'Paris', country: 'France' },
      });
    return leadOf(await read(t, 'v1', id)).customerLegalEntity.name !== 'Renamed Corp';
  },
  'forecast-won-keeps-sent': async () => {
    const created = await create(t, 'v1', (b) =>
      Object.assign(b.leadOpportunity, { status: 'WON', forecastCategory: 'UPSIDE' }),
    );
    return leadOf(await read(t, 'v1', created.body.dsLeadOpportunityId)).forecastCategory !== 'WON';
  },
  'rental-reads-quarterly': async () => {
    const created = await create(t, 'v0', (b) => (b.offerLines[0].revenueType = 'RENTAL_BOOKING'));
    const lead = leadOf(await read(t, 'v1', created.body.dsLeadOpportunityId));
    return lead.offerLines[0].revenueType === 'QxC';
  },
  'invalid-bodies-406': async () =>
    (await create(t, 'v1', (b) => delete b.leadOpportunity.name)).status === 406,
  'unknown-id-wrong-code': async () => {
    const res = await read(t, 'v1', 'NONE-NONE00');
    return res.status === 500 && res.body.error?.code !== ERROR_CODES.unknownId;
  },
  'search-refuses-second-key': async () =>
    (
      await t.agent
        .post(opOf(t.spec, 'search').path)
        .set('X-API-Key', OTHER)
        .send({ data: [{ partnerLeadOpportunityId: 'ANY' }] })
    ).status === 403,
  // Read documents a 503 (list does not). Only a mock's first read answers it: reset() keeps that.
  'flaky-503': async () => (await read(t, 'v1', 'NONE-NONE00')).status === 503,
  // Reset is the seconds left in the window, never more than the window (3600 s here).
  'rate-limit-epoch-reset': async () =>
    Number(
      (await t.agent.get(opOf(t.spec, 'list').path).query({ top: 1 }).set(AUTH)).headers[
        'x-ratelimit-reset'
      ],
    ) > 3600,
  'envelope-says-success': async () => {
    const res = await create(t, 'v1', (b) => delete b.leadOpportunity.name);
    return res.status === 400 && res.body.info.success === true;
  },
  'search-prefix-match': async () => {
    const partnerId = (await create(t, 'v1')).body.partnerLeadOpportunityId;
    const res = await t.agent
      .post(opOf(t.spec, 'search').path)
      .set(AUTH)
      .send({ data: [{ partnerLeadOpportunityId: partnerId.slice(0, -1) }] });
    return res.body.data[0].dsLeadOpportunityId.length > 0;
  },
  'search-or-criteria': async () => {
    const partnerId = (await create(t, 'v1')).body.partnerLeadOpportunityId;
    // The id matches, the window (long before the creation) does not: AND finds nothing.
    const res = await t.agent
      .post(opOf(t.spec, 'search').path)
      .set(AUTH)
      .send({ data: [{ ...window(1).data[0], partnerLeadOpportunityId: partnerId }] });
    return res.body.data[0].dsLeadOpportunityId.length > 0;
  },
  'paging-fails-deep-pages': async () =>
    (await t.agent.get(opOf(t.spec, 'list').path).query({ skip: 100, top: 1 }).set(AUTH)).status ===
    500,
  'create-accepts-missing-partner-id': async () =>
    (await create(t, 'v1', (b) => delete b.partnerId)).status === 201,
  'patch-unknown-id-500': async () =>
    (
      await t.agent
        .patch(pathOf(opOf(t.spec, 'update', 'v1'), 'NONE-NONE00'))
        .set(AUTH)
        .send({ partnerId: '1', leadOpportunity: { partnerLeadOpportunityId: 'NONE' } })
    ).status === 500,
  'patch-keeps-modified-date': async () => {
    const created = await create(t, 'v1');
    const id = created.body.dsLeadOpportunityId;
    // Dates have millisecond resolution: let the clock move before the update.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await t.agent
      .patch(pathOf(opOf(t.spec, 'update', 'v1'), id))
      .set(AUTH)
      .send({
        partnerId: '1',
        leadOpportunity: { partnerLeadOpportunityId: created.body.partnerLeadOpportunityId },
      });
    const lead = leadOf(await read(t, 'v1', id));
    return lead.modifiedDate === lead.createdDate;
  },
  'non-ascii-name-rejected': async () =>
    (await create(t, 'v1', (b) => (b.leadOpportunity.name = 'Projet Café'))).status === 400,
};

it('lists at least the faults the test matrix uses, each described with the check that catches it', () => {
  const ids = FAULTS.map((f) => f.id);
  for (const id of [
    'create-returns-200',
    'missing-rate-limit-headers',
    'rate-limit-remaining-stuck',
    'get-breaks-schema',
    'create-ignores-validation',
    'patch-lost-update',
    'duplicate-partner-id-accepted',
    'date-format-400',
    'bad-key-401',
    'auth-ignored',
    'server-error-on-long-string',
    'search-ignores-window',
    'paging-off-by-one',
    'no-rate-limit',
    'defaults-not-applied',
    'text-plain-content-type',
    'v1-accepts-v0-vocabulary',
    'v0-read-leaks-v1-values',
    'maintenance-wrong-shape',
    'unknown-id-404',
  ]) {
    expect(ids).toContain(id);
  }
  expect(new Set(ids).size).toBe(ids.length);
  for (const fault of FAULTS) {
    expect(fault.description).toMatch(/\S/);
    expect(fault.caughtBy).toMatch(/\S/);
  }
});

describe.each(FAULTS.map((f) => f.id))('fault %s', (id) => {
  it('is absent when off and shows when on', async () => {
    expect(await SHOWS_BUG[id]()).toBe(false);
    t.mock.reset();
    t.mock.setFaults([id]);
    expect(await SHOWS_BUG[id]()).toBe(true);
  });
});
