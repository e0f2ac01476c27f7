import type { OperationModel } from '../model';
import { createRandom } from './random';
import {
  allowsType,
  exampleOf,
  isRecord,
  itemsOf,
  propertiesOf,
  type SchemaObject,
} from '../model/schema-access';
import { FIELDS } from './spec-fields';

/**
 * A deterministic catalogue of portfolio items for the listing operation, shaped by its
 * response schema: strings are drawn from the values the spec documents for each property
 * (schema example and response examples), ids follow the documented id with a counter.
 */
export const DEFAULT_CATALOGUE_SIZE = 347;

function documentedValues(name: string, schema: SchemaObject, exampleItems: unknown[]): unknown[] {
  const values = [
    exampleOf(schema),
    ...exampleItems.map((item) => (isRecord(item) ? item[name] : undefined)),
  ];
  return [...new Set(values.filter((v) => v !== undefined && v !== null))];
}

/** `CLASS00001_ONPR_CATIAV4_SOL000038` -> the same with its last number replaced by `n`. */
function numbered(template: string, n: number): string {
  const match = /(\d+)(?!.*\d)/.exec(template);
  if (!match) return `${template}-${n}`;
  const digits = String(n).padStart(match[1].length, '0');
  return template.slice(0, match.index) + digits + template.slice(match.index + match[1].length);
}

export function buildCatalogue(
  op: OperationModel,
  size = DEFAULT_CATALOGUE_SIZE,
  seed = 1,
): unknown[] {
  const success = Object.keys(op.responses).find((s) => /^2\d\d$/.test(s));
  const media = success ? op.responses[success].json : undefined;
  const itemSchema = itemsOf(propertiesOf(media?.schema)[FIELDS.data]);
  if (!itemSchema) return [];
  const exampleItems = (media?.examples ?? []).flatMap((e) =>
    isRecord(e.value) && Array.isArray(e.value[FIELDS.data])
      ? (e.value[FIELDS.data] as unknown[])
      : [],
  );
  const random = createRandom(seed);
  const props = Object.entries(propertiesOf(itemSchema)).map(([name, schema]) => ({
    name,
    schema,
    values: documentedValues(name, schema, exampleItems),
  }));
  const items: unknown[] = [];
  for (let i = 0; i < size; i++) {
    const item: Record<string, unknown> = {};
    for (const { name, schema, values } of props) {
      if (allowsType(schema, 'boolean') && !allowsType(schema, 'string'))
        item[name] = random.next() < 0.8;
      else if (allowsType(schema, 'integer') && !allowsType(schema, 'string'))
        item[name] = random.int(10000);
      else if (/Id$/.test(name)) item[name] = numbered(String(values[0] ?? name), i + 1);
      else item[name] = values.length > 0 ? random.pick(values) : `${name} ${i + 1}`;
    }
    items.push(item);
  }
  return items;
}
