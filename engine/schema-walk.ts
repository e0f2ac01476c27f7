import { propertiesOf, type JsonSchema } from '../model';

type SchemaObject = { [k: string]: unknown };
const obj = (s: unknown): SchemaObject | undefined =>
  typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as SchemaObject) : undefined;

/**
 * The sub-schema describing the value at a data path (`/data/offerLines/0/revenueType`):
 * property names go through `properties` (allOf merged), indexes through `items`.
 */
export function schemaAtDataPath(
  schema: JsonSchema | undefined,
  dataPath: string,
): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema;
  for (const segment of dataPath.split('/').filter(Boolean)) {
    if (/^\d+$/.test(segment)) {
      node = obj(node)?.items as JsonSchema | undefined;
    } else {
      node = propertiesOf(node)[segment];
    }
    if (node === undefined) return undefined;
  }
  return node;
}
