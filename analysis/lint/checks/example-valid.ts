import type { ErrorObject } from 'ajv';
import { UsageError, type SpecModel } from '../../../model';
import { exampleSites, type ExampleSite } from '../example-sites';
import type { Finding, LintCheck } from '../types';

/** Enough to locate the problems in one example without drowning the report in oneOf noise. */
const MAX_ERRORS_PER_EXAMPLE = 5;

function describeSite(site: ExampleSite): string {
  if (site.kind !== 'media') return `${site.kind} example`;
  const where = site.where === 'request' ? 'request body' : `${site.status} response`;
  return `example for the ${where} of ${site.operationId}`;
}

function errorFindings(site: ExampleSite, errors: ErrorObject[]): Finding[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = `${e.instancePath} ${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return unique.slice(0, MAX_ERRORS_PER_EXAMPLE).map((e) => ({
    severity: 'error' as const,
    rule: exampleValid.rule,
    pointer: site.valuePointer + e.instancePath,
    message: `${describeSite(site)} does not match its schema ${site.schemaPointer}: ${
      e.instancePath || '(root)'
    } ${e.message}`,
  }));
}

function checkSite(spec: SpecModel, site: ExampleSite): Finding[] {
  if (site.kind === 'default') return [];
  let validate;
  try {
    validate = spec.validatorAt(site.schemaPointer);
  } catch (err) {
    // Reported by schema-compiles; an example cannot be judged against a broken schema.
    if (err instanceof UsageError) return [];
    throw err;
  }
  return validate(site.value) ? [] : errorFindings(site, validate.errors ?? []);
}

/** Examples are what partners copy: each must be valid against the schema it illustrates. */
export const exampleValid: LintCheck = {
  rule: 'example-valid',
  description: 'every example (media, parameter, header, schema keyword) matches its schema',
  run: (spec) => exampleSites(spec).flatMap((site) => checkSite(spec, site)),
};
