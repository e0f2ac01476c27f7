import { canonicalPointer, valueAt, isRecord } from '../../model';
import { subschemaPointers } from './schema-nodes';

type Json = Record<string, unknown>;

/** A schema reached from an operation, `$ref`s followed, with the property name that led to it. */
export interface ResolvedNode {
  /** Canonical pointer: where the schema is written. */
  pointer: string;
  schema: Json;
  /** The last property name on the way (`revenueType`), if any. */
  property?: string;
}

/**
 * Every schema reachable from `root`, following `$ref`s, each canonical pointer once. Unlike
 * schemaNodes this answers "what can this request or response contain", whatever file region
 * the pieces are written in.
 */
export function resolvedNodes(doc: Json, root: string): ResolvedNode[] {
  const seen = new Set<string>();
  const out: ResolvedNode[] = [];
  const visit = (raw: string, property: string | undefined): void => {
    const pointer = canonicalPointer(doc, raw);
    if (seen.has(pointer)) return;
    seen.add(pointer);
    const schema = valueAt(doc, pointer);
    if (!isRecord(schema)) return;
    out.push({ pointer, schema, property });
    // A $ref next to other keywords: canonicalPointer went to the target, the siblings stay here.
    const rawNode = valueAt(doc, raw);
    if (raw !== pointer && isRecord(rawNode)) {
      for (const sub of subschemaPointers(rawNode, raw)) visit(sub, nameOf(sub) ?? property);
    }
    for (const sub of subschemaPointers(schema, pointer)) visit(sub, nameOf(sub) ?? property);
    if (typeof schema.$ref === 'string') visit(schema.$ref, property);
  };
  visit(root, undefined);
  return out;
}

/** `revenueType` for `.../properties/revenueType`; undefined for items, allOf branches, ... */
function nameOf(pointer: string): string | undefined {
  const match = /\/properties\/([^/]+)$/.exec(pointer);
  return match ? match[1].replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}
