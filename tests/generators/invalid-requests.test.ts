import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import {
  documentedOutcome,
  getSpec,
  UsageError,
  type OperationModel,
  type SpecModel,
  type ViolationKind,
} from '../../model';
import {
  duplicatePartnerIdRequest,
  invalidKindsOf,
  invalidRequest,
  requestFindings,
  sampleInvalid,
  sampleValid,
  unknownIdRequest,
  valueAtRequest,
  type InvalidSample,
} from '../../generators';
import {
  fcParams,
  formatAt,
  labelFound,
  sameRequest,
  specValidatorErrors,
  strayFindings,
  undo,
} from './helpers';

let spec: SpecModel;
beforeAll(async () => {
  spec = await getSpec();
});

const WITH_INVALID = [
  'createLeadsOpportunities',
  'createLeadsOpportunities_v1',
  'updateLeadOpportunitiesDetails',
  'updateLeadOpportunitiesDetails_v1',
  'searchLeadsOpportunities',
  'searchPortfolioItems',
];

/**
 * The single-fault property: wrong for the labelled reason, at the labelled place, and nothing
 * else; undoing the change gives the valid request it came from; the label is the documented
 * outcome. Checked with plain comparisons, and thrown as one message naming every breach (fast-check
 * then prints the seed and the shrunk counterexample): thousands of samples would otherwise
 * spend most of their time in `expect`.
 */
function singleFaultBreaches(op: OperationModel, sample: InvalidSample): string[] {
  const breaches: string[] = [];
  const findings = requestFindings(op, sample);
  if (findings.length === 0) breaches.push('the request has no finding: it is valid');
  else if (!labelFound(sample, findings))
    breaches.push(
      `label ${sample.violation} at ${sample.pointer} not among ${JSON.stringify(findings)}`,
    );
  const stray = strayFindings(sample, findings);
  if (stray.length > 0) breaches.push(`findings elsewhere: ${JSON.stringify(stray)}`);
  const baseFindings = requestFindings(op, sample.base);
  if (baseFindings.length > 0)
    breaches.push(`the base is invalid: ${JSON.stringify(baseFindings)}`);
  if (!sameRequest(undo(sample), sample.base))
    breaches.push('undoing the change does not give the base');
  const format = sample.violation === 'format' ? formatAt(op, sample.pointer) : undefined;
  const outcome = documentedOutcome(op, sample.violation, sample.pointer, format);
  if (!isDeepStrictEqual(sample.expected, outcome))
    breaches.push(
      `expected ${JSON.stringify(sample.expected)}, documented ${JSON.stringify(outcome)}`,
    );
  if (!sample.reason.includes(sample.pointer))
    breaches.push(`the reason does not name ${sample.pointer}: ${sample.reason}`);
  return breaches;
}

describe('invalid requests', () => {
  it.each(WITH_INVALID)(
    '%s: each request breaks exactly the labelled rule, and undoing it gives a valid request',
    (operationId) => {
      const op = spec.operation(operationId);
      fc.assert(
        fc.property(invalidRequest(spec, op, { idPrefix: `T-INV-${operationId}-` }), (sample) => {
          const breaches = singleFaultBreaches(op, sample);
          if (breaches.length > 0) throw new Error(breaches.join('\n'));
        }),
        fcParams(),
      );
    },
  );

  const EXPECTED_KINDS: Record<string, ViolationKind[]> = {
    createLeadsOpportunities_v1: [
      'required',
      'type',
      'enum',
      'pattern',
      'format',
      'minItems',
      'malformed-json',
      'wrong-content-type',
      'empty-body',
    ],
    updateLeadOpportunitiesDetails_v1: [
      'required',
      'type',
      'enum',
      'pattern',
      'format',
      'malformed-json',
      'wrong-content-type',
      'empty-body',
    ],
    searchLeadsOpportunities: [
      'required',
      'type',
      'format',
      'search-no-criterion',
      'search-missing-bound',
      'search-from-not-before-to',
      'search-window-too-long',
      'date-time-not-utc',
      'malformed-json',
      'wrong-content-type',
      'empty-body',
    ],
    searchPortfolioItems: ['type', 'minimum'],
  };

  it.each(Object.keys(EXPECTED_KINDS))(
    '%s: every kind of violation the schema and descriptions allow is generated',
    (operationId) => {
      const kinds = new Set(
        sampleInvalid(spec.operation(operationId), { seed: 1, count: 400 }).map((s) => s.violation),
      );
      expect([...kinds].sort()).toEqual([...EXPECTED_KINDS[operationId]].sort());
    },
  );

  it('labels the cases the spec documents with their status and error code', () => {
    const create = spec.operation('createLeadsOpportunities_v1');
    const createSamples = sampleInvalid(create, { seed: 2, count: 600 });
    const closeDate = createSamples.find(
      (s) => s.violation === 'format' && s.pointer === '/body/leadOpportunity/closeDate',
    );
    expect(closeDate?.expected.answers).toEqual([{ status: 406, code: 'ERR805' }]);
    const currency = createSamples.find(
      (s) => s.violation === 'pattern' && s.pointer.endsWith('/currency'),
    );
    expect(currency?.expected.answers).toEqual([{ status: 400 }]);
    expect(valueAtRequest(currency!, currency!.pointer)).not.toMatch(/^[A-Z]{3}$/);
    const offerLines = createSamples.find((s) => s.violation === 'minItems');
    expect(offerLines?.pointer).toBe('/body/offerLines');
    expect(offerLines?.body).toMatchObject({ offerLines: [] });

    const search = sampleInvalid(spec.operation('searchLeadsOpportunities'), {
      seed: 2,
      count: 600,
    });
    const missingBound = search.find((s) => s.violation === 'search-missing-bound');
    expect(missingBound?.expected.answers).toEqual([{ status: 400, code: 'ERROR_043' }]);
    expect(missingBound?.pointer).toMatch(/^\/body\/data\/\d+\/modifiedDate\/(fromDate|toDate)$/);
    const noCriterion = search
      .filter((s) => s.violation === 'search-no-criterion')
      .map((s) => JSON.stringify((s.body as { data: unknown }).data));
    expect(new Set(noCriterion)).toEqual(new Set(['[]', '[{}]']));

    const portfolio = sampleInvalid(spec.operation('searchPortfolioItems'), {
      seed: 2,
      count: 300,
    });
    const tops = new Set(
      portfolio.filter((s) => s.pointer === '/query/top').map((s) => s.query.top),
    );
    for (const top of ['0', '-5', 'abc']) expect(tops).toContain(top);
    expect(portfolio.find((s) => s.pointer === '/query/top')?.expected.answers).toEqual([
      { status: 400, code: 'ERROR_004' },
    ]);
    expect(portfolio.filter((s) => s.pointer === '/query/skip').map((s) => s.query.skip)).toContain(
      '-1',
    );
  });

  it('malformed JSON, wrong content type and empty bodies are HTTP-level only', () => {
    const op = spec.operation('createLeadsOpportunities_v1');
    const samples = sampleInvalid(op, {
      seed: 4,
      count: 300,
      kinds: ['malformed-json', 'wrong-content-type', 'empty-body'],
    });
    expect(new Set(samples.map((s) => s.violation))).toEqual(
      new Set(['malformed-json', 'wrong-content-type', 'empty-body']),
    );
    for (const s of samples) {
      expect(s.body).toBeUndefined();
      if (s.violation === 'malformed-json') expect(() => JSON.parse(s.rawBody!)).toThrow();
      if (s.violation === 'wrong-content-type') {
        expect(s.contentType).not.toBe('application/json');
        expect(JSON.parse(s.rawBody!)).toEqual(s.base.body);
      }
      if (s.violation === 'empty-body') expect(s.rawBody).toBe('');
    }
  });

  it('refuses, with a clear message, operations that admit no stateless invalid request', () => {
    const read = spec.operation('getLeadsOpportunities_v1');
    expect(invalidKindsOf(read)).toEqual([]);
    expect(() => invalidRequest(spec, read)).toThrow(UsageError);
    expect(() => invalidRequest(spec, read)).toThrow(
      /getLeadsOpportunities_v1: no invalid request/,
    );
    expect(() => invalidRequest(spec, 'searchPortfolioItems', { kinds: ['pattern'] })).toThrow(
      /of kind pattern/,
    );
  });

  it('sampleInvalid replays from its seed', () => {
    const op = spec.operation('searchLeadsOpportunities');
    expect(sampleInvalid(op, { seed: 8, count: 30 })).toEqual(
      sampleInvalid(op, { seed: 8, count: 30 }),
    );
  });
});

describe('stateful invalid requests (the suites sequence them)', () => {
  it('unknown ids: a valid request to an id nobody created, labelled ERROR_048', () => {
    // GET documents ERROR_048 (500) for an unknown id; PATCH documents nothing, so any 400 will do.
    const expectedFor: Record<string, unknown> = {
      getLeadsOpportunities_v1: { answers: [{ status: 500, code: 'ERROR_048' }] },
      updateLeadOpportunitiesDetails_v1: { answers: [{ status: 400 }] },
    };
    for (const id of ['getLeadsOpportunities_v1', 'updateLeadOpportunitiesDetails_v1']) {
      const op = spec.operation(id);
      fc.assert(
        fc.property(unknownIdRequest(op), (sample) => {
          expect(sample.pathParams.id).toMatch(/^ZZZZ-[A-Z0-9]{6}$/);
          expect(sample.expected).toEqual(expect.objectContaining(expectedFor[id]));
          expect(specValidatorErrors(op, sample)).toEqual([]);
          expect(sameRequest(undo(sample), sample.base)).toBe(true);
        }),
        fcParams(100),
      );
    }
  });

  it('duplicate partner ids: a new valid create reusing an earlier id, labelled ERR801', () => {
    const op = spec.operation('createLeadsOpportunities_v1');
    const [first] = sampleValid(op, { seed: 1, count: 1 });
    const firstId = valueAtRequest(first, '/body/leadOpportunity/partnerLeadOpportunityId');
    fc.assert(
      fc.property(duplicatePartnerIdRequest(op, first), (sample) => {
        expect(sample.pointer).toBe('/body/leadOpportunity/partnerLeadOpportunityId');
        expect(valueAtRequest(sample, sample.pointer)).toBe(firstId);
        expect(sample.expected).toMatchObject({ answers: [{ status: 400, code: 'ERR801' }] });
        expect(specValidatorErrors(op, sample)).toEqual([]);
      }),
      fcParams(100),
    );
  });
});
