import { exitCodeOf, lintSpec, type Finding } from '../../analysis/lint';
import { getSpec, pointerOf } from '../../model';

/** What the lint finds in spec/openapi.yaml: each assertion is a known defect of that document. */

const V0 = '/sales/api4partners/v0';
const V1 = '/sales/api4partners/v1';
const op = (path: string, method: string): string => pointerOf(['paths', path, method]);
const CREATE_V0 = op(`${V0}/leads-opportunities`, 'post');
const CREATE_V1 = op(`${V1}/leads-opportunities`, 'post');
const GET_V0 = op(`${V0}/leads-opportunities/{id}`, 'get');
const GET_V1 = op(`${V1}/leads-opportunities/{id}`, 'get');
const PATCH_V0 = op(`${V0}/leads-opportunities/{id}`, 'patch');
const PATCH_V1 = op(`${V1}/leads-opportunities/{id}`, 'patch');
const SEARCH = op(`${V0}/leads-opportunities/search`, 'post');
const PORTFOLIO = op(`${V0}/portfolio-items/search`, 'get');
const ALL_OPS = [CREATE_V0, CREATE_V1, GET_V0, GET_V1, PATCH_V0, PATCH_V1, SEARCH, PORTFOLIO];
const JSON_EXAMPLES = 'content/application~1json/examples';

describe('lint of spec/openapi.yaml', () => {
  let findings: Finding[];
  beforeAll(async () => {
    findings = lintSpec(await getSpec());
  });

  const of = (rule: string): Finding[] => findings.filter((f) => f.rule === rule);
  const pointers = (rule: string): string[] =>
    of(rule)
      .map((f) => f.pointer)
      .sort();

  it('is sorted by pointer and fails (exit 1) because of its error findings', () => {
    const all = findings.map((f) => f.pointer);
    expect(all).toEqual([...all].sort());
    expect(exitCodeOf(findings)).toBe(1);
  });

  it('errors: the two PATCH examples lack the required partnerId, under v0 and v1 schemas', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule} ${f.pointer}`).sort()).toEqual(
      [
        'example-valid #/components/examples/patch_update-lead_nextMilestone/value',
        'example-valid #/components/examples/patch_update-lead_nextMilestone/value',
        'example-valid #/components/examples/patch_update-lead_status/value',
        'example-valid #/components/examples/patch_update-lead_status/value',
      ].sort(),
    );
    errors.forEach((f) => expect(f.message).toMatch(/required property 'partnerId'/));
    const schemas = errors.map((f) => /schema (\S+):/.exec(f.message)?.[1]).sort();
    expect(schemas).toEqual([
      '#/components/schemas/patch_leads-opportunities_data',
      '#/components/schemas/patch_leads-opportunities_data',
      '#/components/schemas/patch_leads-opportunities_data_deprecated_v0',
      '#/components/schemas/patch_leads-opportunities_data_deprecated_v0',
    ]);
  });

  it('the 201 examples of both creates say statusCode 200', () => {
    const example = `responses/201/${JSON_EXAMPLES}/200_leadsOpportunitiesCreateResponse/value/info/statusCode`;
    expect(pointers('example-status-code')).toEqual([
      `${CREATE_V0}/${example}`,
      `${CREATE_V1}/${example}`,
    ]);
  });

  it('timestamp (201 and 503 envelopes) against timeStamp everywhere else', () => {
    const casing = pointers('field-name-casing');
    expect(casing).toEqual(
      expect.arrayContaining([
        '#/components/schemas/201_post_leads-opportunities/properties/info/properties/timestamp',
        '#/components/schemas/503_leads-opportunities/properties/info/properties/timestamp',
        `${CREATE_V1}/responses/201/${JSON_EXAMPLES}/200_leadsOpportunitiesCreateResponse/value/info/timestamp`,
        `${GET_V1}/responses/503/${JSON_EXAMPLES}/503_ServiceUnavailable/value/info/timestamp`,
      ]),
    );
    of('field-name-casing').forEach((f) => expect(f.pointer).toMatch(/\/timestamp$/));
    expect(of('field-name-casing')[0].message).toMatch(/spelled 'timeStamp' elsewhere/);
  });

  it('no 401 or 403 declares the X-RateLimit-* headers; nothing else lacks them', () => {
    const expected = ALL_OPS.flatMap((o) => [`${o}/responses/401`, `${o}/responses/403`]).sort();
    expect(pointers('header-consistency')).toEqual(expected);
  });

  it('401, 403 and 429 bodies have one shape', () => {
    expect(of('shared-status-schema').map((f) => [f.severity, f.pointer, f.message])).toEqual([
      [
        'warning',
        '#/components/schemas/401_basic_unauthorized',
        expect.stringMatching(/401, 403, 429/),
      ],
    ]);
  });

  it('closeDate and nextMilestoneDate: date-time when written, YYYY-MM-DD when read, date-time in the GET examples', () => {
    const attributes = '#/components/schemas/lead-opportunity_attributes/properties';
    expect(pointers('date-format-consistency')).toEqual([
      `${attributes}/closeDate`,
      `${attributes}/nextMilestoneDate`,
    ]);
    const example = `responses/200/${JSON_EXAMPLES}/200_leadsOpportunitiesGetResponse/value/data/leadOpportunity`;
    expect(pointers('date-example-format')).toEqual(
      [GET_V0, GET_V1]
        .flatMap((o) => [`${o}/${example}/closeDate`, `${o}/${example}/nextMilestoneDate`])
        .sort(),
    );
  });

  it('the 400 examples are type templates ("string", "date", "double")', () => {
    const template = (o: string): string =>
      `${o}/responses/400/${JSON_EXAMPLES}/400_leadsOpportunitiesCreateResponse/value`;
    expect(pointers('placeholder-example')).toEqual(
      expect.arrayContaining([CREATE_V0, CREATE_V1, PATCH_V0, PATCH_V1].map(template)),
    );
  });

  it('v1 writes revenueType as PxC/YxC/QxC but reads back SUPPORT_SERVICES, SxC, EMPTY too', () => {
    const [wider] = of('response-enum-wider');
    expect(of('response-enum-wider')).toHaveLength(1);
    expect(wider.pointer).toBe('#/components/schemas/revenueType_get/enum');
    expect(wider.message).toMatch(/3 more values: SUPPORT_SERVICES, SxC, EMPTY/);
  });

  it('errors vs error, estimateSearchCount vs estimatedSearchCount in the PATCH 400 schema', () => {
    expect(pointers('field-name-variant')).toEqual(
      expect.arrayContaining([
        '#/components/schemas/400_patch_leads-opportunities/properties/errors',
        '#/components/schemas/400_patch_leads-opportunities/properties/info/properties/estimateSearchCount',
      ]),
    );
  });

  it('every deprecated operation has a successor; the two v0 searches are current (info)', () => {
    expect(of('deprecated-successor').map((f) => `${f.severity} ${f.pointer}`)).toEqual([
      `info ${SEARCH}`,
      `info ${PORTFOLIO}`,
    ]);
  });

  it('schemas compile, defaults are valid, required names are declared, every component example is used', () => {
    for (const rule of [
      'schema-compiles',
      'default-valid',
      'required-declared',
      'unused-component-example',
    ]) {
      expect({ rule, findings: of(rule) }).toEqual({ rule, findings: [] });
    }
  });
});
