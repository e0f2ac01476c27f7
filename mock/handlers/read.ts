import { project } from '../projection';
import { enumOf, isRecord, type SchemaObject } from '../../model/schema-access';
import { FIELDS } from '../spec-fields';
import type { Handler, MockState } from '../types';
import { idParam, unknownId } from './common';

const sameMembers = (a: unknown[] | undefined, b: unknown[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/** The stored object in `version`'s read shape: every property, null where unknown. */
export function renderForRead(
  state: MockState,
  version: string,
  fields: Record<string, unknown>,
): unknown {
  const leak = state.faults.has('v0-read-leaks-v1-values');
  const revenueSchema = state.index.readRevenueType(version);
  const revenueMembers = enumOf(revenueSchema);
  const translate = (schema: SchemaObject, value: unknown): unknown => {
    // Only revenue types have another vocabulary; anything else outside its enum is dropped.
    if (typeof value !== 'string' || !sameMembers(enumOf(schema), revenueMembers)) return undefined;
    return leak ? value : state.revenue.forRead(version, value);
  };
  return project(state.index.readResource(version), fields, { fillNulls: true, translate });
}

/** What the get-breaks-schema fault does: amounts as strings, a lowercase currency. */
function breakSchema(rendered: unknown): void {
  if (!isRecord(rendered)) return;
  const lines = rendered[FIELDS.offerLines];
  if (Array.isArray(lines)) {
    for (const line of lines)
      if (isRecord(line)) line[FIELDS.amount] = String(line[FIELDS.amount] ?? 0);
  }
  if (typeof rendered[FIELDS.currency] === 'string') {
    rendered[FIELDS.currency] = (rendered[FIELDS.currency] as string).toLowerCase();
  }
}

/** GET one lead-opportunity; another key's object is as unknown as a missing one. */
export const readHandler: Handler = (ctx, state) => {
  const { op, owner } = ctx;
  const { name, id } = idParam(op, ctx.pathParams);
  const stored = state.store.get(id);
  if (!stored || (stored.owner !== owner && !state.faults.has('read-ignores-owner'))) {
    return unknownId(state, op, id, name);
  }
  const rendered = renderForRead(state, op.version, stored.fields);
  if (state.faults.has('get-breaks-schema')) breakSchema(rendered);
  if (state.faults.has('read-drops-field') && isRecord(rendered)) delete rendered[FIELDS.currency];
  return {
    status: 200,
    body: state.envelopes.success(op, 200, { data: { [FIELDS.resource]: rendered } }),
  };
};
