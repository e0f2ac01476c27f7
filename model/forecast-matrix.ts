import {
  descriptionOf,
  emptyMemberOf,
  enumDescriptionsOf,
  enumOf,
  type SchemaObject,
} from './schema-access';

/**
 * The forecastCategory rules written in its description: a markdown table of status ->
 * default category -> allowed categories ("Won (set by the system)"), and the statuses for
 * which a given value is ignored at creation. Parsed, not retyped.
 */
export interface ForecastRow {
  status: string;
  default: string;
  allowed: string[];
  /** The category is set by the system: whatever was sent, it becomes `default`. */
  systemSet: boolean;
}

export interface ForecastRules {
  rows: Map<string, ForecastRow>;
  ignoredAtCreation: Set<string>;
  /** "Empty, not filled in": the category of a lead whose value was ignored. */
  empty?: string;
}

const norm = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

function memberNamed(label: string, schema: SchemaObject | undefined): string | undefined {
  const members = (enumOf(schema) ?? []).filter((v): v is string => typeof v === 'string');
  const labels = enumDescriptionsOf(schema);
  const wanted = norm(label);
  return (
    members.find((m) => norm(m) === wanted) ??
    members.find((m) => norm(labels[m] ?? '') === wanted) ??
    members.find((m) => norm(labels[m] ?? '').startsWith(wanted + ' '))
  );
}

/**
 * Rows of a markdown table, whether its lines survived or were folded into one line by YAML
 * (`>-`): rows are the runs of non-empty cells between `| |` boundaries.
 */
export function tableRows(text: string): string[][] {
  const start = text.indexOf('|');
  if (start < 0) return [];
  const rows: string[][] = [];
  let row: string[] = [];
  for (const raw of text.slice(start + 1).split('|')) {
    const cell = raw.split('\n')[0].trim();
    const rowEnds = cell === '' || raw.includes('\n\n');
    if (cell !== '') row.push(cell);
    if (rowEnds && row.length > 0) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  return rows.filter((r) => !r.every((c) => /^[-:\s]+$/.test(c)));
}

export function parseForecastRules(
  forecastSchema: SchemaObject | undefined,
  statusSchema: SchemaObject | undefined,
): ForecastRules {
  const text = descriptionOf(forecastSchema);
  const rules: ForecastRules = {
    rows: new Map(),
    ignoredAtCreation: new Set(),
    empty: emptyMemberOf(forecastSchema),
  };

  const ignored = /ignored at creation[^.]*/i.exec(text.replace(/\s+/g, ' '))?.[0] ?? '';
  const statuses = (enumOf(statusSchema) ?? []).filter((v): v is string => typeof v === 'string');
  for (const token of ignored.match(/[A-Z][A-Z_]+/g) ?? []) {
    if (statuses.includes(token)) rules.ignoredAtCreation.add(token);
  }

  const [header, ...rows] = tableRows(text);
  if (!header) return rules;
  const col = (re: RegExp): number => header.findIndex((c) => re.test(c));
  const [statusCol, defaultCol, valuesCol] = [col(/^status$/i), col(/default/i), col(/values/i)];
  if (statusCol < 0 || defaultCol < 0) return rules;
  for (const cells of rows) {
    const status = memberNamed(cells[statusCol] ?? '', statusSchema);
    const byDefault = memberNamed(cells[defaultCol] ?? '', forecastSchema);
    if (!status || !byDefault) continue;
    const valuesText = valuesCol >= 0 ? (cells[valuesCol] ?? '') : '';
    const allowed = valuesText
      .replace(/\(.*?\)/g, '')
      .split('/')
      .map((v) => memberNamed(v, forecastSchema))
      .filter((v): v is string => v !== undefined);
    rules.rows.set(status, {
      status,
      default: byDefault,
      allowed,
      systemSet: /set by the system/i.test(valuesText),
    });
  }
  return rules;
}

/** The category stored at creation for this status, given what the request sent. */
export function forecastAtCreation(rules: ForecastRules, status: unknown, given: unknown): unknown {
  if (typeof status !== 'string') return given ?? rules.empty;
  if (rules.ignoredAtCreation.has(status)) return rules.empty;
  const row = rules.rows.get(status);
  if (!row) return given ?? rules.empty;
  if (row.systemSet || given === undefined) return row.default;
  return given;
}
