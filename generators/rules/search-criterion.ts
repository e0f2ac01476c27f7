import fc from 'fast-check';
import {
  ANNOTATION_KEYWORDS,
  isSchemaObject,
  mergeAllOf,
  type SchemaObject,
  type SchemaSite,
} from '../schema';
import type { DescriptionRule, RuleFinding } from './types';
import { isRecord } from '../../model';

const source =
  'search requestBody description: the request must include at least one of the criteria';

/**
 * Criterion names when `items` says "at least one of these properties" the JSON Schema way: an
 * anyOf/oneOf whose branches only list `required` properties.
 */
export function criteriaOf(arraySchema: SchemaObject, pointer: string): string[] | undefined {
  if (!isSchemaObject(arraySchema.items)) return undefined;
  const items = mergeAllOf(arraySchema.items, `${pointer}/items`);
  const branches = (items.anyOf ?? items.oneOf) as unknown[] | undefined;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const names: string[] = [];
  for (const b of branches) {
    if (!isSchemaObject(b) || !Array.isArray(b.required)) return undefined;
    if (Object.keys(b).some((k) => k !== 'required' && !ANNOTATION_KEYWORDS.has(k)))
      return undefined;
    names.push(...(b.required as string[]));
  }
  return [...new Set(names)];
}

/** Criterion values that are lists get at least one entry: an empty list criterion searches nothing. */
function nonEmptyCriteria(items: SchemaObject, criteria: string[]): SchemaObject {
  const properties = { ...(items.properties as Record<string, unknown>) };
  for (const name of criteria) {
    const p = properties[name];
    if (isSchemaObject(p))
      properties[name] = { ...p, minItems: Math.max(1, (p.minItems as number) ?? 0) };
  }
  return { ...items, properties };
}

function checkCriteria(value: unknown, at: string, criteria: string[]): RuleFinding[] {
  // Lists holding non-objects are for the schema to reject; this rule only judges lists of criteria.
  if (!Array.isArray(value) || !value.every(isRecord)) return [];
  const some = value.some((item) => criteria.some((c) => c in item));
  return some
    ? []
    : [
        {
          kind: 'search-no-criterion',
          pointer: at,
          message: `search without any of ${criteria.join(', ')}`,
        },
      ];
}

export const searchCriterionRule: DescriptionRule = {
  name: 'search-criterion',
  source,
  appliesAt: (site: SchemaSite) => criteriaOf(site.schema, site.pointer) !== undefined,
  arbitrary: (site, next) => {
    const criteria = criteriaOf(site.schema, site.pointer) ?? [];
    const items = nonEmptyCriteria(
      mergeAllOf(site.schema.items as SchemaObject, `${site.pointer}/items`),
      criteria,
    );
    return next({
      ...site.schema,
      items,
      minItems: Math.max(1, (site.schema.minItems as number) ?? 0),
    });
  },
  check: (value, at, site) => checkCriteria(value, at, criteriaOf(site.schema, site.pointer) ?? []),
  mutations: (_value, at) => [
    {
      kind: 'search-no-criterion',
      pointer: at,
      value: fc.constantFrom([], [{}]),
      describe: (v) => `search criteria ${JSON.stringify(v)} hold no criterion`,
    },
  ],
};
