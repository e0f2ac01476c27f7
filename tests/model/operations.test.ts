import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import {
  DEFAULT_SPEC_PATH,
  getSpec,
  loadSpec,
  roleOf,
  type OperationModel,
  type SpecModel,
} from '../../model';
import { writeSpec, type Doc } from '../lint/mini-spec';

const RATE_LIMIT = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

describe('operation model of the real spec', () => {
  let spec: SpecModel;
  beforeAll(async () => {
    spec = await getSpec();
  });

  const ids = (ops: OperationModel[]): string[] => ops.map((o) => o.operationId).sort();

  it('has the 8 operations', () => {
    expect(ids(spec.operations)).toEqual([
      'createLeadsOpportunities',
      'createLeadsOpportunities_v1',
      'getLeadsOpportunities',
      'getLeadsOpportunities_v1',
      'searchLeadsOpportunities',
      'searchPortfolioItems',
      'updateLeadOpportunitiesDetails',
      'updateLeadOpportunitiesDetails_v1',
    ]);
  });

  it('deprecates exactly the v0 create, get and update, each pointing at its v1 successor', () => {
    const deprecated = spec.operations.filter((o) => o.deprecated);
    expect(ids(deprecated)).toEqual([
      'createLeadsOpportunities',
      'getLeadsOpportunities',
      'updateLeadOpportunitiesDetails',
    ]);
    const successors = Object.fromEntries(deprecated.map((o) => [o.operationId, o.successor]));
    expect(successors).toEqual({
      createLeadsOpportunities: {
        operationId: 'createLeadsOpportunities_v1',
        method: 'post',
        path: '/sales/api4partners/v1/leads-opportunities',
      },
      getLeadsOpportunities: {
        operationId: 'getLeadsOpportunities_v1',
        method: 'get',
        path: '/sales/api4partners/v1/leads-opportunities/{id}',
      },
      updateLeadOpportunitiesDetails: {
        operationId: 'updateLeadOpportunitiesDetails_v1',
        method: 'patch',
        path: '/sales/api4partners/v1/leads-opportunities/{id}',
      },
    });
    expect(spec.operations.filter((o) => !o.deprecated && o.successor)).toEqual([]);
  });

  it('reads versions from the paths: the searches are v0 only', () => {
    const byVersion = (v: string): string[] => ids(spec.operations.filter((o) => o.version === v));
    expect(byVersion('v0')).toEqual([
      'createLeadsOpportunities',
      'getLeadsOpportunities',
      'searchLeadsOpportunities',
      'searchPortfolioItems',
      'updateLeadOpportunitiesDetails',
    ]);
    expect(byVersion('v1')).toEqual([
      'createLeadsOpportunities_v1',
      'getLeadsOpportunities_v1',
      'updateLeadOpportunitiesDetails_v1',
    ]);
  });

  it('declares the X-RateLimit-* trio on every response but 401 and 403', () => {
    for (const op of spec.operations) {
      for (const response of Object.values(op.responses)) {
        const names = response.headers.map((h) => h.name);
        const expected = ['401', '403'].includes(response.status) ? [] : RATE_LIMIT;
        expect({ op: op.operationId, status: response.status, names }).toEqual({
          op: op.operationId,
          status: response.status,
          names: expected,
        });
      }
    }
    const limit = spec.operation('createLeadsOpportunities_v1').responses['201'].headers[0];
    expect(limit.validate(100)).toBe(true);
    expect(limit.validate(-1)).toBe(false);
  });

  it('has a required JSON request body with a schema for create, update and search, none for reads', () => {
    for (const op of spec.operations) {
      const role = roleOf(op);
      if (['create', 'update', 'search'].includes(role)) {
        expect(op.requestBody?.required).toBe(true);
        expect(op.requestBody?.json?.schema).toEqual(expect.objectContaining({ type: 'object' }));
      } else {
        expect(op.requestBody).toBeUndefined();
      }
    }
  });

  it('searchPortfolioItems pages with skip (default 0) and top (default 9999, at least 1)', () => {
    const op = spec.operation('searchPortfolioItems');
    const param = (name: string) => op.parameters.find((p) => p.name === name)!;
    expect(op.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['query:skip', 'query:top']);
    expect(param('skip')).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 0, default: 0 },
    });
    expect(param('top')).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, default: 9999 },
    });
    expect(param('top').validate(0)).toBe(false);
    expect(param('skip').validate(0)).toBe(true);
  });
});

describe('the model follows the document', () => {
  it('an operation added to a copy of the spec appears with no code change', async () => {
    const doc = yaml.load(readFileSync(DEFAULT_SPEC_PATH, 'utf8')) as Doc;
    const v0Search = doc.paths['/sales/api4partners/v0/leads-opportunities/search'].post;
    doc.paths['/sales/api4partners/v1/leads-opportunities/search'] = {
      post: { ...structuredClone(v0Search), operationId: 'searchLeadsOpportunities_v1' },
    };
    v0Search.deprecated = true;
    v0Search.description = 'Use `/sales/api4partners/v1/leads-opportunities/search` instead.';
    const { file, cleanup } = writeSpec(doc);
    try {
      const spec = await loadSpec(file);
      expect(spec.operations).toHaveLength(9);
      const added = spec.operation('searchLeadsOpportunities_v1');
      expect({ version: added.version, role: roleOf(added), deprecated: added.deprecated }).toEqual(
        {
          version: 'v1',
          role: 'search',
          deprecated: false,
        },
      );
      expect(added.requestBody?.json?.validate({ data: [{ partnerLeadOpportunityId: 'X' }] })).toBe(
        true,
      );
      expect(spec.operation('searchLeadsOpportunities').successor?.operationId).toBe(
        'searchLeadsOpportunities_v1',
      );
    } finally {
      cleanup();
    }
  });
});
