import fc from 'fast-check';
import type { ViolationKind } from '../../src/model';
import { isValid, typesOf } from '../schema';
import { REMOVE, type ValueMutation } from '../types';
import { pointerChild, type ValueSite } from '../walk';
import { breaksOnly } from './breaks-only';
import {
  boundCandidates,
  enumCandidates,
  formatCandidates,
  lengthCandidates,
  patternCandidates,
  typeCandidates,
} from './candidates';

type SiteMutator = (site: ValueSite) => ValueMutation[];

const show = (v: unknown): string => (v === REMOVE ? '(removed)' : JSON.stringify(v));

function unique(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** A mutation drawing from the candidates that break `keyword` and nothing else at the site. */
function singleFault(
  site: ValueSite,
  kind: ViolationKind,
  keyword: string,
  candidates: unknown[],
  describe: (v: unknown) => string,
  format?: string,
): ValueMutation[] {
  const usable = unique(candidates).filter((c) => breaksOnly(site.schema, keyword, c));
  if (usable.length === 0) return [];
  return [{ kind, pointer: site.at, value: fc.constantFrom(...usable), describe, format }];
}

const isObjectValue = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const requiredMutations: SiteMutator = (site) => {
  if (!site.present || !isObjectValue(site.value)) return [];
  const required = (site.schema.required as string[] | undefined) ?? [];
  return required
    .filter((name) => name in (site.value as object))
    .map((name) => ({
      kind: 'required' as const,
      pointer: pointerChild(site.at, name),
      value: fc.constant(REMOVE),
      describe: () => `required property '${name}' removed`,
    }));
};

/** Only where `type` is written: an inferred type is not something a validator enforces. */
export const typeMutations: SiteMutator = (site) => {
  if (site.schema.type === undefined) return [];
  const types = typesOf(site.schema) ?? [];
  const candidates = unique(typeCandidates(types, site.value)).filter((c) => !isValid(site.schema, c));
  if (candidates.length === 0) return [];
  return [
    {
      kind: 'type',
      pointer: site.at,
      value: fc.constantFrom(...candidates),
      describe: (v) => `${show(v)} where ${types.join(' or ')} is expected`,
    },
  ];
};

export const enumMutations: SiteMutator = (site) =>
  Array.isArray(site.schema.enum)
    ? singleFault(site, 'enum', 'enum', enumCandidates(site.schema.enum), (v) => `${show(v)} is not one of the documented values`)
    : [];

export const constMutations: SiteMutator = (site) =>
  'const' in site.schema
    ? singleFault(site, 'const', 'const', [...enumCandidates([site.schema.const]), null, 0, ''], (v) => `${show(v)} is not ${show(site.schema.const)}`)
    : [];

export const patternMutations: SiteMutator = (site) =>
  typeof site.schema.pattern === 'string'
    ? singleFault(site, 'pattern', 'pattern', patternCandidates(site.value), (v) => `${show(v)} does not match ${site.schema.pattern}`)
    : [];

export const formatMutations: SiteMutator = (site) => {
  const format = site.schema.format;
  if (typeof format !== 'string' || !(typesOf(site.schema) ?? []).includes('string')) return [];
  return singleFault(site, 'format', 'format', formatCandidates(format, site.value), (v) => `${show(v)} is not a valid ${format}`, format);
};

export const lengthMutations: SiteMutator = (site) =>
  (['minLength', 'maxLength'] as const)
    .filter((k) => typeof site.schema[k] === 'number')
    .flatMap((k) =>
      singleFault(site, k, k, lengthCandidates(site.schema, site.value, k), (v) => `${show(v)} breaks ${k} ${site.schema[k]}`),
    );

export const boundMutations: SiteMutator = (site) =>
  (['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'] as const)
    .filter((k) => typeof site.schema[k] === 'number')
    .flatMap((k) =>
      singleFault(
        site,
        k.toLowerCase().includes('min') ? 'minimum' : 'maximum',
        k,
        boundCandidates(site.schema, k),
        (v) => `${show(v)} breaks ${k} ${site.schema[k]}`,
      ),
    );

export const itemCountMutations: SiteMutator = (site) => {
  const items = Array.isArray(site.value) ? site.value : [];
  const out: ValueMutation[] = [];
  const min = site.schema.minItems;
  if (typeof min === 'number' && min > 0) {
    out.push(...singleFault(site, 'minItems', 'minItems', [items.slice(0, min - 1), []], (v) => `${(v as unknown[]).length} item(s) where at least ${min} are required`));
  }
  const max = site.schema.maxItems;
  if (typeof max === 'number' && items.length > 0) {
    const longer = Array.from({ length: max + 1 }, (_, i) => items[i % items.length]);
    out.push(...singleFault(site, 'maxItems', 'maxItems', [longer], (v) => `${(v as unknown[]).length} items where at most ${max} are allowed`));
  }
  return out;
};

export const additionalPropertyMutations: SiteMutator = (site) =>
  site.schema.additionalProperties === false && site.present && isObjectValue(site.value)
    ? singleFault(site, 'additionalProperties', 'additionalProperties', [{ ...site.value, unexpectedProperty: 'x' }], () => `undocumented property 'unexpectedProperty' added`)
    : [];

/** Every keyword family that can be broken on its own, one small mutator each. */
export const SITE_MUTATORS: ReadonlyArray<SiteMutator> = [
  requiredMutations,
  typeMutations,
  enumMutations,
  constMutations,
  patternMutations,
  formatMutations,
  lengthMutations,
  boundMutations,
  itemCountMutations,
  additionalPropertyMutations,
];
