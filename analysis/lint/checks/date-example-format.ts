import { exampleSites, type ExampleSite } from '../example-sites';
import { formatOf, matchesFormat } from '../date-formats';
import { walkInstance } from '../instance-walk';
import type { Finding, LintCheck } from '../types';

/**
 * Only formats stated in descriptions: a `format` keyword is enforced by example-valid already,
 * but "(YYYY-MM-DD)" in prose is invisible to a validator, so an example can contradict it silently.
 */
function describedFormatMismatches(site: ExampleSite): Finding[] {
  if (site.kind === 'default') return [];
  const findings: Finding[] = [];
  walkInstance(site.value, site.schema, ({ value, path, schemas }) => {
    if (typeof value !== 'string') return;
    const stated = schemas.map(formatOf).find((f) => f !== undefined);
    if (!stated || stated.from !== 'description' || matchesFormat(value, stated.format)) return;
    findings.push({
      severity: 'warning',
      rule: dateExampleFormat.rule,
      pointer: site.valuePointer + path,
      message: `${JSON.stringify(value)} is not a ${stated.format} (the schema's description says ${
        stated.format === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DDThh:mm:ss'
      })`,
    });
  });
  return findings;
}

export const dateExampleFormat: LintCheck = {
  rule: 'date-example-format',
  description: 'date examples follow the date format the schema documents in prose (YYYY-MM-DD)',
  run: (spec) => {
    const findings = exampleSites(spec).flatMap(describedFormatMismatches);
    // One finding per place, however many schemas share the example.
    return [...new Map(findings.map((f) => [f.pointer, f])).values()];
  },
};
