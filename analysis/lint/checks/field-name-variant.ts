import { child, isRecord, type SpecModel } from '../../../model';
import { exampleSites } from '../example-sites';
import { lastKey, walkInstance } from '../instance-walk';
import { schemaNodes } from '../schema-nodes';
import type { Finding, LintCheck } from '../types';

/** Below this length, one-letter differences are mostly distinct words (`to`/`top`). */
const MIN_LENGTH = 5;

/** True when `a` and `b` differ by exactly one inserted, deleted or replaced character. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const tail = (x: string, skip: number): string => x.slice(i + skip);
  if (a.length === b.length) return tail(a, 1) === tail(b, 1);
  return a.length > b.length ? tail(a, 1) === tail(b, 0) : tail(a, 0) === tail(b, 1);
}

interface Uses {
  /** Name -> pointers of the schema properties so named. */
  properties: Map<string, string[]>;
  /** Name -> how many example objects use it as a key: breaks ties on which spelling is usual. */
  exampleCounts: Map<string, number>;
  /** Names declared side by side in one object (addressLine1, addressLine2): distinct on purpose. */
  siblings: Set<string>;
}

function usesOf(spec: SpecModel): Uses {
  const properties = new Map<string, string[]>();
  const siblings = new Set<string>();
  for (const { pointer, schema } of schemaNodes(spec)) {
    if (!isRecord(schema.properties)) continue;
    const names = Object.keys(schema.properties);
    for (const name of names) {
      properties.set(name, [...(properties.get(name) ?? []), child(pointer, 'properties', name)]);
      names.forEach((other) => siblings.add(`${name} ${other}`));
    }
  }
  const exampleCounts = new Map<string, number>();
  const seen = new Set<string>();
  for (const site of exampleSites(spec)) {
    walkInstance(site.value, true, ({ path }) => {
      const name = lastKey(path);
      const place = site.valuePointer + path;
      if (name === undefined || seen.has(place)) return;
      seen.add(place);
      exampleCounts.set(name, (exampleCounts.get(name) ?? 0) + 1);
    });
  }
  return { properties, exampleCounts, siblings };
}

/**
 * `error` and `errors`, `estimateSearchCount` and `estimatedSearchCount`: one letter apart,
 * usually one field spelled two ways, and a client reading one never finds the other. Case-only
 * differences are field-name-casing's; every place of the less used spelling is reported.
 */
function variants(spec: SpecModel): Finding[] {
  const { properties: uses, exampleCounts, siblings } = usesOf(spec);
  const names = [...uses.keys()].filter((n) => n.length >= MIN_LENGTH);
  const weight = (n: string): [number, number] => [uses.get(n)!.length, exampleCounts.get(n) ?? 0];
  const findings: Finding[] = [];
  for (const a of names) {
    for (const b of names) {
      if (a.toLowerCase() === b.toLowerCase() || !oneEditApart(a, b)) continue;
      if (siblings.has(`${a} ${b}`)) continue;
      const [[schemasA, examplesA], [schemasB, examplesB]] = [weight(a), weight(b)];
      // Report each pair once, at the less used spelling (schemas, then examples, then name).
      const aIsUsual =
        schemasA !== schemasB
          ? schemasA > schemasB
          : examplesA !== examplesB
            ? examplesA > examplesB
            : a < b;
      if (aIsUsual) continue;
      const countB = schemasB;
      for (const pointer of uses.get(a)!) {
        findings.push({
          severity: 'info',
          rule: fieldNameVariant.rule,
          pointer,
          message: `'${a}' is one letter away from '${b}' (used at ${uses.get(b)![0]}${countB > 1 ? ` and ${countB - 1} more` : ''}): the same field spelled two ways?`,
        });
      }
    }
  }
  return findings;
}

export const fieldNameVariant: LintCheck = {
  rule: 'field-name-variant',
  description: 'property names one letter apart (error/errors) across the spec',
  run: variants,
};
