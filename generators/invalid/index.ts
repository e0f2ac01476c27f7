import fc from 'fast-check';
import type { OperationModel, ParameterModel, ViolationKind } from '../../model';
import { documentedOutcome, escapeSegment, UsageError, unescapeSegment } from '../../model';
import { ruleContextOf } from '../request/context';
import {
  decodeParam,
  isRoutableSegment,
  serializeParam,
  survivesSerialization,
} from '../request/params';
import { withValueAt } from '../request/pointer';
import { validRequestOf } from '../request/valid';
import { DESCRIPTION_RULES, type RuleContext } from '../rules';
import { jsonTypeOf, typeAllows, typesOf } from '../schema';
import {
  REMOVE,
  type GeneratorOptions,
  type InvalidSample,
  type RequestSample,
  type ValueMutation,
} from '../types';
import { walkValue, type ValueSite } from '../walk';
import { httpPlans } from './http-mutations';
import { SITE_PLANNERS } from './schema-mutations';
import type { Plan, RequestMutation } from './types';

/** The path from an enclosing site down to a pointer, as property names. */
function relativePath(from: string, to: string): string[] {
  return to.slice(from.length).split('/').filter(Boolean).map(unescapeSegment);
}

/** A description rule enclosing the change may have its own, documented, name for it. */
function labelOf(plan: Plan, site: ValueSite, ctx: RuleContext): ViolationKind {
  for (let s: ValueSite | undefined = site; s; s = s.parent) {
    for (const rule of DESCRIPTION_RULES) {
      if (!rule.relabel || !rule.appliesAt(s, ctx)) continue;
      const kind = rule.relabel(plan.kind, relativePath(s.at, plan.pointer), s);
      if (kind) return kind;
    }
  }
  return plan.kind;
}

/** The same plan under another kind, its mutation renamed alike. */
function renamed(plan: Plan, kind: ViolationKind): Plan {
  return {
    ...plan,
    kind,
    build: () => {
      const m = plan.build();
      return m && { ...m, kind };
    },
  };
}

function sitePlans(site: ValueSite, ctx: RuleContext): Plan[] {
  const plans = SITE_PLANNERS.flatMap((plan) => plan(site));
  if (site.present) {
    for (const rule of DESCRIPTION_RULES) {
      if (!rule.mutations || !rule.appliesAt(site, ctx)) continue;
      for (const m of rule.mutations(site.value, site.at, site)) {
        plans.push({ kind: m.kind, pointer: m.pointer, build: () => m });
      }
    }
  }
  return plans.map((p) => {
    const kind = labelOf(p, site, ctx);
    return kind === p.kind ? p : renamed(p, kind);
  });
}

function bodyPlans(op: OperationModel, base: RequestSample, ctx: RuleContext): Plan[] {
  const media = op.requestBody?.json;
  if (!media || base.body === undefined) return [];
  const out: Plan[] = [];
  walkValue(media.schema, base.body, { at: '/body', pointer: media.schemaPointer }, (site) =>
    out.push(...sitePlans(site, ctx)),
  );
  return out;
}

/** Text that is not a number at all, for numeric parameters (`top=abc`). */
const NOT_NUMBERS = ['abc', 'ten'];

/** Parameter mutations as text: only changes that still mean the same thing after the URL. */
function paramMutations(
  op: OperationModel,
  base: RequestSample,
  ctx: RuleContext,
): ValueMutation[] {
  const out: ValueMutation[] = [];
  const params = op.parameters.filter(
    (p): p is ParameterModel & { in: 'path' | 'query' } => p.in === 'path' || p.in === 'query',
  );
  for (const p of params) {
    const values = p.in === 'path' ? base.pathParams : base.query;
    const raw = values[p.name];
    const at = `/${p.in}/${escapeSegment(p.name)}`;
    const sites: ValueSite[] = [];
    const where = {
      at,
      pointer: p.schemaPointer,
      present: raw !== undefined,
      propertyName: p.name,
    };
    walkValue(p.schema, raw === undefined ? undefined : decodeParam(p, raw), where, (s) =>
      sites.push(s),
    );
    const root = sites[0];
    if (!root) continue;
    const fits = (v: unknown) =>
      v !== REMOVE &&
      survivesSerialization(p, v) &&
      (p.in !== 'path' || isRoutableSegment(serializeParam(v)));
    for (const plan of sitePlans(root, ctx)) {
      const m = plan.pointer === at ? plan.build() : undefined;
      // Only finite candidate lists are vetted here; rules do not mutate parameters.
      if (!m?.candidates) continue;
      const usable = m.candidates.filter(fits).map(serializeParam);
      if (usable.length > 0)
        out.push({ ...m, value: fc.constantFrom(...usable), candidates: usable });
    }
    const types = typesOf(root.schema) ?? [];
    if (types.some((t) => t === 'integer' || t === 'number')) {
      const wrong = NOT_NUMBERS.filter((t) => !typeAllows(types, jsonTypeOf(decodeParam(p, t))));
      if (wrong.length > 0)
        out.push({
          kind: 'type',
          pointer: at,
          value: fc.constantFrom(...wrong),
          describe: (v) => `${JSON.stringify(v)} is not a number`,
        });
    }
    if (p.in === 'query' && p.required && raw !== undefined) {
      out.push({
        kind: 'required',
        pointer: at,
        value: fc.constant(REMOVE),
        describe: () => `required query parameter '${p.name}' removed`,
      });
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

/** A planned change to a value, as a planned change to the whole request. */
function onRequest(base: RequestSample, plan: Plan): Plan<RequestMutation> {
  return {
    ...plan,
    build: () => {
      const m = plan.build();
      return m && { ...asRequestMutation(base, m), format: m.format ?? plan.format };
    },
  };
}

/** Every single-fault change this valid request admits, planned (built only when picked). */
export function plansOf(
  op: OperationModel,
  base: RequestSample,
  options: GeneratorOptions,
): Array<Plan<RequestMutation>> {
  const ctx = ruleContextOf(op, options);
  const params = paramMutations(op, base, ctx).map((m): Plan => ({
    kind: m.kind,
    pointer: m.pointer,
    format: m.format,
    build: () => m,
  }));
  const all = [
    ...[...params, ...bodyPlans(op, base, ctx)].map((p) => onRequest(base, p)),
    ...httpPlans(op, base),
  ];
  return options.kinds ? all.filter((p) => options.kinds!.includes(p.kind)) : all;
}

/** Kind first, then place: rare kinds (one enum field) get as many samples as common ones (many required fields). */
function pickPlan(plans: Array<Plan<RequestMutation>>): fc.Arbitrary<Plan<RequestMutation>> {
  const byKind = new Map<ViolationKind, Array<Plan<RequestMutation>>>();
  for (const p of plans) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  return fc.constantFrom(...byKind.keys()).chain((k) => fc.constantFrom(...byKind.get(k)!));
}

const PROBE = { seed: 7, numRuns: 25 };

/** The kinds of single-fault invalid requests this operation admits (probed on a few valid requests). */
export function invalidKindsOf(
  op: OperationModel,
  options: GeneratorOptions = {},
): ViolationKind[] {
  const kinds = new Set<ViolationKind>();
  for (const base of fc.sample(validRequestOf(op, options), PROBE)) {
    for (const p of plansOf(op, base, options))
      if (!kinds.has(p.kind) && p.build()) kinds.add(p.kind);
  }
  return [...kinds];
}

/**
 * Requests that break exactly one rule, each labelled with the rule, the place, the documented
 * outcome and the valid request it was made from.
 */
export function invalidRequestOf(
  op: OperationModel,
  options: GeneratorOptions = {},
): fc.Arbitrary<InvalidSample> {
  const kinds = invalidKindsOf(op, options);
  if (kinds.length === 0) {
    const which = options.kinds ? ` of kind ${options.kinds.join(', ')}` : '';
    throw new UsageError(
      `${op.operationId}: no invalid request${which} can be made without server state (see unknownIdRequest)`,
    );
  }
  // Kinds that never build on this operation would only cost retries.
  const usable = { ...options, kinds };
  return validRequestOf(op, options)
    .chain((base) => {
      const plans = plansOf(op, base, usable);
      if (plans.length === 0) return fc.constant(null);
      return pickPlan(plans).chain((plan) => {
        const m = plan.build();
        if (!m) return fc.constant(null);
        return m.apply.map(({ sample, reason }): InvalidSample => ({
          ...sample,
          violation: m.kind,
          pointer: m.pointer,
          expected: documentedOutcome(op, m.kind, m.pointer, m.format),
          reason: `${m.pointer}: ${reason}`,
          base,
        }));
      });
    })
    .filter((s): s is InvalidSample => s !== null);
}
