/** The date formats this API uses, as a schema states them: a `format`, or the description's pattern. */
export type DateFormat = 'date' | 'date-time';

type Json = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** "in ISO 8601 format (YYYY-MM-DD)" / "(like YYYY-MM-DDThh:mm:ss.sssZ)". */
const DESCRIBED = /YYYY-MM-DD(T\s*hh)?/i;

export function formatOf(
  schema: Json,
): { format: DateFormat; from: 'format' | 'description' } | undefined {
  if (schema.format === 'date' || schema.format === 'date-time') {
    return { format: schema.format, from: 'format' };
  }
  const described =
    typeof schema.description === 'string' ? DESCRIBED.exec(schema.description) : null;
  if (described) return { format: described[1] ? 'date-time' : 'date', from: 'description' };
  return undefined;
}

export function matchesFormat(value: string, format: DateFormat): boolean {
  return (format === 'date' ? DATE : DATE_TIME).test(value);
}
