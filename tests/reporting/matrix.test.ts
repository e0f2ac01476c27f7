import { CHECKS } from '../../checks';
import type { CheckRecord, CheckStatus, FailureRecord } from '../../engine/summary';
import { coverageLine, renderMatrix, shortNames } from '../../reporting/matrix';
import { checkRecord, COVERAGE, failureRecord, runOf, summary } from './fixtures';

/** The spec's eight operations, in its order. */
const OPERATION_IDS = [
  'createLeadsOpportunities',
  'getLeadsOpportunities',
  'updateLeadOpportunitiesDetails',
  'searchLeadsOpportunities',
  'searchPortfolioItems',
  'createLeadsOpportunities_v1',
  'getLeadsOpportunities_v1',
  'updateLeadOpportunitiesDetails_v1',
];
const STATUSES: CheckStatus[] = ['passed', 'failed', 'skipped', 'error', 'passed', 'passed'];

/** Every check of the registry on every operation, a status each, one failure per failed check. */
function fullRun(checkNames: string[]) {
  const records: CheckRecord[] = [];
  const failures: FailureRecord[] = [];
  checkNames.forEach((check, i) =>
    OPERATION_IDS.forEach((operationId, j) => {
      if (i > 0 && (i + j) % 7 === 3) return; // does not apply
      const status = STATUSES[(i * 3 + j) % STATUSES.length];
      const id = `F${i}x${j}`;
      records.push(
        checkRecord(operationId, check, status, {
          message: `${check} ${status}: ${'a long explanation '.repeat(8)}`,
          ...(status === 'failed' ? { failures: [id] } : {}),
        }),
      );
      if (status === 'failed')
        failures.push(
          failureRecord(id, operationId, check, {
            pointer: '/body/leadOpportunity/offerLines/0/revenueType/with/a/long/path',
            expected: 'one of the values the spec enumerates for this property',
            actual: '"SOMETHING_THE_SPEC_NEVER_MENTIONS"',
          }),
        );
    }),
  );
  return runOf(records, failures, {
    coverage: COVERAGE,
    target: {
      name: 'url',
      kind: 'remote',
      baseUrl:
        'https://a-very-long-host-name.partners.example.test/with/a/base/path/for/the/gateway',
    },
  });
}

const names = CHECKS.map((c) => c.name);

test('the registry has the 20 checks this test lays out', () => {
  expect(names).toHaveLength(20);
});

test('8 operations and 20 checks fit in 100 columns, every line', () => {
  const text = renderMatrix(fullRun(names));
  const lines = text.split('\n');
  const wide = lines.filter((l) => l.length > 100);
  expect(wide).toEqual([]);
  // Everything is there: a header, a row per check, a line per failure.
  expect(lines[0].split(/\s+/)).toEqual([
    'check',
    'cre0',
    'get0',
    'upd0',
    'sea0',
    'seaP0',
    'cre1',
    'get1',
    'upd1',
  ]);
  for (const name of names) expect(lines.some((l) => l.startsWith(`${name} `))).toBe(true);
  const failures = fullRun(names).failures;
  expect(lines.filter((l) => l.startsWith('FAIL ['))).toHaveLength(failures.length);
  expect(lines.filter((l) => l.startsWith('ERROR '))).toHaveLength(
    fullRun(names).checks.filter((c) => c.status === 'error').length,
  );
});

// Was a bug (reporting/matrix.ts): rows were padded to the longest check name and never
// clipped, so a custom check (--checks-file, a user's house rules) with a long name pushed every
// row past the 100 columns renderMatrix promises.
it('a custom check with a long name still fits in 100 columns', () => {
  const run = fullRun([...names, 'acme_house_rule_lead_comment_must_not_contain_personal_data']);
  for (const line of renderMatrix(run).split('\n')) expect(line.length).toBeLessThanOrEqual(100);
});

test('long check names are cut and numbered in the rows, and given in full below the legend', () => {
  const long = 'acme_house_rule_lead_comment_must_not_contain_personal_data';
  const run = fullRun([...names, long, `${long}_either`]);
  const lines = renderMatrix(run).split('\n');
  const rows = lines.filter((l) => l.startsWith('acme_house_rule'));
  expect(rows.map((l) => l.split(' ')[0])).toEqual([
    'acme_house_rule_lead_comment_must_not_contain_pers…1',
    'acme_house_rule_lead_comment_must_not_contain_pers…2',
  ]);
  const legend = lines.slice(lines.findIndex((l) => l.startsWith('cut short:')));
  expect(legend.slice(0, 2)).toEqual([`cut short:  …1 ${long}`, `        …2 ${long}_either`]);
  // The registry's names, short enough, are neither cut nor listed.
  for (const name of names) expect(lines.some((l) => l.startsWith(`${name} `))).toBe(true);
  expect(renderMatrix(fullRun(names))).not.toContain('cut short:');
});

test('the matrix of the fixture run, line by line', () => {
  expect(renderMatrix(summary()).split('\n')).toEqual([
    'check                       cre1 upd1 get1 sea0',
    'status_code_conformance     ok   .    ok   .',
    'negative_data_rejection     FAIL .    .    .',
    'stateful_round_trip         .    FAIL .    .',
    'rate_limit_headers          .    .    skip .',
    'paging_consistency          .    .    .    skip',
    'response_schema_conformance .    .    .    ERR',
    'legend:  cre1 createLeadsOpportunities_v1  upd1 updateLeadOpportunitiesDetails_v1',
    '        get1 getLeadsOpportunities_v1  sea0 searchLeadsOpportunities  . n/a',
    '',
    'FAIL [F3a9c0e12] cre1 negative_data_rejection: accepted-invalid at /request/body/leadOpportunity/cl…',
    'FAIL [F7d41b2aa] upd1 stateful_round_trip: lost-value at /body/leadOpportunity/comment; expected th…',
    'ERROR searchLeadsOpportunities > response_schema_conformance: internal error: TypeError: Cannot rea…',
    'target qal (https://apigw-qal.example.test) · seed 1234 · runs 25 · 187 requests',
    'NOT CONFORMANT · checks: 2 passed, 2 failed, 2 skipped, 1 errors',
    'coverage: statuses 55.6%,  error codes 33.3%,  request props 66.7%,  invalid props 100%,',
    'enum values 50%,  parameters 50%,  response props 90%,  headers 66.7%',
  ]);
});

test('without errors or coverage, no error count and no coverage line', () => {
  const text = renderMatrix(runOf([checkRecord('getLeadsOpportunities_v1', 'x', 'passed')]));
  expect(text.split('\n').slice(-2)).toEqual([
    'target qal (https://apigw-qal.example.test) · seed 1234 · runs 25 · 187 requests',
    'CONFORMANT · checks: 1 passed, 0 failed, 0 skipped',
  ]);
  expect(coverageLine(runOf([]))).toBeUndefined();
});

test('short names keep what an operation does and its version, and never collide', () => {
  expect([
    ...shortNames([...OPERATION_IDS, 'getSomethingElse_v1', 'deleteLeads_v2', 'listThings']),
  ]).toEqual([
    ['createLeadsOpportunities', 'cre0'],
    ['getLeadsOpportunities', 'get0'],
    ['updateLeadOpportunitiesDetails', 'upd0'],
    ['searchLeadsOpportunities', 'sea0'],
    ['searchPortfolioItems', 'seaP0'],
    ['createLeadsOpportunities_v1', 'cre1'],
    ['getLeadsOpportunities_v1', 'get1'],
    ['updateLeadOpportunitiesDetails_v1', 'upd1'],
    ['getSomethingElse_v1', 'get1.2'],
    ['deleteLeads_v2', 'del2'],
    ['listThings', 'lis0'],
  ]);
});
