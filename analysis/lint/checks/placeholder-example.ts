import { exampleSites, type ExampleSite } from '../example-sites';
import { walkInstance } from '../instance-walk';
import type { Finding, LintCheck } from '../types';

/** Type names written where a value belongs: `closeDate: date`, `amount: double`. */
const TYPE_NAMES = new Set([
  'string',
  'date',
  'date-time',
  'double',
  'float',
  'integer',
  'number',
  'boolean',
  'object',
]);

const MAX_LISTED = 4;

function placeholders(site: ExampleSite): Finding[] {
  if (site.kind !== 'media') return [];
  const paths: string[] = [];
  walkInstance(site.value, true, ({ value, path }) => {
    if (typeof value === 'string' && TYPE_NAMES.has(value)) paths.push(path);
  });
  if (paths.length === 0) return [];
  const listed = paths.slice(0, MAX_LISTED).join(', ') + (paths.length > MAX_LISTED ? ', ...' : '');
  return [
    {
      severity: 'warning',
      rule: placeholderExample.rule,
      pointer: site.valuePointer,
      message: `example holds ${paths.length} type names instead of values (${listed}): it documents a shape, not a response`,
    },
  ];
}

/** A template passes schema validation when fields are plain strings, yet teaches nothing real. */
export const placeholderExample: LintCheck = {
  rule: 'placeholder-example',
  description: 'examples hold values, not type names such as "string" or "date"',
  run: (spec) => {
    const findings = exampleSites(spec).flatMap(placeholders);
    return [...new Map(findings.map((f) => [f.pointer, f])).values()];
  },
};
