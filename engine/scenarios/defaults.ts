import { fail, pass, skip } from '../../checks/types';
import {
  creationDefaults,
  enumOf,
  itemsOf,
  parseForecastRules,
  propertiesOf,
  type OperationModel,
  type SchemaObject,
} from '../../model';
import { judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { createObject, siblingOf } from '../resources';
import { validSamples } from '../samples';
import { schemaAtDataPath } from '../schema-walk';
import { readObject, readView } from './round-trip';

type Json = Record<string, unknown>;

/** The created resource inside a create body (`leadOpportunity`). */
const RESOURCE = 'leadOpportunity';

/** A default that names a value of an enum is checked exactly; "the primary PSM" only for presence. */
function isLiteral(schema: SchemaObject | undefined): boolean {
  return enumOf(schema?.type === 'array' ? itemsOf(schema) : schema) !== undefined;
}

function leadOf(view: Json): Json {
  return (view[RESOURCE] as Json | undefined) ?? {};
}

/**
 * Create without the defaulted fields, then read: each default stated in a description is
 * applied (reasonWon, reasonLost, dsOwnerEmail), and forecastCategory follows the status
 * matrix, including "ignored at creation" for the early statuses.
 */
export async function defaultsScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  if (!session.writesAllowed) {
    return judge(ctx, CHECKS.defaults, skip('needs a create: no writes on production'));
  }
  const reader = siblingOf(ctx, op, 'read');
  const resource = schemaAtDataPath(op.requestBody?.json?.schema, `/${RESOURCE}`) as
    SchemaObject | undefined;
  if (!reader || !resource) {
    return judge(ctx, CHECKS.defaults, skip('no read operation to observe defaults'));
  }
  const properties = propertiesOf(resource);
  const defaults = creationDefaults(resource);
  const rules = parseForecastRules(properties.forecastCategory, properties.status);
  const base = validSamples(session, op, 1, 'defaults')[0].body as Json;
  const lead = { ...(base[RESOURCE] as Json) };
  for (const name of [...Object.keys(defaults), 'forecastCategory']) delete lead[name];

  // One create per row of the matrix, and one per status whose forecastCategory is ignored.
  const someCategory = [...rules.rows.values()][0]?.default;
  const cases: Array<{ status: string; sendForecast?: string; expectForecast?: unknown }> = [
    ...[...rules.rows.values()].map((row) => ({ status: row.status, expectForecast: row.default })),
    ...[...rules.ignoredAtCreation].map((status) => ({
      status,
      sendForecast: someCategory,
      expectForecast: rules.empty,
    })),
  ];
  for (const c of cases) {
    const body = {
      ...base,
      [RESOURCE]: {
        ...lead,
        status: c.status,
        ...(c.sendForecast ? { forecastCategory: c.sendForecast } : {}),
      },
    };
    const { record, exchange } = await createObject(
      ctx,
      op,
      CHECKS.defaults,
      body,
      `def-${c.status}`,
    );
    if (!record) {
      judge(
        ctx,
        CHECKS.defaults,
        skip(`create with status ${c.status} answered ${exchange?.response.status ?? 'nothing'}`),
        exchange,
      );
      continue;
    }
    const read = await readObject(
      ctx,
      reader as OperationModel,
      record.dsLeadOpportunityId,
      CHECKS.defaults,
    );
    if (!read) continue;
    const seen = leadOf(readView(read.response.body) ?? {});
    const problems: string[] = [];
    for (const [name, value] of Object.entries(defaults)) {
      const actual = seen[name];
      if (!isLiteral(properties[name])) {
        if (actual === undefined || actual === null || actual === '')
          problems.push(`${name} was not defaulted`);
      } else if (JSON.stringify(actual) !== JSON.stringify(value)) {
        problems.push(
          `${name} is ${JSON.stringify(actual)}, documented default ${JSON.stringify(value)}`,
        );
      }
    }
    const forecast = seen.forecastCategory;
    if (c.sendForecast && forecast === c.sendForecast) {
      problems.push(
        `forecastCategory ${c.sendForecast} was kept for ${c.status}, documented as ignored at creation`,
      );
    } else if (!c.sendForecast && c.expectForecast !== undefined && forecast !== c.expectForecast) {
      problems.push(
        `forecastCategory for ${c.status} is ${JSON.stringify(forecast)}, documented default ${String(c.expectForecast)}`,
      );
    }
    judge(
      ctx,
      CHECKS.defaults,
      problems.length ? fail(`status ${c.status}: ${problems.join('; ')}`) : pass(),
      read,
    );
  }
}
