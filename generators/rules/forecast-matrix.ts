import { enumOf, parseForecastRules, propertiesOf, type ForecastRules } from '../../model';
import type { SchemaObject, SchemaSite } from '../schema';
import type { DescriptionRule, RuleContext } from './types';

const STATUS = 'status';
const FORECAST = 'forecastCategory';

const source =
  'forecastCategory description: the status matrix lists the forecastCategory values each status takes';

const rulesBySchema = new WeakMap<SchemaObject, ForecastRules>();

/** The matrix of the object this site holds, when it holds a status and a forecastCategory. */
function matrixOf(site: SchemaSite): ForecastRules | undefined {
  const props = propertiesOf(site.schema);
  if (!props[STATUS] || !props[FORECAST]) return undefined;
  let rules = rulesBySchema.get(site.schema);
  if (!rules) {
    rules = parseForecastRules(props[FORECAST], props[STATUS]);
    rulesBySchema.set(site.schema, rules);
  }
  return rules.rows.size > 0 ? rules : undefined;
}

const appliesAt = (site: SchemaSite, ctx: RuleContext): boolean =>
  (ctx.role === 'create' || ctx.role === 'update') && matrixOf(site) !== undefined;

type Json = Record<string, unknown>;

/**
 * The values a status takes, where the matrix restricts them: a status of the matrix whose
 * values the system does not set. Elsewhere (the statuses whose value "is ignored at creation",
 * and WON/LOST, "set by the system") any value may be sent.
 */
function allowedFor(rules: ForecastRules, status: unknown): string[] | undefined {
  const row = typeof status === 'string' ? rules.rows.get(status) : undefined;
  return row && !row.systemSet && row.allowed.length > 0 ? row.allowed : undefined;
}

/**
 * A forecastCategory the matrix does not list for the status is neither valid nor documented
 * as rejected (the spec does not say what happens to it), so valid requests keep to the
 * matrix and invalid ones never rely on it. A PATCH that sends a category without a status
 * would be judged against a status the client cannot see: valid updates leave it out.
 */
export const forecastMatrixRule: DescriptionRule = {
  name: 'forecast-matrix',
  source,
  appliesAt,
  arbitrary: (site, next, ctx) => {
    const rules = matrixOf(site) as ForecastRules;
    const members = (enumOf(propertiesOf(site.schema)[FORECAST]) ?? []).filter(
      (v): v is string => typeof v === 'string',
    );
    return next(site.schema).map((value) => {
      if (typeof value !== 'object' || value === null || !(FORECAST in value)) return value;
      const v = value as Json;
      if (ctx.role === 'update' && !(STATUS in v)) {
        const { [FORECAST]: _dropped, ...rest } = v;
        return rest;
      }
      const allowed = allowedFor(rules, v[STATUS]);
      if (!allowed || allowed.includes(v[FORECAST] as string)) return value;
      // Keeps the variety of what was drawn: the same draw maps to the same allowed value.
      const i = Math.max(0, members.indexOf(v[FORECAST] as string));
      return { ...v, [FORECAST]: allowed[i % allowed.length] };
    });
  },
  check: (value, at, site) => {
    const rules = matrixOf(site);
    if (!rules || typeof value !== 'object' || value === null) return [];
    const v = value as Json;
    if (!(FORECAST in v)) return [];
    const allowed = allowedFor(rules, v[STATUS]);
    if (!allowed || allowed.includes(v[FORECAST] as string)) return [];
    return [
      {
        kind: 'forecast-not-allowed',
        pointer: `${at}/${FORECAST}`,
        message: `${String(v[FORECAST])} is not among the values the matrix lists for ${String(v[STATUS])} (${allowed.join('/')})`,
      },
    ];
  },
};
