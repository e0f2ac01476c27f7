import { child, isRecord, type SpecModel } from '../../../model';
import { formatOf, type DateFormat } from '../date-formats';
import { schemaAt } from '../example-sites';
import { schemaNodes } from '../schema-nodes';
import type { Finding, LintCheck } from '../types';

interface DatedProperty {
  name: string;
  pointer: string;
  format: DateFormat;
}

function datedProperties(spec: SpecModel): DatedProperty[] {
  return schemaNodes(spec).flatMap(({ pointer, schema }) => {
    if (!isRecord(schema.properties)) return [];
    return Object.keys(schema.properties).flatMap((name) => {
      const propertyPointer = child(pointer, 'properties', name);
      const property = schemaAt(spec, propertyPointer);
      const stated = isRecord(property) ? formatOf(property) : undefined;
      return stated ? [{ name, pointer: propertyPointer, format: stated.format }] : [];
    });
  });
}

/**
 * A field a partner sends as a date-time and reads back as a date (or the reverse) cannot be
 * round-tripped without conversion; every occurrence of the less used format is reported.
 */
function conflicts(properties: DatedProperty[]): Finding[] {
  const byName = new Map<string, DatedProperty[]>();
  properties.forEach((p) => byName.set(p.name, [...(byName.get(p.name) ?? []), p]));
  const findings: Finding[] = [];
  for (const [name, uses] of byName) {
    const dates = uses.filter((u) => u.format === 'date');
    const dateTimes = uses.filter((u) => u.format === 'date-time');
    if (dates.length === 0 || dateTimes.length === 0) continue;
    const [fewer, more] =
      dateTimes.length <= dates.length ? [dateTimes, dates] : [dates, dateTimes];
    for (const use of fewer) {
      findings.push({
        severity: 'warning',
        rule: dateFormatConsistency.rule,
        pointer: use.pointer,
        message: `${name} is a ${use.format} here but a ${more[0].format} at ${more.map((m) => m.pointer).join(', ')}`,
      });
    }
  }
  return findings;
}

export const dateFormatConsistency: LintCheck = {
  rule: 'date-format-consistency',
  description: 'a property name has one date format (date or date-time) throughout the spec',
  run: (spec) => conflicts(datedProperties(spec)),
};
