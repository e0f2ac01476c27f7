/**
 * compareSentToRead: "what was sent is what is read", with the write and read schemas of the
 * real spec and its translation between the v0 and v1 vocabularies (the HCRQ-F1LLDE example
 * pair: RENTAL_BOOKING in v0 is YxC in v1).
 */
import { compareSentToRead, type Comparison } from '../../checks/compare-read';
import { translator } from '../../checks/scenario-kit';
import { getSpec, type SpecModel } from '../../model';
import { edited, OPS, readBodyOf, REMOVE, requestExample, type Json } from './exchanges';

let spec: SpecModel;
beforeAll(async () => {
  spec = await getSpec();
});

/** What a user reads of a comparison: the differences, and the latitudes taken, by name. */
function outcome(c: Comparison) {
  return {
    mismatches: c.mismatches.map(({ kind, pointer }) => ({ kind, pointer })),
    excuses: [...c.excuses.keys()].map((e) => e.name).sort(),
  };
}

/** Sent through `writer`, read through `reader`, compared as the round-trip judges compare. */
function compare(writerId: string, readerId: string, sent: Json, read: unknown) {
  const writer = spec.operation(writerId);
  const reader = spec.operation(readerId);
  return outcome(
    compareSentToRead(
      sent,
      read,
      writer.requestBody?.json?.schema,
      reader.responses['200']?.json?.schema,
      { translate: translator(spec) },
    ),
  );
}

const SAME = { mismatches: [], excuses: [] };

/** The v1 create example, with a contact and two offer lines. */
function v1Create(): Json {
  const body = requestExample(spec.operation(OPS.createV1), 'createLeadBasic');
  body.offerLines = [
    { amount: 13800, offerNameId: 'OFFER-A', revenueType: 'PxC' },
    {
      amount: 900,
      offerNameId: 'OFFER-B',
      revenueType: 'YxC',
      startDate: '2025-07-01',
      endDate: '2026-06-30',
    },
  ];
  body.customerContacts = [{ email: 'ann@customer.test', firstName: 'Ann', lastName: 'Lee' }];
  return body;
}

const readV1 = (sent: Json) => readBodyOf(spec.operation(OPS.readV1), sent);

describe('compareSentToRead', () => {
  it('finds nothing when every value comes back (the read may add fields)', () => {
    const sent = v1Create();
    expect(compare(OPS.createV1, OPS.readV1, sent, readV1(sent))).toEqual(SAME);
  });

  it('ignores what the read has no place for (partnerId)', () => {
    const sent = { ...v1Create(), partnerId: '200000000014442' };
    const read = readV1(sent);
    expect(JSON.stringify(read)).not.toContain('200000000014442');
    expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual(SAME);
  });

  it('reports a value the read schema can carry but the read lacks as lost', () => {
    const sent = v1Create();
    const read = edited(readV1(sent), '/data/leadOpportunity/description', REMOVE);
    expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual({
      mismatches: [{ kind: 'lost-value', pointer: '/leadOpportunity/description' }],
      excuses: [],
    });
  });

  it('reports a whole list the read lacks as lost', () => {
    const sent = v1Create();
    const read = edited(readV1(sent), '/data/leadOpportunity/customerContact', REMOVE);
    expect(compare(OPS.createV1, OPS.readV1, sent, read).mismatches).toEqual([
      { kind: 'lost-value', pointer: '/customerContacts' },
    ]);
  });

  it('reports a changed value where it was sent', () => {
    const sent = v1Create();
    const read = edited(readV1(sent), '/data/leadOpportunity/offerLines/0/amount', 13801);
    expect(compare(OPS.createV1, OPS.readV1, sent, read).mismatches).toEqual([
      { kind: 'changed-value', pointer: '/offerLines/0/amount' },
    ]);
    const renamed = edited(
      readV1(sent),
      '/data/leadOpportunity/customerLegalEntity/city',
      'Munich',
    );
    expect(compare(OPS.createV1, OPS.readV1, sent, renamed).mismatches).toEqual([
      { kind: 'changed-value', pointer: '/customerLegalEntity/city' },
    ]);
  });

  it('reports an offer line more or fewer than were sent', () => {
    const sent = v1Create();
    const lines = (readV1(sent).data as { leadOpportunity: Json }).leadOpportunity
      .offerLines as Json[];
    const extra = edited(readV1(sent), '/data/leadOpportunity/offerLines', [...lines, lines[0]]);
    expect(compare(OPS.createV1, OPS.readV1, sent, extra).mismatches).toEqual([
      { kind: 'list-length', pointer: '/offerLines' },
    ]);
    const fewer = edited(readV1(sent), '/data/leadOpportunity/offerLines', [lines[0]]);
    expect(compare(OPS.createV1, OPS.readV1, sent, fewer).mismatches).toEqual([
      { kind: 'list-length', pointer: '/offerLines' },
    ]);
  });

  it('passes a v0 RENTAL_BOOKING read through v1 as YxC, as the HCRQ-F1LLDE examples pair them', () => {
    const sent = requestExample(spec.operation(OPS.createV0), 'createLeadBasic');
    expect((sent.offerLines as Json[])[0].revenueType).toBe('RENTAL_BOOKING');
    const asYxC = edited(readV1(sent), '/data/leadOpportunity/offerLines/0/revenueType', 'YxC');
    expect(compare(OPS.createV0, OPS.readV1, sent, asYxC)).toEqual(SAME);
  });

  it('fails a v0 RENTAL_BOOKING read through v1 as QxC: the examples pair it with YxC only', () => {
    const sent = requestExample(spec.operation(OPS.createV0), 'createLeadBasic');
    const asQxC = edited(readV1(sent), '/data/leadOpportunity/offerLines/0/revenueType', 'QxC');
    expect(compare(OPS.createV0, OPS.readV1, sent, asQxC)).toEqual({
      mismatches: [{ kind: 'changed-value', pointer: '/offerLines/0/revenueType' }],
      excuses: [],
    });
  });

  it('reads a v1 PxC through v0 as UPFRONT, and nothing else', () => {
    const one = edited(v1Create(), '/offerLines', [
      { amount: 13800, offerNameId: 'OFFER-A', revenueType: 'PxC' },
    ]);
    const readV0 = (value: string) =>
      edited(
        readBodyOf(spec.operation(OPS.readV0), one),
        '/data/leadOpportunity/offerLines/0/revenueType',
        value,
      );
    expect(compare(OPS.createV1, OPS.readV0, one, readV0('UPFRONT'))).toEqual(SAME);
    expect(compare(OPS.createV1, OPS.readV0, one, readV0('PxC')).mismatches).toEqual([
      { kind: 'changed-value', pointer: '/offerLines/0/revenueType' },
    ]);
  });

  it('passes a date-time read back as its day, or midnight of it, recording dateReadAsDay', () => {
    const sent = v1Create();
    expect((sent.leadOpportunity as Json).closeDate).toBe('2025-06-01T18:46:51.326Z');
    for (const day of ['2025-06-01', '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00+00:00']) {
      const read = edited(readV1(sent), '/data/leadOpportunity/closeDate', day);
      expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual({
        mismatches: [],
        excuses: ['dateReadAsDay'],
      });
    }
  });

  it('accepts the day of a date-time in its own offset or in UTC, and no other day', () => {
    const sent = edited(v1Create(), '/leadOpportunity/closeDate', '2025-06-01T22:30:00-05:00');
    for (const day of ['2025-06-01', '2025-06-02']) {
      const read = edited(readV1(sent), '/data/leadOpportunity/closeDate', day);
      expect(compare(OPS.createV1, OPS.readV1, sent, read).excuses).toEqual(['dateReadAsDay']);
    }
    const wrong = edited(readV1(sent), '/data/leadOpportunity/closeDate', '2025-06-03');
    expect(compare(OPS.createV1, OPS.readV1, sent, wrong).mismatches).toEqual([
      { kind: 'changed-value', pointer: '/leadOpportunity/closeDate' },
    ]);
  });

  it('passes the same instant written another way, with no excuse', () => {
    const sent = v1Create();
    const read = edited(
      readV1(sent),
      '/data/leadOpportunity/closeDate',
      '2025-06-01T20:46:51.326+02:00',
    );
    expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual(SAME);
  });

  it('fails a date-time read back as another time of its day: not a day, not the instant', () => {
    const sent = v1Create();
    const read = edited(
      readV1(sent),
      '/data/leadOpportunity/closeDate',
      '2025-06-01T12:00:00.000Z',
    );
    expect(compare(OPS.createV1, OPS.readV1, sent, read).mismatches).toEqual([
      { kind: 'changed-value', pointer: '/leadOpportunity/closeDate' },
    ]);
  });

  it('passes list items read back in another order, recording listOrder', () => {
    const sent = v1Create();
    const lines = (sent.offerLines as Json[]).slice().reverse();
    const read = edited(readV1(sent), '/data/leadOpportunity/offerLines', lines);
    expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual({
      mismatches: [],
      excuses: ['listOrder'],
    });
  });

  it('passes a PxC line whose startDate/endDate come back absent ("only used for YxC/QxC")', () => {
    const sent = edited(v1Create(), '/offerLines/0/startDate', '2025-07-01');
    const read = readV1(edited(sent, '/offerLines/0/startDate', REMOVE));
    expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual({
      mismatches: [],
      excuses: ['onlyUsedFor'],
    });
  });

  it('takes the schema default (PxC) for a line sent without revenueType', () => {
    const sent = editedLine({ offerNameId: 'OFFER-A', startDate: '2025-07-01' });
    const read = readV1(
      edited(sent, '/offerLines/0', { offerNameId: 'OFFER-A', revenueType: 'PxC' }),
    );
    expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual({
      mismatches: [],
      excuses: ['onlyUsedFor'],
    });
  });

  it('reports the startDate of a YxC line read back absent as lost', () => {
    const sent = v1Create();
    const read = edited(readV1(sent), '/data/leadOpportunity/offerLines/1/startDate', REMOVE);
    expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual({
      mismatches: [{ kind: 'lost-value', pointer: '/offerLines/1/startDate' }],
      excuses: [],
    });
  });

  it('passes an empty list read back as null, recording emptyReadAsAbsent', () => {
    const sent = { ...v1Create(), partnerContacts: [] };
    const read = edited(readV1(sent), '/data/leadOpportunity/partnerContact', null);
    expect(compare(OPS.createV1, OPS.readV1, sent, read)).toEqual({
      mismatches: [],
      excuses: ['emptyReadAsAbsent'],
    });
  });

  function editedLine(line: Json): Json {
    return edited(v1Create(), '/offerLines', [line]);
  }
});
