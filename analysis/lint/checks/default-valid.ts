import { UsageError, type SpecModel } from '../../../model';
import { exampleSites, type ExampleSite } from '../example-sites';
import type { Finding, LintCheck } from '../types';

function checkDefault(spec: SpecModel, site: ExampleSite): Finding[] {
  let valid: boolean;
  try {
    valid = spec.validatorAt(site.schemaPointer)(site.value) === true;
  } catch (err) {
    if (err instanceof UsageError) return [];
    throw err;
  }
  return valid
    ? []
    : [
        {
          severity: 'error',
          rule: defaultValid.rule,
          pointer: site.valuePointer,
          message: `default ${JSON.stringify(site.value)} is not valid against its own schema`,
        },
      ];
}

/** A server applies the default when the field is omitted: an invalid default is a latent bug. */
export const defaultValid: LintCheck = {
  rule: 'default-valid',
  description: 'every schema `default` is valid against the schema it sits in',
  run: (spec) =>
    exampleSites(spec)
      .filter((site) => site.kind === 'default')
      .flatMap((site) => checkDefault(spec, site)),
};
