import { fail, pass, skip } from '../../checks/types';
import { documentedDefaults, forecastMatrix, valueAt, type OperationModel } from '../../model';
import { judge, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { createObject, siblingOf } from '../resources';
import { validSamples } from '../samples';
import { schemaAtDataPath } from '../schema-walk';
import { readObject, readView } from './round-trip';

type Json = Record<string, unknown>;

function without(body: Json, pointers: string[]): Json {
  const copy = structuredClone(body);
  for (const pointer of pointers) {
    const parts = pointer.split('/').filter(Boolean);
    const last = parts.pop() as string;
    const parent = parts.reduce<Json | undefined>((node, p) => node?.[p] as Json | undefined, copy);
    if (parent) delete parent[last];
  }
  return copy;
}

function setAt(body: Json, pointer: string, value: unknown): Json {
  const copy = structuredClone(body);
  const parts = pointer.split('/').filter(Boolean);
  const last = parts.pop() as string;
  const parent = parts.reduce<Json>((node, p) => (node[p] ??= {}) as Json, copy);
  parent[last] = value;
  return copy;
}

/**
 * Create without the defaulted fields, then read: each default stated in a description is
 * applied (reasonWon, reasonLost, dsOwnerEmail), and forecastCategory follows the status
 * matrix, including "ignored at creation" for the early statuses.
 */
export async function defaultsScenario(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  if (!session.writesAllowed)
    return judge(ctx, CHECKS.defaults, skip('needs a create: no writes on production'));
  const reader = siblingOf(ctx, op, 'read');
  const schema = op.requestBody?.json?.schema;
  if (!reader || !schema)
    return judge(ctx, CHECKS.defaults, skip('no read operation to observe defaults'));
  const defaults = documentedDefaults(schema);
  const statusPointer = '/leadOpportunity/status';
  const forecastPointer = '/leadOpportunity/forecastCategory';
  const matrix = forecastMatrix(
    schemaAtDataPath(schema, forecastPointer),
    schemaAtDataPath(schema, statusPointer),
  );
  const base = validSamples(session, op, 1, 'defaults')[0].body as Json;
  const stripped = without(base, [...defaults.map((d) => d.pointer), forecastPointer]);

  // One create per matrix row, plus one per status whose forecastCategory is ignored.
  const cases: Array<{ status: string; sendForecast?: string; expectForecast?: string }> = [
    ...Object.entries(matrix.defaults).map(([status, forecast]) => ({
      status,
      expectForecast: forecast,
    })),
    ...matrix.ignoredFor.map((status) => ({
      status,
      sendForecast: Object.values(matrix.defaults)[0],
    })),
  ];
  if (cases.length === 0) cases.push({ status: String(valueAt(base, `#${statusPointer}`) ?? '') });
  for (const c of cases) {
    let body = setAt(stripped, statusPointer, c.status);
    if (c.sendForecast) body = setAt(body, forecastPointer, c.sendForecast);
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
    const view = readView(read.response.body) ?? {};
    const problems: string[] = [];
    for (const d of defaults) {
      const actual = valueAt(view, `#${d.pointer}`);
      if (d.value === undefined) {
        if (actual === undefined || actual === null || actual === '')
          problems.push(`${d.property} not defaulted ("${d.text.split('\n')[0]}")`);
      } else if (JSON.stringify(actual) !== JSON.stringify(d.value)) {
        problems.push(
          `${d.property} is ${JSON.stringify(actual)}, documented default ${JSON.stringify(d.value)}`,
        );
      }
    }
    const forecast = valueAt(view, `#${forecastPointer}`);
    if (c.expectForecast && forecast !== c.expectForecast) {
      problems.push(
        `forecastCategory for ${c.status} is ${JSON.stringify(forecast)}, documented default ${c.expectForecast}`,
      );
    }
    if (c.sendForecast && forecast === c.sendForecast) {
      problems.push(
        `forecastCategory ${c.sendForecast} was kept for ${c.status}, documented as ignored at creation`,
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
