import type { JsonSchema } from './types';

type SchemaObject = { [k: string]: unknown };
const obj = (s: unknown): SchemaObject | undefined =>
  typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as SchemaObject) : undefined;

/** A default the spec states in a property's description ("defaulted to `NO_PROJECT`"). */
export interface DocumentedDefault {
  /** Pointer into the request body: `/leadOpportunity/reasonWon`. */
  pointer: string;
  property: string;
  /** The literal default, when the text names one; else only "some value is set". */
  value?: unknown;
  text: string;
}

const LITERAL_DEFAULT = /defaulted to [`'"]([A-Z][A-Z0-9_]*)[`'"]/;
const SOME_DEFAULT = /defaulted to /i;

/** Properties of a schema, with `allOf` branches merged (the spec composes creates that way). */
export function propertiesOf(schema: JsonSchema | undefined): Record<string, JsonSchema> {
  const s = obj(schema);
  if (!s) return {};
  const own = (obj(s.properties) ?? {}) as Record<string, JsonSchema>;
  const fromAllOf = Array.isArray(s.allOf) ? s.allOf.map((b) => propertiesOf(b as JsonSchema)) : [];
  return Object.assign({}, ...fromAllOf, own);
}

function descriptionOf(schema: JsonSchema | undefined): string {
  const s = obj(schema);
  return typeof s?.description === 'string' ? s.description : '';
}

/** Every default stated in the descriptions of a request body's properties, at any depth. */
export function documentedDefaults(body: JsonSchema | undefined, at = ''): DocumentedDefault[] {
  const out: DocumentedDefault[] = [];
  for (const [name, schema] of Object.entries(propertiesOf(body))) {
    const pointer = `${at}/${name}`;
    const text = descriptionOf(schema);
    const literal = LITERAL_DEFAULT.exec(text)?.[1];
    if (literal !== undefined) {
      const isArray =
        obj(schema)?.type === 'array' ||
        (Array.isArray(obj(schema)?.type) && (obj(schema)?.type as string[]).includes('array'));
      out.push({ pointer, property: name, value: isArray ? [literal] : literal, text });
    } else if (SOME_DEFAULT.test(text) && name !== 'forecastCategory') {
      out.push({ pointer, property: name, text });
    }
    if (obj(schema)?.type === 'object' || obj(schema)?.allOf || obj(schema)?.properties) {
      out.push(...documentedDefaults(schema, pointer));
    }
  }
  return out;
}

export interface ForecastMatrix {
  /** Status enum value -> default forecastCategory enum value. */
  defaults: Record<string, string>;
  /** Statuses for which a forecastCategory sent at creation is ignored. */
  ignoredFor: string[];
}

const norm = (s: string): string => s.replace(/[^a-z0-9-]/gi, '').toLowerCase();

/**
 * The forecastCategory defaults, read from the markdown table in its description
 * ("| -3 Open | Upside | ..."): status labels are matched to the status enum through its
 * x-enumDescriptions ('-3 Open' is OPPY_OPEN), categories to the category enum by name.
 */
export function forecastMatrix(
  forecast: JsonSchema | undefined,
  status: JsonSchema | undefined,
): ForecastMatrix {
  const text = descriptionOf(forecast);
  const categories = (obj(forecast)?.enum as string[] | undefined) ?? [];
  const statusLabels = (obj(obj(status)?.['x-enumDescriptions']) ?? {}) as Record<string, string>;
  const statusByLabel = new Map(
    Object.entries(statusLabels).map(([value, label]) => [norm(label), value]),
  );
  const statusValues = (obj(status)?.enum as string[] | undefined) ?? [];
  const defaults: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const cells = line
      .split('|')
      .map((c) => c.trim())
      .filter((c, i, all) => !(c === '' && (i === 0 || i === all.length - 1)));
    if (cells.length < 2 || /^-+$/.test(cells[0]) || /status/i.test(cells[0])) continue;
    // '-3 Open' is OPPY_OPEN's label; 'Won' is WON itself (its label says 'Won opportunity').
    const statusValue =
      statusByLabel.get(norm(cells[0])) ?? statusValues.find((s) => norm(s) === norm(cells[0]));
    const category = categories.find((c) => norm(c) === norm(cells[1]));
    if (statusValue && category) defaults[statusValue] = category;
  }
  const ignored =
    /ignored at creation if status is (.+?)\./i.exec(text.replace(/\s+/g, ' '))?.[1] ?? '';
  const ignoredFor = statusValues.filter((s) => ignored.includes(s));
  return { defaults, ignoredFor };
}
