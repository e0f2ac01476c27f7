import {
  enumOf,
  exampleErrorCodes,
  itemsOf,
  propertiesOf,
  type AnsweredExchange,
  type JsonSchema,
  type OperationModel,
} from '../model';
import { errorCodeOf } from '../checks/error-body';

/**
 * What of the spec a run exercised, computed from its exchanges: each documented status,
 * documented error code, request property (sent in a valid request, broken in an invalid one),
 * enum value, query parameter and bound, response property and documented response header.
 */
export const DIMENSIONS = {
  statuses: 'documented response statuses observed',
  errorCodes: 'documented error codes met',
  requestProperties: 'request properties sent in valid requests',
  invalidPlaces: 'request properties broken in invalid requests',
  enumValues: 'enum values sent in valid requests',
  parameters: 'query parameters and bounds sent',
  responseProperties: 'response properties seen',
  responseHeaders: 'documented response headers seen',
} as const;

export type Dimension = keyof typeof DIMENSIONS;

/** Why an item was not met: the target could not produce it, or this run did not. */
export type MissReason = 'target' | 'run';

export interface Missing {
  item: string;
  reason: string;
  kind: MissReason;
}

export interface DimensionCoverage {
  covered: number;
  total: number;
  missing: Missing[];
}

export interface OperationCoverage {
  operationId: string;
  dimensions: Record<Dimension, DimensionCoverage>;
}

export interface Coverage {
  operations: OperationCoverage[];
  totals: Record<Dimension, { covered: number; total: number; percent: number }>;
}

/** An exchange as coverage sees it: what was sent, and whether it was meant valid. */
export interface CoveredExchange {
  exchange: AnsweredExchange;
  op: OperationModel;
  /** `valid`: a request a conforming server accepts; `invalid`: one breaking `place`. */
  intent: 'valid' | 'invalid' | 'other';
  /** The generalised request pointer an invalid request breaks. */
  place?: string;
}

export interface CoverageContext {
  runs: number;
  maintenanceSwitch: boolean;
  exhaustionRan: boolean;
}

const general = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

/** Every place a schema declares, through `properties` and `items` (alternatives are not walked: no single answer reaches every branch). */
function placesOf(
  schema: JsonSchema | undefined,
  at: string,
  out: Set<string>,
  depth = 0,
): Set<string> {
  if (depth > 12 || typeof schema !== 'object' || schema === null) return out;
  for (const [name, prop] of Object.entries(propertiesOf(schema))) {
    out.add(`${at}/${name}`);
    placesOf(prop, `${at}/${name}`, out, depth + 1);
  }
  const items = itemsOf(schema);
  if (items) placesOf(items, `${at}/*`, out, depth + 1);
  return out;
}

/**
 * The places a JSON value fills (present, even when null), each written after `at`. Pages of
 * fifty items are walked for every answer: each place's name is built once per value.
 */
function placesIn(value: unknown, at: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    const item = `${at}/*`;
    for (const v of value) placesIn(v, item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      const place = `${at}/${k}`;
      out.add(place);
      placesIn((value as Record<string, unknown>)[k], place, out);
    }
  }
  return out;
}

/** Enum places of a schema with their values (`/leadOpportunity/status`: LEAD_OPEN, ...). */
function enumPlacesOf(
  schema: JsonSchema | undefined,
  at: string,
  out: Map<string, unknown[]>,
  depth = 0,
): Map<string, unknown[]> {
  if (depth > 12 || typeof schema !== 'object' || schema === null) return out;
  const values = enumOf(schema);
  if (values) out.set(at, values);
  for (const [name, prop] of Object.entries(propertiesOf(schema)))
    enumPlacesOf(prop, `${at}/${name}`, out, depth + 1);
  const items = itemsOf(schema);
  if (items) enumPlacesOf(items, `${at}/*`, out, depth + 1);
  return out;
}

function valuesAt(value: unknown, place: string[]): unknown[] {
  if (place.length === 0) return [value];
  const [head, ...rest] = place;
  if (head === '*') return Array.isArray(value) ? value.flatMap((v) => valuesAt(v, rest)) : [];
  if (value === null || typeof value !== 'object') return [];
  const next = (value as Record<string, unknown>)[head];
  return next === undefined ? [] : valuesAt(next, rest);
}

function dimension(
  items: string[],
  met: (item: string) => boolean,
  reason: (item: string) => Missing,
): DimensionCoverage {
  const missing = items.filter((i) => !met(i)).map(reason);
  return { covered: items.length - missing.length, total: items.length, missing };
}

function operationCoverage(
  op: OperationModel,
  exchanges: CoveredExchange[],
  ctx: CoverageContext,
): OperationCoverage {
  const mine = exchanges.filter((e) => e.op.operationId === op.operationId);
  const statusesSeen = new Set(mine.map((e) => String(e.exchange.response.status)));
  const notMet = (item: string): Missing => ({
    item,
    reason: `not met in this run (--runs ${ctx.runs})`,
    kind: 'run',
  });
  const statusReason = (status: string): Missing => {
    if (status === '503' && !ctx.maintenanceSwitch)
      return { item: status, reason: 'the target has no maintenance switch', kind: 'target' };
    if (status === '429' && !ctx.exhaustionRan)
      return {
        item: status,
        reason: 'the exhaustion probe did not run (--rate-limit-probe)',
        kind: 'target',
      };
    return notMet(status);
  };
  const documented = Object.keys(op.responses).filter((s) => /^\d{3}$/.test(s));

  const codes = documented.flatMap((s) =>
    exampleErrorCodes(op, Number(s)).map((code) => ({ status: s, code })),
  );
  const codesSeen = new Set(
    mine.map((e) => `${e.exchange.response.status} ${errorCodeOf(e.exchange.response.body) ?? ''}`),
  );

  const media = op.requestBody?.json;
  const valid = mine.filter((e) => e.intent === 'valid');
  const requestPlaces = media ? [...placesOf(media.schema, '', new Set())] : [];
  const sentPlaces = new Set<string>();
  for (const e of valid) placesIn(e.exchange.request.body, '', sentPlaces);
  const broken = new Set(
    mine.filter((e) => e.intent === 'invalid' && e.place).map((e) => e.place as string),
  );

  const enums = media ? enumPlacesOf(media.schema, '', new Map()) : new Map<string, unknown[]>();
  const enumItems = [...enums].flatMap(([place, values]) =>
    values.map((v) => `${place}=${JSON.stringify(v)}`),
  );
  const enumSeen = new Set<string>();
  for (const e of valid) {
    for (const [place] of enums) {
      for (const v of valuesAt(e.exchange.request.body, place.split('/').filter(Boolean)))
        enumSeen.add(`${place}=${JSON.stringify(v)}`);
    }
  }

  const query = op.parameters.filter((p) => p.in === 'query');
  const paramItems: string[] = [];
  for (const p of query) {
    paramItems.push(p.name);
    const min = (p.schema as { minimum?: unknown }).minimum;
    if (typeof min === 'number')
      paramItems.push(`${p.name}=${min} (minimum)`, `${p.name}<${min} (below minimum)`);
  }
  const paramSeen = new Set<string>();
  for (const e of mine) {
    for (const p of query) {
      const raw = e.exchange.request.query?.[p.name];
      if (raw === undefined) continue;
      if (e.intent !== 'invalid') paramSeen.add(p.name);
      const min = (p.schema as { minimum?: unknown }).minimum;
      if (typeof min === 'number' && /^-?\d+$/.test(raw)) {
        if (Number(raw) === min && e.intent !== 'invalid')
          paramSeen.add(`${p.name}=${min} (minimum)`);
        if (Number(raw) < min) paramSeen.add(`${p.name}<${min} (below minimum)`);
      }
    }
  }

  const responseItems: string[] = [];
  const headerItems: string[] = [];
  const responseSeen = new Set<string>();
  const headersSeen = new Set<string>();
  for (const status of documented) {
    const response = op.responses[status];
    for (const place of placesOf(response.json?.schema, '', new Set()))
      responseItems.push(`${status} ${place}`);
    for (const h of response.headers) headerItems.push(`${status} ${h.name}`);
  }
  for (const e of mine) {
    const status = String(e.exchange.response.status);
    placesIn(e.exchange.response.body, `${status} `, responseSeen);
    for (const name of Object.keys(e.exchange.response.headers))
      headersSeen.add(`${status} ${name}`);
  }
  const byStatus = (item: string): Missing => {
    const status = item.split(' ')[0];
    return statusesSeen.has(status) ? notMet(item) : { ...statusReason(status), item };
  };

  return {
    operationId: op.operationId,
    dimensions: {
      statuses: dimension(documented, (s) => statusesSeen.has(s), statusReason),
      errorCodes: dimension(
        codes.map((c) => `${c.status} ${c.code}`),
        (item) => codesSeen.has(item),
        byStatus,
      ),
      requestProperties: dimension(requestPlaces, (p) => sentPlaces.has(p), notMet),
      invalidPlaces: dimension(
        requestPlaces,
        (p) =>
          broken.has(general(`/body${p}`)) || [...broken].some((b) => b.startsWith(`/body${p}/`)),
        notMet,
      ),
      enumValues: dimension(enumItems, (i) => enumSeen.has(i), notMet),
      parameters: dimension(paramItems, (i) => paramSeen.has(i), notMet),
      responseProperties: dimension(responseItems, (i) => responseSeen.has(i), byStatus),
      responseHeaders: dimension(headerItems, (i) => headersSeen.has(i.toLowerCase()), byStatus),
    },
  };
}

/** Coverage per operation and in total, for the operations this run judged. */
export function computeCoverage(
  operations: OperationModel[],
  exchanges: CoveredExchange[],
  ctx: CoverageContext,
): Coverage {
  const per = operations.map((op) => operationCoverage(op, exchanges, ctx));
  const totals = {} as Coverage['totals'];
  for (const key of Object.keys(DIMENSIONS) as Dimension[]) {
    const covered = per.reduce((n, o) => n + o.dimensions[key].covered, 0);
    const total = per.reduce((n, o) => n + o.dimensions[key].total, 0);
    totals[key] = {
      covered,
      total,
      percent: total === 0 ? 100 : Math.round((covered / total) * 1000) / 10,
    };
  }
  return { operations: per, totals };
}
