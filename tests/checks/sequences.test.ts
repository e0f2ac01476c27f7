/**
 * The scenario checks' sequence judges, called by name as the engine and replays call them,
 * on fixture exchanges: the steps a check sends, answered as a conforming server would, then
 * with one thing broken.
 */
import { getSpec, type AnsweredExchange, type SpecModel } from '../../model';
import {
  answer,
  contextFor,
  edited,
  editedAll,
  errorBody,
  excused,
  failed,
  inconclusive,
  failedShowing,
  OPS,
  PASSED,
  readBodyOf,
  REMOVE,
  requestExample,
  requestTo,
  responseExample,
  sequenceJudge,
  skipped,
  summary,
  type Json,
} from './exchanges';

let spec: SpecModel;
beforeAll(async () => {
  spec = await getSpec();
});

const ID = 'HCRQ-F1LLDE';
const OTHER_ID = 'ZZZZ-000001';

/** `check`'s sequence `name`, judged for `operationId` on `exchanges` with `params`. */
function judge(
  check: string,
  name: string,
  operationId: string,
  exchanges: AnsweredExchange[],
  params: Record<string, unknown> = {},
) {
  return summary(sequenceJudge(check, name)(exchanges, params, contextFor(spec, operationId)));
}

/** A create answered 201 with the object's id. */
function created(writerId: string, sent: Json, id = ID): AnsweredExchange {
  const writer = spec.operation(writerId);
  const body = editedAll(responseExample(writer, '201'), {
    '/dsLeadOpportunityId': id,
    '/partnerLeadOpportunityId': (sent.leadOpportunity as Json).partnerLeadOpportunityId,
  });
  return answer(writer, 201, body, { sent });
}

/** A read of `id` answered 200 with `body`. */
function read(readerId: string, body: unknown, id = ID): AnsweredExchange {
  const reader = spec.operation(readerId);
  return answer(reader, 200, body, { request: requestTo(reader, undefined, id) });
}

/** A read answered `status` with the documented body for it (code ERROR_048). */
function readFailing(readerId: string, status: number): AnsweredExchange {
  const reader = spec.operation(readerId);
  return answer(reader, status, errorBody(reader, status, 'ERROR_048'));
}

/** The v1 (or v0) create example for a lead, with some of its leadOpportunity fields replaced. */
function createBody(writerId: string, lead: Json = {}): Json {
  const body = requestExample(spec.operation(writerId), 'createLeadBasic');
  return { ...body, leadOpportunity: { ...(body.leadOpportunity as Json), ...lead } };
}

const readOf = (readerId: string, sent: Json, edits: Record<string, unknown> = {}): Json =>
  editedAll(readBodyOf(spec.operation(readerId), sent), edits);

const LEAD = '/data/leadOpportunity';

describe('stateful_round_trip', () => {
  const check = 'stateful_round_trip';

  describe('create_then_read', () => {
    const params = { writer: OPS.createV1, reader: OPS.readV1 };
    const run = (sent: Json, readBody: unknown, p: Record<string, unknown> = params) =>
      judge(
        check,
        'create_then_read',
        OPS.readV1,
        [created(OPS.createV1, sent), read(OPS.readV1, readBody)],
        p,
      );

    it('passes every sent value read back', () => {
      const sent = createBody(OPS.createV1);
      expect(run(sent, readOf(OPS.readV1, sent))).toEqual(PASSED);
    });

    it('passes the close date read back as its day, recording dateReadAsDay', () => {
      const sent = createBody(OPS.createV1);
      expect(run(sent, readOf(OPS.readV1, sent, { [`${LEAD}/closeDate`]: '2025-06-01' }))).toEqual(
        excused('dateReadAsDay'),
      );
    });

    it('fails a value lost on the way, naming the operations', () => {
      const sent = createBody(OPS.createV1);
      expect(run(sent, readOf(OPS.readV1, sent, { [`${LEAD}/description`]: REMOVE }))).toEqual(
        failedShowing(
          'lost-value',
          '/leadOpportunity/description',
          'what createLeadsOpportunities_v1 sent, read back through getLeadsOpportunities_v1',
          'the read has no description',
        ),
      );
    });

    it('fails a changed value', () => {
      const sent = createBody(OPS.createV1);
      expect(run(sent, readOf(OPS.readV1, sent, { [`${LEAD}/currency`]: 'USD' }))).toEqual(
        failedShowing(
          'changed-value',
          '/leadOpportunity/currency',
          'what createLeadsOpportunities_v1 sent',
          'sent "EUR", read "USD"',
        ),
      );
    });

    it('fails an object that cannot be read back', () => {
      const sent = createBody(OPS.createV1);
      expect(
        judge(
          check,
          'create_then_read',
          OPS.readV1,
          [created(OPS.createV1, sent), readFailing(OPS.readV1, 500)],
          params,
        ),
      ).toEqual(
        failedShowing('unreadable', '/status', 'getLeadsOpportunities_v1 answers 200', '500'),
      );
    });

    it('sets a forecastCategory sent at creation aside: creation_defaults judges WON as set by the system', () => {
      const sent = createBody(OPS.createV1, { status: 'WON', forecastCategory: 'COMMIT' });
      const readBody = readOf(OPS.readV1, sent, {
        [`${LEAD}/forecastCategory`]: 'COMMIT',
        [`${LEAD}/reasonLost`]: ['NO_PROJECT'],
      });
      expect(run(sent, readBody)).toEqual(PASSED);
      // The one check that fails it: creation_defaults' defaults sequence, as its run sends it.
      const defaultsParams = { ...params, status: 'WON', sentForecast: 'COMMIT' };
      expect(
        judge(
          'creation_defaults',
          'defaults',
          OPS.createV1,
          [created(OPS.createV1, sent), read(OPS.readV1, readBody)],
          defaultsParams,
        ),
      ).toEqual(
        failed(
          'default-not-applied',
          '/leadOpportunity/forecastCategory',
          'forecastCategory WON for status WON',
        ),
      );
    });

    it('passes an opportunity read back with the forecastCategory it was created with', () => {
      const sent = createBody(OPS.createV1, { status: 'OPPY_OPEN', forecastCategory: 'COMMIT' });
      expect(run(sent, readOf(OPS.readV1, sent))).toEqual(PASSED);
    });

    // The status matrix allows Safe/Commit/Upside/Longshot for OPPY_OPEN: a COMMIT sent is kept.
    it('fails an opportunity created with COMMIT and read back UPSIDE', () => {
      const sent = createBody(OPS.createV1, { status: 'OPPY_OPEN', forecastCategory: 'COMMIT' });
      expect(
        run(sent, readOf(OPS.readV1, sent, { [`${LEAD}/forecastCategory`]: 'UPSIDE' })),
      ).toEqual(
        failedShowing(
          'changed-value',
          '/leadOpportunity/forecastCategory',
          'what createLeadsOpportunities_v1 sent',
          'COMMIT',
        ),
      );
    });

    it("sets aside a lead's forecastCategory (ignored at creation: creation_defaults judges it)", () => {
      const sent = createBody(OPS.createV1, { status: 'LEAD_OPEN', forecastCategory: 'COMMIT' });
      expect(
        run(sent, readOf(OPS.readV1, sent, { [`${LEAD}/forecastCategory`]: 'EMPTY' })),
      ).toEqual(PASSED);
    });

    it('passes a v0 create read through v1 with its vocabulary translated (RENTAL_BOOKING as YxC)', () => {
      const sent = createBody(OPS.createV0);
      const p = { writer: OPS.createV0, reader: OPS.readV1 };
      const asYxC = readOf(OPS.readV1, sent, { [`${LEAD}/offerLines/0/revenueType`]: 'YxC' });
      expect(
        judge(
          check,
          'create_then_read',
          OPS.readV1,
          [created(OPS.createV0, sent), read(OPS.readV1, asYxC)],
          p,
        ),
      ).toEqual(PASSED);
      const asQxC = readOf(OPS.readV1, sent, { [`${LEAD}/offerLines/0/revenueType`]: 'QxC' });
      expect(
        judge(
          check,
          'create_then_read',
          OPS.readV1,
          [created(OPS.createV0, sent), read(OPS.readV1, asQxC)],
          p,
        ),
      ).toEqual(
        failedShowing('changed-value', '/offerLines/0/revenueType', 'sent', 'expected "YxC"'),
      );
    });

    it('skips an incomplete sequence', () => {
      expect(
        judge(
          check,
          'create_then_read',
          OPS.readV1,
          [created(OPS.createV1, createBody(OPS.createV1))],
          params,
        ),
      ).toEqual(skipped('sequence incomplete'));
    });
  });

  describe('patch_then_read', () => {
    const params = { writer: OPS.updateV1, reader: OPS.readV1 };
    const BEFORE = '2025-09-01T10:00:00.000Z';
    const AFTER = '2025-09-01T10:00:01.000Z';

    /** Create, read, patch with `patch`'s leadOpportunity, read `after`. */
    function run(
      leadBefore: Json,
      patchLead: Json,
      afterEdits: Record<string, unknown>,
      patchStatus = 200,
      extra: Json = {},
    ) {
      const sent = createBody(OPS.createV1, leadBefore);
      const partnerLeadOpportunityId = (sent.leadOpportunity as Json).partnerLeadOpportunityId;
      const before = readOf(OPS.readV1, sent, { [`${LEAD}/modifiedDate`]: BEFORE });
      const patch = {
        partnerId: '200000000014442',
        leadOpportunity: { partnerLeadOpportunityId, ...patchLead },
        ...extra,
      };
      const merged = {
        ...sent,
        ...extra,
        leadOpportunity: { ...(sent.leadOpportunity as Json), ...patchLead },
      };
      const after = readOf(OPS.readV1, merged, { [`${LEAD}/modifiedDate`]: AFTER, ...afterEdits });
      const update = spec.operation(OPS.updateV1);
      const patched = answer(
        update,
        patchStatus,
        patchStatus === 200 ? responseExample(update, '200') : errorBody(update, patchStatus),
        { sent: patch },
      );
      return judge(
        check,
        'patch_then_read',
        OPS.updateV1,
        [created(OPS.createV1, sent), read(OPS.readV1, before), patched, read(OPS.readV1, after)],
        params,
      );
    }

    it('passes the patched value read back with a later modifiedDate', () => {
      expect(run({ status: 'LEAD_OPEN' }, { status: 'QUALIFIED' }, {})).toEqual(PASSED);
    });

    it('fails a patch that did not persist', () => {
      expect(
        run({ status: 'LEAD_OPEN' }, { status: 'QUALIFIED' }, { [`${LEAD}/status`]: 'LEAD_OPEN' }),
      ).toEqual(
        failedShowing(
          'changed-value',
          '/leadOpportunity/status',
          'what updateLeadOpportunitiesDetails_v1 sent, read back through getLeadsOpportunities_v1',
          'sent "QUALIFIED", read "LEAD_OPEN"',
        ),
      );
    });

    it('fails a modifiedDate that did not move with the update', () => {
      expect(
        run({ status: 'LEAD_OPEN' }, { status: 'QUALIFIED' }, { [`${LEAD}/modifiedDate`]: BEFORE }),
      ).toEqual(
        failedShowing(
          'changed-value',
          '/leadOpportunity/modifiedDate',
          'what updateLeadOpportunitiesDetails_v1 sent',
          `modifiedDate did not move with the update: ${BEFORE} before, ${BEFORE} after`,
        ),
      );
      expect(
        run(
          { status: 'LEAD_OPEN' },
          { status: 'QUALIFIED' },
          { [`${LEAD}/modifiedDate`]: '2025-09-01T09:59:59.000Z' },
        ),
      ).toEqual(failed('changed-value', '/leadOpportunity/modifiedDate', 'sent'));
    });

    // The matrix is the creation-time one: after an update, "set by the system" may apply or not.
    it('accepts WON patched with COMMIT read back COMMIT or WON, recording the latitude; fails another value', () => {
      const patch = { status: 'WON', forecastCategory: 'COMMIT' };
      expect(run({ status: 'OPPY_OPEN' }, patch, {})).toEqual(PASSED);
      expect(run({ status: 'OPPY_OPEN' }, patch, { [`${LEAD}/forecastCategory`]: 'WON' })).toEqual(
        excused('forecastIgnoredOnUpdate'),
      );
      expect(run({ status: 'OPPY_OPEN' }, patch, { [`${LEAD}/forecastCategory`]: 'SAFE' })).toEqual(
        failed('changed-value', '/leadOpportunity/forecastCategory', 'sent'),
      );
    });

    it("passes a lead's forecastCategory patch kept as before, recording the latitude", () => {
      const lead = { status: 'QUALIFIED', forecastCategory: 'EMPTY' };
      expect(
        run(lead, { forecastCategory: 'COMMIT' }, { [`${LEAD}/forecastCategory`]: 'EMPTY' }),
      ).toEqual(excused('forecastIgnoredOnUpdate'));
      expect(run(lead, { forecastCategory: 'COMMIT' }, {})).toEqual(PASSED);
      expect(
        run(lead, { forecastCategory: 'COMMIT' }, { [`${LEAD}/forecastCategory`]: 'SAFE' }),
      ).toEqual(failed('changed-value', '/leadOpportunity/forecastCategory', 'sent'));
    });

    it('passes a patched list read back with more items, recording that the spec is silent', () => {
      const line = { amount: 5, offerNameId: 'OFFER-NEW', revenueType: 'PxC' };
      const original = {
        amount: 13800,
        offerNameId: '3DEXPERIENCE_Design/Engineering_On_Premise',
        revenueType: 'PxC',
      };
      const patchLines = { offerLines: [line] };
      expect(run({}, {}, { [`${LEAD}/offerLines`]: [line, original] }, 200, patchLines)).toEqual(
        excused('patchListsReplaceOrExtend'),
      );
      // Appended after the stored line, the sent one sits at another index: listOrder too.
      expect(run({}, {}, { [`${LEAD}/offerLines`]: [original, line] }, 200, patchLines)).toEqual(
        excused('listOrder', 'patchListsReplaceOrExtend'),
      );
      expect(run({}, {}, { [`${LEAD}/offerLines`]: [original] }, 200, patchLines)).toEqual(
        failed(
          'changed-value',
          '/offerLines/0/amount',
          'what updateLeadOpportunitiesDetails_v1 sent',
        ),
      );
    });

    it('skips when the update was refused (positive_data_acceptance judges that)', () => {
      expect(run({ status: 'LEAD_OPEN' }, { status: 'QUALIFIED' }, {}, 400)).toEqual(
        skipped('the update answered 400'),
      );
    });

    it('fails an object that cannot be read after the update', () => {
      const sent = createBody(OPS.createV1);
      const update = spec.operation(OPS.updateV1);
      const exchanges = [
        created(OPS.createV1, sent),
        read(OPS.readV1, readOf(OPS.readV1, sent)),
        answer(update, 200, responseExample(update, '200'), {
          sent: { leadOpportunity: { status: 'QUALIFIED' } },
        }),
        readFailing(OPS.readV1, 500),
      ];
      expect(judge(check, 'patch_then_read', OPS.updateV1, exchanges, params)).toEqual(
        failedShowing(
          'unreadable',
          '/status',
          'getLeadsOpportunities_v1 answers 200 for an object just updated',
          '500',
        ),
      );
    });
  });

  describe('search_finds', () => {
    const search = (data: unknown, status = 200) =>
      answer(spec.operation(OPS.search), status, {
        ...responseExample(spec.operation(OPS.search), '200'),
        data,
      });
    const createdOne = () => created(OPS.createV1, createBody(OPS.createV1));

    it('passes a search that finds the object just created', () => {
      expect(
        judge(
          check,
          'search_finds',
          OPS.search,
          [createdOne(), search([{ dsLeadOpportunityId: [OTHER_ID, ID] }])],
          {
            criterion: 'modifiedDate',
            id: ID,
          },
        ),
      ).toEqual(PASSED);
    });

    it('fails a search that does not find it, at the criterion used', () => {
      expect(
        judge(
          check,
          'search_finds',
          OPS.search,
          [createdOne(), search([{ dsLeadOpportunityId: [OTHER_ID] }])],
          {
            criterion: 'partnerLeadOpportunityId',
            id: ID,
          },
        ),
      ).toEqual(
        failedShowing(
          'not-found',
          '/request/body/data/0/partnerLeadOpportunityId',
          'a search by partnerLeadOpportunityId finds the object just created',
          `${ID} not in`,
        ),
      );
    });
  });
});

describe('creation_defaults', () => {
  const check = 'creation_defaults';
  const params = { writer: OPS.createV1, reader: OPS.readV1 };

  /** A create that leaves out every defaulted field, for `status`. */
  function bare(status: string, forecast?: string): Json {
    const body = createBody(OPS.createV1, { status });
    const lead = body.leadOpportunity as Json;
    for (const name of ['reasonWon', 'reasonLost', 'dsOwnerEmail', 'forecastCategory'])
      delete lead[name];
    if (forecast) lead.forecastCategory = forecast;
    body.offerLines = [{ amount: 13800, offerNameId: 'OFFER-A' }];
    return body;
  }

  /** What a conforming server reads back: every default applied. */
  const defaulted = (sent: Json, forecast: string, edits: Record<string, unknown> = {}) =>
    readOf(OPS.readV1, sent, {
      [`${LEAD}/reasonWon`]: ['STRNG_VAL_PROP'],
      [`${LEAD}/reasonLost`]: ['NO_PROJECT'],
      [`${LEAD}/dsOwnerEmail`]: 'psm@3ds.test',
      [`${LEAD}/forecastCategory`]: forecast,
      [`${LEAD}/offerLines`]: [{ amount: 13800, offerNameId: 'OFFER-A', revenueType: 'PxC' }],
      ...edits,
    });

  const defaults = (sent: Json, readBody: unknown, p: Record<string, unknown>) =>
    judge(
      check,
      'defaults',
      OPS.createV1,
      [created(OPS.createV1, sent), read(OPS.readV1, readBody)],
      {
        ...params,
        ...p,
      },
    );

  it('passes every default applied (descriptions, schema default, status matrix)', () => {
    const sent = bare('OPPY_OPEN');
    expect(defaults(sent, defaulted(sent, 'UPSIDE'), { status: 'OPPY_OPEN' })).toEqual(PASSED);
  });

  it('fails reasonLost not defaulted to NO_PROJECT', () => {
    const sent = bare('OPPY_OPEN');
    expect(
      defaults(sent, defaulted(sent, 'UPSIDE', { [`${LEAD}/reasonLost`]: ['EMPTY'] }), {
        status: 'OPPY_OPEN',
      }),
    ).toEqual(
      failedShowing(
        'default-not-applied',
        '/leadOpportunity/reasonLost',
        'reasonLost defaulted to ["NO_PROJECT"] (its description)',
        '["EMPTY"]',
      ),
    );
  });

  it('fails reasonWon not defaulted to STRNG_VAL_PROP', () => {
    const sent = bare('OPPY_OPEN');
    expect(
      defaults(sent, defaulted(sent, 'UPSIDE', { [`${LEAD}/reasonWon`]: null }), {
        status: 'OPPY_OPEN',
      }),
    ).toEqual(
      failed(
        'default-not-applied',
        '/leadOpportunity/reasonWon',
        'reasonWon defaulted to ["STRNG_VAL_PROP"]',
      ),
    );
  });

  it('needs dsOwnerEmail set, whatever the address ("the primary 3DS PSM")', () => {
    const sent = bare('OPPY_OPEN');
    expect(
      defaults(sent, defaulted(sent, 'UPSIDE', { [`${LEAD}/dsOwnerEmail`]: null }), {
        status: 'OPPY_OPEN',
      }),
    ).toEqual(
      failed(
        'default-not-applied',
        '/leadOpportunity/dsOwnerEmail',
        'dsOwnerEmail defaulted at creation',
      ),
    );
    expect(
      defaults(sent, defaulted(sent, 'UPSIDE', { [`${LEAD}/dsOwnerEmail`]: '' }), {
        status: 'OPPY_OPEN',
      }),
    ).toEqual(
      failed(
        'default-not-applied',
        '/leadOpportunity/dsOwnerEmail',
        'dsOwnerEmail defaulted at creation',
      ),
    );
  });

  it('fails an offer line whose revenueType did not default to PxC', () => {
    const sent = bare('OPPY_OPEN');
    const lines = [{ amount: 13800, offerNameId: 'OFFER-A', revenueType: 'YxC' }];
    expect(
      defaults(sent, defaulted(sent, 'UPSIDE', { [`${LEAD}/offerLines`]: lines }), {
        status: 'OPPY_OPEN',
      }),
    ).toEqual(
      failedShowing(
        'default-not-applied',
        '/offerLines/*/revenueType',
        'schema default',
        'read "YxC"',
      ),
    );
  });

  it("fails a forecastCategory other than the matrix's default for the status", () => {
    const sent = bare('VALIDATED');
    expect(defaults(sent, defaulted(sent, 'COMMIT'), { status: 'VALIDATED' })).toEqual(
      failedShowing(
        'default-not-applied',
        '/leadOpportunity/forecastCategory',
        'forecastCategory UPSIDE for status VALIDATED (not provided at creation: defaults by the matrix)',
        '"COMMIT"',
      ),
    );
  });

  it('needs WON whatever was sent for a WON object', () => {
    const sent = bare('WON', 'COMMIT');
    const p = { status: 'WON', sentForecast: 'COMMIT' };
    expect(defaults(sent, defaulted(sent, 'WON'), p)).toEqual(PASSED);
    expect(defaults(sent, defaulted(sent, 'COMMIT'), p)).toEqual(
      failed(
        'default-not-applied',
        '/leadOpportunity/forecastCategory',
        'forecastCategory WON for status WON ("WON (set by the system)", whatever was sent (COMMIT))',
      ),
    );
  });

  it('fails an object that cannot be read back', () => {
    expect(
      judge(
        check,
        'defaults',
        OPS.createV1,
        [created(OPS.createV1, bare('LOST')), readFailing(OPS.readV1, 500)],
        {
          ...params,
          status: 'LOST',
        },
      ),
    ).toEqual(
      failed(
        'unreadable',
        '/status',
        'getLeadsOpportunities_v1 answers 200 for an object just created',
      ),
    );
  });

  describe('forecast_ignored', () => {
    const run = (a: unknown, b: unknown, status = 200) => {
      const [sentA, sentB] = [bare('LEAD_OPEN', 'UPSIDE'), bare('LEAD_OPEN', 'COMMIT')];
      return judge(
        check,
        'forecast_ignored',
        OPS.createV1,
        [
          created(OPS.createV1, sentA),
          created(OPS.createV1, sentB, OTHER_ID),
          read(OPS.readV1, readOf(OPS.readV1, sentA, { [`${LEAD}/forecastCategory`]: a })),
          status === 200
            ? read(
                OPS.readV1,
                readOf(OPS.readV1, sentB, { [`${LEAD}/forecastCategory`]: b }),
                OTHER_ID,
              )
            : readFailing(OPS.readV1, status),
        ],
        { status: 'LEAD_OPEN', a: 'UPSIDE', b: 'COMMIT' },
      );
    };

    it('passes the same stored value whatever was sent', () => {
      expect(run('EMPTY', 'EMPTY')).toEqual(PASSED);
    });

    it('fails the two values stored as sent', () => {
      expect(run('UPSIDE', 'COMMIT')).toEqual(
        failedShowing(
          'value-not-ignored',
          '/leadOpportunity/forecastCategory',
          'forecastCategory ignored at creation for LEAD_OPEN',
          'sent UPSIDE then COMMIT, read "UPSIDE" and "COMMIT"',
        ),
      );
    });

    it('skips when a read did not answer 200', () => {
      expect(run('EMPTY', 'EMPTY', 500)).toEqual(skipped('did not answer 200'));
    });
  });
});

describe('key_isolation', () => {
  const check = 'key_isolation';

  describe('read_by_other_key', () => {
    const run = (second: AnsweredExchange) =>
      judge(check, 'read_by_other_key', OPS.readV1, [
        created(OPS.createV1, createBody(OPS.createV1)),
        second,
      ]);

    it('fails another key reading the object', () => {
      const sent = createBody(OPS.createV1);
      expect(run(read(OPS.readV1, readOf(OPS.readV1, sent)))).toEqual(
        failedShowing(
          'read-by-other-key',
          '/status',
          '500 ERROR_048 ("Leverage Id not in scope of requestor")',
          '200: another key read the object',
        ),
      );
    });

    it('fails a refused second key: it is configured as valid', () => {
      const op = spec.operation(OPS.readV1);
      expect(
        run(answer(op, 403, { message: 'API Consumer Not allowed' }, { rateLimit: null })),
      ).toEqual(
        failedShowing(
          'second-key-refused',
          '/status',
          'the second key, configured as valid, is served',
          '403',
        ),
      );
      expect(
        run(answer(op, 401, { message: 'Missing API key in request' }, { rateLimit: null })),
      ).toEqual(
        failed('second-key-refused', '/status', 'the second key, configured as valid, is served'),
      );
    });

    it('passes the documented 500 ERROR_048', () => {
      expect(
        run(
          answer(
            spec.operation(OPS.readV1),
            500,
            responseExample(spec.operation(OPS.readV1), '500'),
          ),
        ),
      ).toEqual(PASSED);
    });

    it('leaves an undocumented status to status_code_conformance', () => {
      expect(run(answer(spec.operation(OPS.readV1), 404, {}))).toEqual(
        skipped('status_code_conformance'),
      );
    });
  });

  describe('search_by_other_key', () => {
    const searchOp = () => spec.operation(OPS.search);
    const run = (second: AnsweredExchange) =>
      judge(
        check,
        'search_by_other_key',
        OPS.search,
        [created(OPS.createV1, createBody(OPS.createV1)), second],
        { id: ID },
      );
    const found = (ids: string[]) =>
      answer(searchOp(), 200, {
        ...responseExample(searchOp(), '200'),
        data: [{ dsLeadOpportunityId: ids }],
      });

    it('passes a search by another key that does not find the object', () => {
      expect(run(found([OTHER_ID]))).toEqual(PASSED);
      expect(
        run(answer(searchOp(), 200, { ...responseExample(searchOp(), '200'), data: [] })),
      ).toEqual(PASSED);
    });

    it('fails a search by another key that finds it', () => {
      expect(run(found([OTHER_ID, ID]))).toEqual(
        failedShowing(
          'found-by-other-key',
          '/body/data',
          "a search finds only the caller's objects",
          `another key's search found ${ID}`,
        ),
      );
    });

    it('fails a refused second key, skips another refusal', () => {
      expect(run(answer(searchOp(), 403, { message: 'API Consumer Not allowed' }))).toEqual(
        failed('second-key-refused', '/status', 'configured as valid'),
      );
      expect(run(answer(searchOp(), 400, errorBody(searchOp(), 400, 'ERROR_043')))).toEqual(
        skipped("the second key's search answered 400"),
      );
    });
  });
});

describe('search_matches_criteria', () => {
  const check = 'search_matches_criteria';
  const A = 'AAAA-000001';
  const B = 'BBBB-000002';
  const searchOp = () => spec.operation(OPS.search);
  const results = (...ids: string[]) =>
    answer(searchOp(), 200, {
      ...responseExample(searchOp(), '200'),
      data: ids.length ? [{ dsLeadOpportunityId: ids }] : [],
    });
  const creates = () => [
    created(OPS.createV1, createBody(OPS.createV1, { partnerLeadOpportunityId: 'P-1' }), A),
    created(OPS.createV1, createBody(OPS.createV1, { partnerLeadOpportunityId: 'P-1X' }), B),
  ];

  describe('exact_id', () => {
    const run = (arrayForm: AnsweredExchange, stringForm: AnsweredExchange) =>
      judge(check, 'exact_id', OPS.search, [...creates(), arrayForm, stringForm], { a: A, b: B });

    it('passes both forms finding exactly the object with that partner id', () => {
      expect(run(results(A), results(A))).toEqual(PASSED);
    });

    it('fails a prefix match (P-1 finding P-1X), in either form', () => {
      expect(run(results(A, B), results(A))).toEqual(
        failedShowing(
          'result-outside-criteria',
          '/body/data',
          'a partner id is an exact match: every result satisfies the criteria',
          `returned ${B}, which does not match`,
        ),
      );
      expect(run(results(A), results(B, A))).toEqual(
        failed('result-outside-criteria', '/body/data', 'exact match'),
      );
    });

    it('fails a search that misses the object', () => {
      expect(run(results(A), results())).toEqual(
        failedShowing(
          'missing-result',
          '/body/data',
          'finds the object that matches',
          `${A} not among 0 results`,
        ),
      );
    });

    it('fails objects no criterion matches, even unknown ones', () => {
      expect(run(results(A, OTHER_ID), results(A))).toEqual(
        failedShowing(
          'result-outside-criteria',
          '/body/data',
          'exact match',
          'returned 1 objects no criterion matches',
        ),
      );
    });

    it('skips a refused search and an incomplete sequence', () => {
      expect(run(results(A), answer(searchOp(), 400, errorBody(searchOp(), 400)))).toEqual(
        skipped('the search answered 400'),
      );
      expect(
        judge(check, 'exact_id', OPS.search, [...creates(), results(A)], { a: A, b: B }),
      ).toEqual(skipped('sequence incomplete'));
    });
  });

  describe('and_within_item', () => {
    const run = (search: AnsweredExchange) =>
      judge(check, 'and_within_item', OPS.search, [creates()[0], search], { a: A });

    it('passes a window that misses the object excluding it', () => {
      expect(run(results())).toEqual(PASSED);
    });

    it('fails the object returned although its modifiedDate is outside the window (OR instead of AND)', () => {
      expect(run(results(A))).toEqual(
        failedShowing(
          'result-outside-criteria',
          '/body/data',
          'criteria in one item are combined with AND',
          `returned ${A}, which does not match`,
        ),
      );
    });
  });
});

describe('paging_consistency', () => {
  const check = 'paging_consistency';
  const portfolio = () => spec.operation(OPS.portfolio);
  const item = (i: number): Json => ({
    ...((responseExample(portfolio(), '200').data as Json[])[0] as Json),
    salesPortfolioId: `ITEM-${i}`,
  });
  const catalogue = (n: number) => Array.from({ length: n }, (_, i) => item(i));
  /** A page of `items`, saying the catalogue holds `count`. */
  const page = (items: Json[], count: number, status = 200) =>
    status === 200
      ? answer(
          portfolio(),
          200,
          editedAll(responseExample(portfolio(), '200'), {
            '/data': items,
            '/info/estimatedSearchCount': count,
          }),
        )
      : answer(portfolio(), status, responseExample(portfolio(), String(status)));

  describe('windows', () => {
    let all: Json[];
    beforeAll(() => {
      all = catalogue(30);
    });
    const windows = (first: Json[], second: Json[], single: Json[], counts = [30, 30, 30]) =>
      judge(check, 'windows', OPS.portfolio, [
        page(first, counts[0]),
        page(second, counts[1]),
        page(single, counts[2]),
      ]);

    it('passes windows that agree with each other and the count', () => {
      expect(windows(all.slice(0, 10), all.slice(5, 10), all.slice(0, 1))).toEqual(PASSED);
    });

    it('passes a catalogue smaller than a page', () => {
      const small = catalogue(3);
      expect(windows(small, [], small.slice(0, 1), [3, 3, 3])).toEqual(PASSED);
    });

    it('fails skip=5&top=5 that is not items 5..9 of top=10 (an offset error)', () => {
      expect(windows(all.slice(0, 10), all.slice(6, 11), all.slice(0, 1))).toEqual(
        failedShowing(
          'window-mismatch',
          '/query',
          'skip=5&top=5 is items 5..9 of skip=0&top=10',
          '5 items',
        ),
      );
    });

    it('fails top=1 that is not the first item of top=10', () => {
      expect(windows(all.slice(0, 10), all.slice(5, 10), all.slice(1, 2))).toEqual(
        failed('window-mismatch', '/query', 'top=1 is the first item of top=10'),
      );
    });

    it('fails pages larger than top', () => {
      expect(windows(all.slice(0, 11), all.slice(5, 10), all.slice(0, 1))).toEqual(
        failedShowing('page-too-large', '/query', 'at most 10 items for top=10', '11'),
      );
      expect(windows(all.slice(0, 10), all.slice(5, 10), all.slice(0, 2))).toEqual(
        failed('page-too-large', '/query', 'at most 1 item for top=1'),
      );
    });

    it('fails counts that differ between pages, or are below what was returned', () => {
      expect(windows(all.slice(0, 10), all.slice(5, 10), all.slice(0, 1), [30, 31, 30])).toEqual(
        failedShowing(
          'count-differs',
          '/query',
          'one estimatedSearchCount for every page',
          '30, 31, 30',
        ),
      );
      expect(windows(all.slice(0, 10), all.slice(5, 10), all.slice(0, 1), [4, 4, 4])).toEqual(
        failed('count-too-small', '/query', 'estimatedSearchCount ≥ the 10 items returned'),
      );
    });

    it('skips an empty catalogue and a failed page: never a pass', () => {
      expect(windows([], [], [], [0, 0, 0])).toEqual(skipped('the catalogue is empty'));
      expect(
        judge(check, 'windows', OPS.portfolio, [
          page(all.slice(0, 10), 30),
          page([], 0, 400),
          page(all.slice(0, 1), 30),
        ]),
      ).toEqual(skipped('a page answered 400'));
    });
  });

  describe('walk', () => {
    const walk = (sizes: number[], count: number) => {
      const items = catalogue(sizes.reduce((a, b) => a + b, 0));
      let from = 0;
      const pages = sizes.map((n) => {
        const p = page(items.slice(from, from + n), count);
        from += n;
        return p;
      });
      return judge(check, 'walk', OPS.portfolio, pages, { count, pageSize: 500 });
    };

    it('passes a walk that gives estimatedSearchCount items', () => {
      expect(walk([500, 500, 37], 1037)).toEqual(PASSED);
      expect(walk([500, 0], 500)).toEqual(PASSED);
    });

    it('fails a walk that gives fewer or more items than estimatedSearchCount', () => {
      expect(walk([500, 36], 537)).toEqual(
        failedShowing(
          'walk-count-mismatch',
          '/body/info/estimatedSearchCount',
          'walking the pages gives estimatedSearchCount ("Total number of Results") items',
          '536 items walked, estimatedSearchCount 537',
        ),
      );
      expect(walk([500, 38], 537)).toEqual(
        failed('walk-count-mismatch', '/body/info/estimatedSearchCount', 'walking the pages'),
      );
    });

    it('skips a walk that did not reach the end of the list', () => {
      expect(walk([500, 500], 1500)).toEqual(inconclusive('did not reach the end of the list'));
    });
  });
});

describe('version_differences', () => {
  const check = 'version_differences';

  describe('vocabulary', () => {
    const POINTER = '/offerLines/0/revenueType';
    const withRevenueType = (writerId: string, value: string) =>
      edited(createBody(writerId), '/offerLines/0/revenueType', value);
    const createParams = {
      mine: OPS.createV1,
      peer: OPS.createV0,
      pointer: POINTER,
      value: 'PxC',
      update: false,
    };

    /** v1 sends PxC (its own), v0 is sent PxC (not its own). */
    function creates(ownStatus: number, peerStatus: number, peerCode?: string) {
      const [v1, v0] = [spec.operation(OPS.createV1), spec.operation(OPS.createV0)];
      const own = answer(
        v1,
        ownStatus,
        ownStatus === 201 ? responseExample(v1, '201') : errorBody(v1, ownStatus),
        {
          sent: withRevenueType(OPS.createV1, 'PxC'),
        },
      );
      const peer = answer(
        v0,
        peerStatus,
        peerStatus === 201 ? responseExample(v0, '201') : errorBody(v0, peerStatus, peerCode),
        {
          sent: withRevenueType(OPS.createV0, 'PxC'),
        },
      );
      return judge(check, 'vocabulary', OPS.createV1, [own, peer], createParams);
    }

    it('passes a v1-only value accepted by v1 and refused by v0', () => {
      expect(creates(201, 400)).toEqual(PASSED);
    });

    it('fails the other version accepting it', () => {
      expect(creates(201, 201)).toEqual(
        failedShowing(
          'other-vocabulary-accepted',
          `/body${POINTER}`,
          'createLeadsOpportunities rejects /offerLines/0/revenueType=PxC (v1 vocabulary): its enum does not have it',
          'accepted with 201',
        ),
      );
    });

    it('concludes nothing when its own version refused it (positive_data_acceptance judges that)', () => {
      expect(creates(400, 400)).toEqual(skipped('did not accept'));
    });

    it("passes any refusal by the other version: which rejection is negative_data_rejection's to judge", () => {
      expect(creates(201, 406, 'ERR805')).toEqual(PASSED);
      expect(creates(201, 403)).toEqual(PASSED);
    });

    it('concludes nothing from the other version rate limited', () => {
      expect(creates(201, 429)).toEqual(inconclusive('rate limited'));
    });

    /** Updates: [create own, patch own, create peer, patch peer], the writes judged. */
    function updates(ownStatus: number, peerStatus: number) {
      const [u1, u0] = [spec.operation(OPS.updateV1), spec.operation(OPS.updateV0)];
      const patch = (op: typeof u1, status: number) =>
        answer(op, status, status === 200 ? responseExample(op, '200') : errorBody(op, status), {
          sent: {
            partnerId: '200000000014442',
            leadOpportunity: { partnerLeadOpportunityId: 'P-1' },
            offerLines: [{ offerNameId: 'O', revenueType: 'PxC' }],
          },
        });
      return judge(
        check,
        'vocabulary',
        OPS.updateV1,
        [
          created(OPS.createV1, createBody(OPS.createV1)),
          patch(u1, ownStatus),
          created(OPS.createV0, createBody(OPS.createV0), OTHER_ID),
          patch(u0, peerStatus),
        ],
        { mine: OPS.updateV1, peer: OPS.updateV0, pointer: POINTER, value: 'PxC', update: true },
      );
    }

    it('judges the updates, not the creates, of an update sequence', () => {
      expect(updates(200, 400)).toEqual(PASSED);
      expect(updates(200, 200)).toEqual(
        failed(
          'other-vocabulary-accepted',
          `/body${POINTER}`,
          'updateLeadOpportunitiesDetails rejects',
        ),
      );
      expect(updates(400, 400)).toEqual(skipped('did not accept'));
    });

    // Nothing was accepted: a skip, never a pass.
    it('does not pass when its own version answered 503: nothing was accepted', () => {
      expect(updates(503, 400)).toEqual(expect.objectContaining({ verdict: 'skip' }));
    });

    // A maintenance 503 says nothing about the value.
    it('does not pass when the other version answered 503 ERR899 (maintenance)', () => {
      expect(creates(201, 503, 'ERR899')).toEqual(expect.objectContaining({ verdict: 'skip' }));
    });
  });

  describe('two_views', () => {
    const params = { writer: OPS.createV0, readers: [OPS.readV1, OPS.readV0] };
    const run = (v1Edits: Record<string, unknown>, v0Read?: AnsweredExchange) => {
      const sent = createBody(OPS.createV0);
      return judge(
        check,
        'two_views',
        OPS.readV1,
        [
          created(OPS.createV0, sent),
          read(
            OPS.readV1,
            readOf(OPS.readV1, sent, { [`${LEAD}/offerLines/0/revenueType`]: 'YxC', ...v1Edits }),
          ),
          v0Read ?? read(OPS.readV0, readOf(OPS.readV0, sent)),
        ],
        params,
      );
    };

    it('passes one object read the same through v1 (YxC) and v0 (RENTAL_BOOKING)', () => {
      expect(run({})).toEqual(PASSED);
    });

    it('records the latitudes either read took', () => {
      expect(run({ [`${LEAD}/closeDate`]: '2025-06-01T00:00:00.000Z' })).toEqual(
        excused('dateReadAsDay'),
      );
    });

    it('fails v1 showing RENTAL_BOOKING as QxC, citing the example pair', () => {
      expect(run({ [`${LEAD}/offerLines/0/revenueType`]: 'QxC' })).toEqual(
        failedShowing(
          'changed-value',
          '/offerLines/0/revenueType',
          "getLeadsOpportunities_v1 shows what createLeadsOpportunities sent, in v1's vocabulary (as the spec's HCRQ-F1LLDE examples pair them)",
          'expected "YxC"',
        ),
      );
    });

    it('fails v0 showing the v1 vocabulary', () => {
      const sent = createBody(OPS.createV0);
      const v0 = read(
        OPS.readV0,
        readOf(OPS.readV0, sent, { [`${LEAD}/offerLines/0/revenueType`]: 'YxC' }),
      );
      expect(run({}, v0)).toEqual(
        failed('changed-value', '/offerLines/0/revenueType', 'getLeadsOpportunities shows what'),
      );
    });

    it('fails a version that cannot read the object', () => {
      expect(run({}, readFailing(OPS.readV0, 500))).toEqual(
        failedShowing(
          'unreadable',
          '/status',
          'getLeadsOpportunities reads an object created by createLeadsOpportunities',
          '500',
        ),
      );
    });
  });
});

describe('auth_missing_key_401 and auth_unknown_key_403', () => {
  const ask = (status: number) =>
    answer(
      spec.operation(OPS.readV1),
      status,
      status === 401
        ? { message: 'Missing API key in request' }
        : { message: 'API Consumer Not allowed' },
      { rateLimit: null },
    );
  const sequence = (status: number) => [
    created(OPS.createV1, createBody(OPS.createV1)),
    ask(status),
  ];

  it('no_key: passes 401, fails 403 and fails being served', () => {
    const noKey = (status: number) =>
      judge('auth_missing_key_401', 'no_key', OPS.readV1, sequence(status));
    expect(noKey(401)).toEqual(PASSED);
    expect(noKey(403)).toEqual(
      failedShowing(
        'wrong-auth-status',
        '/status',
        '401 (401_missing-apikey: "Missing API key in request")',
        '403',
      ),
    );
    expect(noKey(200)).toEqual(failed('served-without-valid-key', '/status', '401'));
  });

  it('unknown_key: passes 403, fails 401 (not 403) and fails being served', () => {
    const unknownKey = (status: number) =>
      judge('auth_unknown_key_403', 'unknown_key', OPS.readV1, sequence(status));
    expect(unknownKey(403)).toEqual(PASSED);
    expect(unknownKey(401)).toEqual(
      failedShowing(
        'wrong-auth-status',
        '/status',
        '403 (403_forbidden: "usage of invalid API-KEY")',
        '401',
      ),
    );
    expect(unknownKey(201)).toEqual(failed('served-without-valid-key', '/status', '403'));
  });
});

describe('documented_error_codes', () => {
  const check = 'documented_error_codes';
  const PARTNER_ID = '/body/leadOpportunity/partnerLeadOpportunityId';

  describe('duplicate_partner_id', () => {
    const run = (status: number, code?: string) => {
      const v1 = spec.operation(OPS.createV1);
      const sent = createBody(OPS.createV1);
      const again = answer(
        v1,
        status,
        status === 201 ? responseExample(v1, '201') : errorBody(v1, status, code),
        { sent },
      );
      return judge(check, 'duplicate_partner_id', OPS.createV1, [
        created(OPS.createV1, sent),
        again,
      ]);
    };

    it('passes the second create with the same partner id rejected 400 ERR801', () => {
      expect(run(400, 'ERR801')).toEqual(PASSED);
    });

    it('fails it accepted', () => {
      expect(run(201)).toEqual(
        failedShowing(
          'accepted-invalid',
          PARTNER_ID,
          '400 ERR801 for duplicate-partner-id broken',
          'accepted with 201',
        ),
      );
    });

    it('fails it rejected with another code, or another status', () => {
      expect(run(400, 'ERR805')).toEqual(
        failedShowing('wrong-error-code', PARTNER_ID, '400 ERR801', '400 with error.code ERR805'),
      );
      expect(run(406, 'ERR805')).toEqual(failed('wrong-status', PARTNER_ID, '400 ERR801'));
    });
  });

  describe('unknown_id', () => {
    const unknown = (operationId: string, status: number, code?: string) => {
      const op = spec.operation(operationId);
      return judge(check, 'unknown_id', operationId, [
        answer(
          op,
          status,
          status < 300 ? responseExample(op, String(status)) : errorBody(op, status, code),
          {
            request: requestTo(op, undefined, 'ZZZZ-P1'),
          },
        ),
      ]);
    };

    it("passes a read's 500 ERROR_048, fails a read served", () => {
      expect(unknown(OPS.readV1, 500, 'ERROR_048')).toEqual(PASSED);
      expect(unknown(OPS.readV0, 500, 'ERROR_048')).toEqual(PASSED);
      expect(unknown(OPS.readV1, 200)).toEqual(
        failed('accepted-invalid', '/path/id', '500 ERROR_048 for unknown-id broken'),
      );
      expect(unknown(OPS.readV1, 403)).toEqual(failed('wrong-status', '/path/id', '500 ERROR_048'));
    });

    it('passes an update of an unknown id rejected 400 (no code documented), fails it accepted', () => {
      expect(unknown(OPS.updateV1, 400, 'ERR_NOT_FOUND')).toEqual(excused('codeNotDocumented'));
      expect(unknown(OPS.updateV1, 200)).toEqual(
        failed('accepted-invalid', '/path/id', '400 for unknown-id broken'),
      );
    });
  });
});
