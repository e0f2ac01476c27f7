import fc from 'fast-check';
import type { OperationModel, ParameterModel, ViolationKind } from '../../src/model';
import { documentedOutcome, escapeSegment, UsageError, unescapeSegment } from '../../src/model';
import { ruleContextOf } from '../request/context';
import { decodeParam, isRoutableSegment, serializeParam, survivesSerialization } from '../request/params';
import { withValueAt } from '../request/pointer';
import { validRequestOf } from '../request/valid';
import { DESCRIPTION_RULES, type RuleContext } from '../rules';
import { jsonTypeOf, typeAllows, typesOf } from '../schema';
import { REMOVE, type GeneratorOptions, type InvalidSample, type RequestSample, type ValueMutation } from '../types';
import { walkValue, type ValueSite } from '../walk';
import { httpMutations } from './http-mutations';
import { SITE_MUTATORS } from './schema-mutations';
import type { RequestMutation } from './types';

/** The path from an enclosing site down to a pointer, as property names. */
function relativePath(from: string, to: string): string[] {
  return to.slice(from.length).split('/').filter(Boolean).map(unescapeSegment);
}

/** A description rule enclosing the change may have its own, documented, name for it. */
function relabelled(m: ValueMutation, site: ValueSite, ctx: RuleContext): ValueMutation {
  for (let s: ValueSite | undefined = site; s; s = s.parent) {
    for (const rule of DESCRIPTION_RULES) {
      if (!rule.relabel || !rule.appliesAt(s, ctx)) continue;
      const kind = rule.relabel(m.kind, relativePath(s.at, m.pointer), s);
      if (kind) return { ...m, kind };
    }
  }
  return m;
}

function siteMutations(site: ValueSite, ctx: RuleContext): ValueMutation[] {
  const out = SITE_MUTATORS.flatMap((mutate) => mutate(site));
  if (site.present) {
    for (const rule of DESCRIPTION_RULES) {
      if (rule.mutations && rule.appliesAt(site, ctx)) out.push(...rule.mutations(site.value, site.at, site));
    }
  }
  return out.map((m) => relabelled(m, site, ctx));
}

function bodyMutations(op: OperationModel, base: RequestSample, ctx: RuleContext): ValueMutation[] {
  const media = op.requestBody?.json;
  if (!media || base.body === undefined) return [];
  const out: ValueMutation[] = [];
  walkValue(media.schema, base.body, { at: '/body', pointer: media.schemaPointer }, (site) => out.push(...siteMutations(site, ctx)));
  return out;
}

/** Text that is not a number at all, for numeric parameters (`top=abc`). */
const NOT_NUMBERS = ['abc', 'ten'];

/** Parameter mutations as text: only changes that still mean the same thing after the URL. */
function paramMutations(op: OperationModel, base: RequestSample, ctx: RuleContext): ValueMutation[] {
  const out: ValueMutation[] = [];
  const params = op.parameters.filter((p): p is ParameterModel & { in: 'path' | 'query' } => p.in === 'path' || p.in === 'query');
  for (const p of params) {
    const values = p.in === 'path' ? base.pathParams : base.query;
    const raw = values[p.name];
    const at = `/${p.in}/${escapeSegment(p.name)}`;
    const sites: ValueSite[] = [];
    const where = { at, pointer: p.schemaPointer, present: raw !== undefined, propertyName: p.name };
    walkValue(p.schema, raw === undefined ? undefined : decodeParam(p, raw), where, (s) => sites.push(s));
    const root = sites[0];
    if (!root) continue;
    const fits = (v: unknown) => v !== REMOVE && survivesSerialization(p, v) && (p.in !== 'path' || isRoutableSegment(serializeParam(v)));
    for (const m of siteMutations(root, ctx)) {
      if (m.pointer !== at) continue;
      const usable = m.value.filter(fits).map(serializeParam);
      if (fc.sample(m.value, { seed: 1, numRuns: 20 }).some(fits)) out.push({ ...m, value: usable });
    }
    const types = typesOf(root.schema) ?? [];
    if (types.some((t) => t === 'integer' || t === 'number')) {
      const wrong = NOT_NUMBERS.filter((t) => !typeAllows(types, jsonTypeOf(decodeParam(p, t))));
      if (wrong.length > 0) out.push({ kind: 'type', pointer: at, value: fc.constantFrom(...wrong), describe: (v) => `${JSON.stringify(v)} is not a number` });
    }
    if (p.in === 'query' && p.required && raw !== undefined) {
      out.push({ kind: 'required', pointer: at, value: fc.constant(REMOVE), describe: () => `required query parameter '${p.name}' removed` });
    }
  }
  return out;
}

function asRequestMutation(base: RequestSample, m: ValueMutation): RequestMutation {
  return {
    kind: m.kind,
    pointer: m.pointer,
    format: m.format,
    apply: m.value.map((v) => ({ sample: withValueAt(base, m.pointer, v), reason: m.describe(v) })),
  };
}

export function mutationsOf(op: OperationModel, base: RequestSample, options: GeneratorOptions): RequestMutation[] {
  const ctx = ruleContextOf(op, options);
  const values = [...paramMutations(op, base, ctx), ...bodyMutations(op, base, ctx)].map((m) => asRequestMutation(base, m));
  const all = [...values, ...httpMutations(op, base)];
  return options.kinds ? all.filter((m) => options.kinds!.includes(m.kind)) : all;
}

/** Kind first, then place: rare kinds (one enum field) get as many samples as common ones (many required fields). */
function pickMutation(mutations: RequestMutation[]): fc.Arbitrary<RequestMutation> {
  const byKind = new Map<ViolationKind, RequestMutation[]>();
  for (const m of mutations) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
  return fc.constantFrom(...byKind.keys()).chain((k) => fc.constantFrom(...byKind.get(k)!));
}

const PROBE = { seed: 7, numRuns: 25 };

/** The kinds of single-fault invalid requests this operation admits (probed on a few valid requests). */
export function invalidKindsOf(op: OperationModel, options: GeneratorOptions = {}): ViolationKind[] {
  const kinds = new Set<ViolationKind>();
  for (const base of fc.sample(validRequestOf(op, options), PROBE)) {
    for (const m of mutationsOf(op, base, options)) kinds.add(m.kind);
  }
  return [...kinds];
}

/**
 * Requests that break exactly one rule, each labelled with the rule, the place, the documented
 * outcome and the valid request it was made from.
 */
export function invalidRequestOf(op: OperationModel, options: GeneratorOptions = {}): fc.Arbitrary<InvalidSample> {
  if (invalidKindsOf(op, options).length === 0) {
    const which = options.kinds ? ` of kind ${options.kinds.join(', ')}` : '';
    throw new UsageError(`${op.operationId}: no invalid request${which} can be made without server state (see unknownIdRequest)`);
  }
  return validRequestOf(op, options)
    .chain((base) => {
      const mutations = mutationsOf(op, base, options);
      if (mutations.length === 0) return fc.constant(null);
      return pickMutation(mutations).chain((m) =>
        m.apply.map(({ sample, reason }): InvalidSample => ({
          ...sample,
          violation: m.kind,
          pointer: m.pointer,
          expected: documentedOutcome(op, m.kind, m.pointer, m.format),
          reason: `${m.pointer}: ${reason}`,
          base,
        })),
      );
    })
    .filter((s): s is InvalidSample => s !== null);
}
