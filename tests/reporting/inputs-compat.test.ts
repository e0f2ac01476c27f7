import type { DeprecationDiff as DiffOutput } from '../../analysis/diff/types';
import type { Finding } from '../../analysis/lint/types';
import { certificationMarkdown, type DeprecationDiff, type LintFinding } from '../../reporting';
import { BASE_URL, KEY_HEADER, summary } from './fixtures';

// Reporting declares its own minimal shapes for lint findings and the deprecation diff; these
// assignments make `tsc` fail as soon as analysis/lint or analysis/diff drift away from them.
const asFinding = (finding: Finding): LintFinding => finding;
const asDiff = (diff: DiffOutput): DeprecationDiff => diff;

test('what analysis/lint and analysis/diff produce renders in the certification report', () => {
  const ref = (operationId: string, version: string) => ({
    operationId,
    method: 'get' as const,
    path: `/sales/api4partners/${version}/leads-opportunities/{id}`,
  });
  const diff: DiffOutput = {
    pairs: [
      {
        v0: ref('getLeadsOpportunities', 'v0'),
        v1: ref('getLeadsOpportunities_v1', 'v1'),
        changes: [
          {
            kind: 'enum-values-removed',
            breaking: true,
            rationale: 'a v0 client may still send them',
            where: 'response',
            status: '200',
            path: 'leadOpportunity.status',
            message: 'status no longer allows "Lost"',
          },
        ],
      },
    ],
    currentV0: [ref('searchPortfolioItems', 'v0')],
    unresolved: [ref('updateLeadOpportunitiesDetails', 'v0')],
  };
  const finding: Finding = {
    severity: 'warning',
    rule: 'r',
    pointer: '#/x',
    message: 'lint says hi',
  };
  const md = certificationMarkdown({
    summary: summary(),
    context: { baseUrl: BASE_URL, keyHeader: KEY_HEADER },
    lintFindings: [asFinding(finding)],
    deprecationDiff: asDiff(diff),
  });
  expect(md).toContain(
    '### v0 -\\> v1 migration: 1 pair(s), 1 breaking change(s)\n\n| v0 (deprecated) | v1 | Changes | Breaking |',
  );
  expect(md).toContain(
    '| enum-values-removed | ⚠️ yes | response 200 leadOpportunity.status | status no longer allows "Lost" (a v0 client may still send them) |',
  );
  expect(md).toContain(
    'v0 operations not deprecated (still the current way):\n\n- searchPortfolioItems (GET /sales/api4partners/v0/leads-opportunities/{id})',
  );
  expect(md).toContain(
    'Deprecated operations whose successor was not found:\n\n- updateLeadOpportunitiesDetails (GET /sales/api4partners/v0/leads-opportunities/{id})',
  );
  expect(md).toContain('### Spec lint: 1 finding(s) (1 warning)');
  expect(md).toContain('| ⚠️ warning | r | \\#/x | lint says hi |');
});
