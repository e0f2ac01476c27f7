import type fc from 'fast-check';
import type { SchemaHook, SchemaObject } from '../schema';
import { forecastMatrixRule } from './forecast-matrix';
import { searchCriterionRule } from './search-criterion';
import { searchWindowRule } from './search-window';
import type { DescriptionRule, RuleContext } from './types';
import { uniquePartnerIdRule } from './unique-partner-id';
import { utcDateTimeRule } from './utc-date-time';

export * from './types';
export { criteriaOf } from './search-criterion';
export { isPartnerIdSite, nextPartnerId, PARTNER_ID_PROPERTY } from './unique-partner-id';
export { isUtc } from './date-time';

/** Every rule the spec states in prose; each decides for itself where it applies. */
export const DESCRIPTION_RULES: ReadonlyArray<DescriptionRule> = [
  searchWindowRule,
  searchCriterionRule,
  utcDateTimeRule,
  uniquePartnerIdRule,
  forecastMatrixRule,
];

/** The schema hook that lets every applicable rule shape the values generated at a site. */
export function ruleHook(ctx: RuleContext, rules = DESCRIPTION_RULES): SchemaHook {
  return (site, next) => {
    const applicable = rules.filter((r) => r.arbitrary && r.appliesAt(site, ctx));
    if (applicable.length === 0) return undefined;
    // The first rule listed gets the last word: it wraps the ones after it.
    const compose = applicable.reduceRight<(s: SchemaObject) => fc.Arbitrary<unknown>>(
      (inner, rule) => (schema) => rule.arbitrary!({ ...site, schema }, inner, ctx),
      next,
    );
    return compose(site.schema);
  };
}
