import fc from 'fast-check';
import type { ViolationKind } from '../../model';
import { isValid, typesOf } from '../schema';
import { REMOVE, type ValueMutation } from '../types';
import { pointerChild, type ValueSite } from '../walk';
import { breaksOnly } from './breaks-only';
import type { Plan } from './types';
import {
  boundCandidates,
  derivedFormatCandidates,
  enumCandidates,
  formatCandidates,
  lengthCandidates,
  patternCandidates,
  typeCandidates,
} from './candidates';
import { isRecord } from '../../model';

type SitePlanner = (site: ValueSite) => Plan[];

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
  return fromCandidates(site, kind, usable, describe, format);
}

function fromCandidates(
  site: ValueSite,
  kind: ViolationKind,
  usable: ReadonlyArray<unknown>,
  describe: (v: unknown) => string,
  format?: string,
): ValueMutation[] {
  if (usable.length === 0) return [];
  return [
    {
      kind,
      pointer: site.at,
      value: fc.constantFrom(...usable),
      describe,
      format,
      candidates: usable,
    },
  ];
}

/** Candidates that do not depend on the current value are vetted once per schema and keyword. */
const vetted = new WeakMap<object, Map<string, unknown[]>>();

function vettedOnce(site: ValueSite, keyword: string, make: () => unknown[]): unknown[] {
  let byKeyword = vetted.get(site.schema);
  if (!byKeyword) vetted.set(site.schema, (byKeyword = new Map()));
  let usable = byKeyword.get(keyword);
  if (!usable) {
    usable = unique(make()).filter((c) => breaksOnly(site.schema, keyword, c));
    byKeyword.set(keyword, usable);
  }
  return usable;
}

/** Plans at the site itself: the kind and place are known up front, the values on demand. */
function here(
  site: ValueSite,
  kind: ViolationKind,
  build: () => ValueMutation[],
  format?: string,
): Plan[] {
  return [{ kind, pointer: site.at, format, build: () => build()[0] }];
}

export const requiredPlans: SitePlanner = (site) => {
  if (!site.present || !isRecord(site.value)) return [];
  const required = (site.schema.required as string[] | undefined) ?? [];
  return required
    .filter((name) => name in (site.value as object))
    .map((name) => {
      const pointer = pointerChild(site.at, name);
      return {
        kind: 'required' as const,
        pointer,
        build: () => ({
          kind: 'required' as const,
          pointer,
          value: fc.constant(REMOVE),
          describe: () => `required property '${name}' removed`,
        }),
      };
    });
};

/** Only where `type` is written: an inferred type is not something a validator enforces. */
export const typePlans: SitePlanner = (site) => {
  if (site.schema.type === undefined) return [];
  return here(site, 'type', () => {
    const types = typesOf(site.schema) ?? [];
    const candidates = unique(typeCandidates(types, site.value)).filter(
      (c) => !isValid(site.schema, c),
    );
    return fromCandidates(
      site,
      'type',
      candidates,
      (v) => `${show(v)} where ${types.join(' or ')} is expected`,
    );
  });
};

export const enumPlans: SitePlanner = (site) =>
  Array.isArray(site.schema.enum)
    ? here(site, 'enum', () =>
        fromCandidates(
          site,
          'enum',
          vettedOnce(site, 'enum', () => enumCandidates(site.schema.enum as unknown[])),
          (v) => `${show(v)} is not one of the documented values`,
        ),
      )
    : [];

export const constPlans: SitePlanner = (site) =>
  'const' in site.schema
    ? here(site, 'const', () =>
        fromCandidates(
          site,
          'const',
          vettedOnce(site, 'const', () => [...enumCandidates([site.schema.const]), null, 0, '']),
          (v) => `${show(v)} is not ${show(site.schema.const)}`,
        ),
      )
    : [];

export const patternPlans: SitePlanner = (site) =>
  typeof site.schema.pattern === 'string'
    ? here(site, 'pattern', () =>
        singleFault(
          site,
          'pattern',
          'pattern',
          patternCandidates(site.value),
          (v) => `${show(v)} does not match ${site.schema.pattern}`,
        ),
      )
    : [];

export const formatPlans: SitePlanner = (site) => {
  const format = site.schema.format;
  if (typeof format !== 'string' || !(typesOf(site.schema) ?? []).includes('string')) return [];
  return here(
    site,
    'format',
    () => {
      const usable = [
        ...unique(derivedFormatCandidates(format, site.value)).filter((c) =>
          breaksOnly(site.schema, 'format', c),
        ),
        ...vettedOnce(site, 'format', () => formatCandidates(format)),
      ];
      return fromCandidates(
        site,
        'format',
        unique(usable),
        (v) => `${show(v)} is not a valid ${format}`,
        format,
      );
    },
    format,
  );
};

export const lengthPlans: SitePlanner = (site) =>
  (['minLength', 'maxLength'] as const)
    .filter((k) => typeof site.schema[k] === 'number')
    .flatMap((k) =>
      here(site, k, () =>
        singleFault(
          site,
          k,
          k,
          lengthCandidates(site.schema, site.value, k),
          (v) => `${show(v)} breaks ${k} ${site.schema[k]}`,
        ),
      ),
    );

export const boundPlans: SitePlanner = (site) =>
  (['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'] as const)
    .filter((k) => typeof site.schema[k] === 'number')
    .flatMap((k) => {
      const kind = k.toLowerCase().includes('min') ? 'minimum' : 'maximum';
      return here(site, kind, () =>
        fromCandidates(
          site,
          kind,
          vettedOnce(site, k, () => boundCandidates(site.schema, k)),
          (v) => `${show(v)} breaks ${k} ${site.schema[k]}`,
        ),
      );
    });

export const itemCountPlans: SitePlanner = (site) => {
  const items = Array.isArray(site.value) ? site.value : [];
  const plans: Plan[] = [];
  const min = site.schema.minItems;
  if (typeof min === 'number' && min > 0) {
    plans.push(
      ...here(site, 'minItems', () =>
        singleFault(
          site,
          'minItems',
          'minItems',
          [items.slice(0, min - 1), []],
          (v) => `${(v as unknown[]).length} item(s) where at least ${min} are required`,
        ),
      ),
    );
  }
  const max = site.schema.maxItems;
  if (typeof max === 'number' && items.length > 0) {
    const longer = () => Array.from({ length: max + 1 }, (_, i) => items[i % items.length]);
    plans.push(
      ...here(site, 'maxItems', () =>
        singleFault(
          site,
          'maxItems',
          'maxItems',
          [longer()],
          (v) => `${(v as unknown[]).length} items where at most ${max} are allowed`,
        ),
      ),
    );
  }
  return plans;
};

export const additionalPropertyPlans: SitePlanner = (site) =>
  site.schema.additionalProperties === false && site.present && isRecord(site.value)
    ? here(site, 'additionalProperties', () =>
        singleFault(
          site,
          'additionalProperties',
          'additionalProperties',
          [{ ...(site.value as object), unexpectedProperty: 'x' }],
          () => `undocumented property 'unexpectedProperty' added`,
        ),
      )
    : [];

/** Every keyword family that can be broken on its own, one small planner each. */
export const SITE_PLANNERS: ReadonlyArray<SitePlanner> = [
  requiredPlans,
  typePlans,
  enumPlans,
  constPlans,
  patternPlans,
  formatPlans,
  lengthPlans,
  boundPlans,
  itemCountPlans,
  additionalPropertyPlans,
];
