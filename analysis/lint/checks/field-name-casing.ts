import { child, isRecord, type SpecModel } from '../../../model';
import { exampleSites } from '../example-sites';
import { walkInstance, lastKey } from '../instance-walk';
import { schemaNodes } from '../schema-nodes';
import type { Finding, LintCheck } from '../types';

interface Occurrence {
  name: string;
  pointer: string;
}

function schemaPropertyNames(spec: SpecModel): Occurrence[] {
  return schemaNodes(spec).flatMap(({ pointer, schema }) =>
    isRecord(schema.properties)
      ? Object.keys(schema.properties).map((name) => ({
          name,
          pointer: child(pointer, 'properties', name),
        }))
      : [],
  );
}

function exampleKeys(spec: SpecModel): Occurrence[] {
  const out: Occurrence[] = [];
  for (const site of exampleSites(spec)) {
    walkInstance(site.value, true, ({ path }) => {
      const name = lastKey(path);
      // Array indexes are not field names.
      if (name !== undefined && !/^\d+$/.test(name))
        out.push({ name, pointer: site.valuePointer + path });
    });
  }
  return out;
}

/**
 * JSON is case-sensitive: `timestamp` and `timeStamp` are two different fields, and a client
 * reading one never sees the other. Every spelling but the most used one is reported.
 */
function minoritySpellings(occurrences: Occurrence[]): Finding[] {
  const groups = new Map<string, Map<string, Occurrence[]>>();
  // A shared example is reached once per schema that uses it: count each place once.
  const unique = [...new Map(occurrences.map((o) => [o.pointer, o])).values()];
  for (const o of unique) {
    const spellings = groups.get(o.name.toLowerCase()) ?? new Map<string, Occurrence[]>();
    spellings.set(o.name, [...(spellings.get(o.name) ?? []), o]);
    groups.set(o.name.toLowerCase(), spellings);
  }
  const findings: Finding[] = [];
  for (const spellings of groups.values()) {
    if (spellings.size < 2) continue;
    const ranked = [...spellings.entries()].sort(
      (a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1),
    );
    const [preferred, uses] = ranked[0];
    for (const [name, list] of ranked.slice(1)) {
      for (const o of list) {
        findings.push({
          severity: 'warning',
          rule: fieldNameCasing.rule,
          pointer: o.pointer,
          message: `'${name}' is spelled '${preferred}' elsewhere (${uses.length} places); JSON field names are case-sensitive`,
        });
      }
    }
  }
  return findings;
}

export const fieldNameCasing: LintCheck = {
  rule: 'field-name-casing',
  description: 'one spelling per field name across schemas and examples (timestamp vs timeStamp)',
  run: (spec) => minoritySpellings([...schemaPropertyNames(spec), ...exampleKeys(spec)]),
};
