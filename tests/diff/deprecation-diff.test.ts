import {
  diffDeprecated,
  renderMarkdown,
  type Change,
  type DeprecationDiff,
  type OperationPair,
} from '../../analysis/diff';
import { getSpec, type SpecModel } from '../../model';

/** What moving from v0 to v1 changes in spec/openapi.yaml: each assertion is a known difference. */

const SCHEMAS = '#/components/schemas';
const V0_REVENUE = ['UPFRONT', 'RENTAL_BOOKING', 'SUPPORT_SERVICES', 'SERVICES_SIGNING', 'EMPTY'];

describe('deprecation diff of spec/openapi.yaml', () => {
  let spec: SpecModel;
  let diff: DeprecationDiff;
  beforeAll(async () => {
    spec = await getSpec();
    diff = diffDeprecated(spec);
  });

  const pair = (v0: string): OperationPair => {
    const found = diff.pairs.find((p) => p.v0.operationId === v0);
    if (!found) throw new Error(`no pair for ${v0}`);
    return found;
  };
  const change = (v0: string, kind: string, path: string): Change | undefined =>
    pair(v0).changes.find((c) => c.kind === kind && c.path === path);

  it('pairs each deprecated v0 operation with its v1 successor; the searches stay current v0', () => {
    expect(diff.pairs.map((p) => `${p.v0.operationId} -> ${p.v1.operationId}`).sort()).toEqual([
      'createLeadsOpportunities -> createLeadsOpportunities_v1',
      'getLeadsOpportunities -> getLeadsOpportunities_v1',
      'updateLeadOpportunitiesDetails -> updateLeadOpportunitiesDetails_v1',
    ]);
    expect(diff.currentV0.map((o) => o.operationId).sort()).toEqual([
      'searchLeadsOpportunities',
      'searchPortfolioItems',
    ]);
    expect(diff.unresolved).toEqual([]);
  });

  it.each(['createLeadsOpportunities', 'updateLeadOpportunitiesDetails'])(
    '%s: request revenueType loses the v0 vocabulary (breaking) for PxC/YxC/QxC',
    (v0) => {
      const path = 'offerLines[].revenueType';
      expect(change(v0, 'enum-values-removed', path)).toMatchObject({
        breaking: true,
        where: 'request',
        values: V0_REVENUE,
        v0Pointer: `${SCHEMAS}/revenueType_deprecated_v0/enum`,
        v1Pointer: `${SCHEMAS}/revenueType/enum`,
      });
      expect(change(v0, 'enum-values-added', path)).toMatchObject({
        breaking: false,
        values: ['PxC', 'YxC', 'QxC'],
      });
      expect(change(v0, 'default-added', path)).toMatchObject({
        values: [null, 'PxC'],
        v1Pointer: `${SCHEMAS}/offerLine/properties/revenueType/default`,
      });
    },
  );

  it.each(['createLeadsOpportunities', 'updateLeadOpportunitiesDetails'])(
    '%s: offer lines gain optional startDate/endDate in date format',
    (v0) => {
      for (const name of ['startDate', 'endDate']) {
        expect(change(v0, 'property-added', `offerLines[].${name}`)).toMatchObject({
          breaking: false,
          v0Pointer: `${SCHEMAS}/offerLine_deprecated_v0/properties`,
          v1Pointer: `${SCHEMAS}/offerLine/properties/${name}`,
          message: expect.stringMatching(/optional property added \(string, date\)/),
        });
      }
    },
  );

  it('get: the 200 revenueType gains PxC/YxC/QxC/SxC (breaking for a strict client) and becomes required', () => {
    const path = 'data.leadOpportunity.offerLines[].revenueType';
    expect(change('getLeadsOpportunities', 'enum-values-added', path)).toMatchObject({
      breaking: true,
      where: 'response',
      status: '200',
      values: ['PxC', 'YxC', 'QxC', 'SxC'],
      v0Pointer: `${SCHEMAS}/revenueType_deprecated_v0/enum`,
      v1Pointer: `${SCHEMAS}/revenueType_get/enum`,
    });
    expect(change('getLeadsOpportunities', 'enum-values-removed', path)).toMatchObject({
      breaking: false,
      values: ['UPFRONT', 'RENTAL_BOOKING', 'SERVICES_SIGNING'],
    });
    expect(change('getLeadsOpportunities', 'required-added', path)).toMatchObject({
      breaking: false,
      v1Pointer: `${SCHEMAS}/offerLine_get/required`,
    });
  });

  it('nothing else differs: no status, parameter, header, type or format change; closeDate is shared', () => {
    const kinds = diff.pairs.flatMap((p) => p.changes.map((c) => c.kind));
    expect([...new Set(kinds)].sort()).toEqual([
      'default-added',
      'enum-values-added',
      'enum-values-removed',
      'property-added',
      'required-added',
    ]);
    // Both versions write closeDate through lead-opportunity_attributes and read it through
    // identical declarations: the date-time vs YYYY-MM-DD mismatch is a lint finding, not a v0/v1 one.
    expect(diff.pairs.flatMap((p) => p.changes).filter((c) => /closeDate/.test(c.path))).toEqual(
      [],
    );
    expect(diff.pairs.map((p) => p.changes.filter((c) => c.breaking).length)).toEqual([1, 1, 1]);
  });

  it('renders to markdown with one section per pair and the current v0 list', () => {
    const markdown = renderMarkdown(spec, diff);
    expect(markdown.match(/^## .* -> .*$/gm)).toHaveLength(3);
    expect(markdown).toContain(
      '`POST /sales/api4partners/v0/leads-opportunities/search` (searchLeadsOpportunities)',
    );
    expect(markdown).toMatch(/\| \*\*breaking\*\* \| response 200 \| enum-values-added \|/);
  });
});
