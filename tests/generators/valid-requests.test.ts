import fc from 'fast-check';
import { getSpec, SEARCH_MAX_WINDOW_MS, type SpecModel } from '../../model';
import {
  apiKeyHeaders,
  requestFindings,
  sampleValid,
  toHttpRequest,
  validRequest,
  type RequestSample,
} from '../../generators';
import { fcParams, specValidatorErrors, stringsIn } from './helpers';

let spec: SpecModel;
beforeAll(async () => {
  spec = await getSpec();
});

/** Listed so that each operation is its own test; the first test checks the list is the spec's. */
const OPERATIONS = [
  'createLeadsOpportunities',
  'createLeadsOpportunities_v1',
  'getLeadsOpportunities',
  'getLeadsOpportunities_v1',
  'updateLeadOpportunitiesDetails',
  'updateLeadOpportunitiesDetails_v1',
  'searchLeadsOpportunities',
  'searchPortfolioItems',
];

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

describe('valid requests', () => {
  it('covers every operation of the spec', () => {
    expect(spec.operations.map((o) => o.operationId).sort()).toEqual([...OPERATIONS].sort());
    for (const op of spec.operations) expect(() => validRequest(spec, op)).not.toThrow();
  });

  it.each(OPERATIONS)(
    '%s: every request passes the spec validators and the description rules',
    (operationId) => {
      const op = spec.operation(operationId);
      fc.assert(
        fc.property(validRequest(spec, op, { idPrefix: `T-VALID-${operationId}-` }), (sample) => {
          expect(specValidatorErrors(op, sample)).toEqual([]);
          expect(requestFindings(op, sample)).toEqual([]);
        }),
        fcParams(),
      );
    },
  );

  it('search windows: both bounds in UTC, fromDate strictly before toDate, at most 7 days', () => {
    const op = spec.operation('searchLeadsOpportunities');
    let windows = 0;
    let sevenDays = 0;
    fc.assert(
      fc.property(validRequest(spec, op), (sample) => {
        const data = (sample.body as { data: Array<Record<string, unknown>> }).data;
        expect(data.length).toBeGreaterThan(0);
        for (const criterion of data) {
          expect('modifiedDate' in criterion || 'partnerLeadOpportunityId' in criterion).toBe(true);
          const w = criterion.modifiedDate as { fromDate: string; toDate: string } | undefined;
          if (!w) continue;
          windows++;
          expect(w.fromDate).toMatch(/Z$/);
          expect(w.toDate).toMatch(/Z$/);
          const span = Date.parse(w.toDate) - Date.parse(w.fromDate);
          expect(span).toBeGreaterThan(0);
          expect(span).toBeLessThanOrEqual(SEARCH_MAX_WINDOW_MS);
          if (span === SEARCH_MAX_WINDOW_MS) sevenDays++;
        }
      }),
      fcParams(),
    );
    expect(windows).toBeGreaterThan(100);
    // The boundary itself (exactly 7 days) is valid and must be exercised.
    expect(sevenDays).toBeGreaterThan(0);
  });

  it('every date-time in every body is written in UTC, with and without milliseconds', () => {
    const seen = { withMillis: 0, without: 0 };
    for (const op of spec.operations) {
      for (const sample of sampleValid(op, { seed: 11, count: 200 })) {
        for (const [, text] of stringsIn(sample.body)) {
          if (!ISO_DATE_TIME.test(text)) continue;
          expect(text).toMatch(/Z$/);
          if (text.includes('.')) seen.withMillis++;
          else seen.without++;
        }
      }
    }
    expect(seen.withMillis).toBeGreaterThan(50);
    expect(seen.without).toBeGreaterThan(50);
  });

  it('partner ids of create requests never repeat, across samples and across generators sharing a prefix', () => {
    const op = spec.operation('createLeadsOpportunities_v1');
    const ids = (samples: RequestSample[]) =>
      samples.map(
        (s) =>
          (s.body as { leadOpportunity: { partnerLeadOpportunityId: string } }).leadOpportunity
            .partnerLeadOpportunityId,
      );
    const first = ids(sampleValid(op, { seed: 1, count: 1500, idPrefix: 'T-UNIQ-' }));
    const second = ids(sampleValid(op, { seed: 1, count: 1500, idPrefix: 'T-UNIQ-' }));
    const v0 = ids(
      sampleValid(spec.operation('createLeadsOpportunities'), {
        seed: 1,
        count: 500,
        idPrefix: 'T-UNIQ-',
      }),
    );
    const all = [...first, ...second, ...v0];
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((id) => id.startsWith('T-UNIQ-'))).toBe(true);
  });

  it('offerNameId comes from the pool when the caller gives one', () => {
    const pool = ['CLASS00002_ONPR_PRTF077_SOL001277', 'MDMIND00022_PUBL_ISE00002687_IPE00021337'];
    for (const id of ['createLeadsOpportunities_v1', 'updateLeadOpportunitiesDetails_v1']) {
      const samples = sampleValid(spec.operation(id), {
        seed: 3,
        count: 300,
        pools: { offerNameId: pool },
      });
      const used = samples.flatMap((s) =>
        ((s.body as { offerLines?: Array<{ offerNameId: string }> }).offerLines ?? []).map(
          (l) => l.offerNameId,
        ),
      );
      expect(used.length).toBeGreaterThan(50);
      expect(new Set(used)).toEqual(new Set(pool));
    }
  });

  it('mixes realistic values with edge cases', () => {
    const samples = sampleValid(spec.operation('createLeadsOpportunities_v1'), {
      seed: 5,
      count: 500,
    });
    const strings = samples.flatMap((s) => stringsIn(s.body).map(([, v]) => v));
    const emails = samples.flatMap((s) =>
      ((s.body as { customerContacts?: Array<{ email: string }> }).customerContacts ?? []).map(
        (c) => c.email,
      ),
    );
    expect(emails.filter((e) => /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(e)).length).toBeGreaterThan(
      emails.length / 3,
    );
    expect(strings.some((v) => [...v].length >= 256)).toBe(true);
    expect(strings.some((v) => /\P{ASCII}/u.test(v))).toBe(true);
    expect(strings).toContain('');
    const currencies = samples.map(
      (s) => (s.body as { leadOpportunity: { currency: string } }).leadOpportunity.currency,
    );
    expect(currencies).toEqual(expect.arrayContaining(['EUR', 'USD']));
    expect(currencies.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    const contactLists = samples.map(
      (s) => (s.body as { customerContacts?: unknown[] }).customerContacts,
    );
    expect(contactLists.some((l) => Array.isArray(l) && l.length === 0)).toBe(true);
    const tops = sampleValid(spec.operation('searchPortfolioItems'), { seed: 5, count: 500 }).map(
      (s) => s.query.top,
    );
    expect(tops).toContain('1');
  });

  // Partner ids are drawn unique (a counter), not from the seed: everything else replays.
  const withoutPartnerIds = (samples: unknown): unknown =>
    JSON.parse(
      JSON.stringify(samples).replace(
        /"partnerLeadOpportunityId":"[^"]*"/g,
        '"partnerLeadOpportunityId":"*"',
      ),
    );

  it('sampleValid replays from its seed', () => {
    for (const id of [
      'searchLeadsOpportunities',
      'searchPortfolioItems',
      'updateLeadOpportunitiesDetails_v1',
    ]) {
      const op = spec.operation(id);
      expect(withoutPartnerIds(sampleValid(op, { seed: 42, count: 20 }))).toEqual(
        withoutPartnerIds(sampleValid(op, { seed: 42, count: 20 })),
      );
      expect(sampleValid(op, { seed: 42, count: 20 })).not.toEqual(
        sampleValid(op, { seed: 43, count: 20 }),
      );
    }
  });
});

describe('toHttpRequest', () => {
  it('fills and encodes the path template, keeps the query, sets the JSON content type', () => {
    const op = spec.operation('updateLeadOpportunitiesDetails_v1');
    const [sample] = sampleValid(op, { seed: 9, count: 1 });
    const request = toHttpRequest(
      op,
      { ...sample, pathParams: { id: 'A/B C' } },
      apiKeyHeaders(spec, op, 'k-123'),
    );
    expect(request.method).toBe('PATCH');
    expect(request.path).toBe('/sales/api4partners/v1/leads-opportunities/A%2FB%20C');
    expect(request.headers).toEqual({ 'X-API-Key': 'k-123', 'content-type': 'application/json' });
    expect(request.body).toEqual(sample.body);
    expect(request.rawBody).toBeUndefined();
  });

  it('sends query parameters of a GET without a body or content type', () => {
    const op = spec.operation('searchPortfolioItems');
    const request = toHttpRequest(op, {
      operationId: op.operationId,
      pathParams: {},
      query: { top: '5' },
    });
    expect(request).toEqual({ method: 'GET', path: op.path, headers: {}, query: { top: '5' } });
  });

  it('refuses a sample that lacks a path parameter, naming it', () => {
    const op = spec.operation('getLeadsOpportunities_v1');
    expect(() =>
      toHttpRequest(op, { operationId: op.operationId, pathParams: {}, query: {} }),
    ).toThrow(/'id'/);
  });
});
