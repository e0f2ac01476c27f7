import { isRecord } from '../../model/schema-access';
import { FIELDS } from '../spec-fields';
import type { Handler } from '../types';
import { bodyViolations, idParam, nonAsciiName, rejectAny, rejectRule, unknownId } from './common';
import { partnerIdOf, resourceOf, storedFields } from './write';

/** Members sent replace stored ones; an object member (customerLegalEntity) is merged. */
function merge(target: Record<string, unknown>, changes: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(changes)) {
    target[name] =
      isRecord(value) && isRecord(target[name]) ? { ...target[name], ...value } : value;
  }
}

/** PATCH: partial update of the caller's object; modifiedDate moves on. */
export const updateHandler: Handler = (ctx, state) => {
  const { op, owner } = ctx;
  const rejected = rejectAny(state, op, bodyViolations(op, ctx.body));
  if (rejected) return rejected;

  const nonAscii = nonAsciiName(state, op, ctx.body);
  if (nonAscii) return nonAscii;
  const { name, id } = idParam(op, ctx.pathParams);
  const stored = state.store.get(id);
  if (!stored || stored.owner !== owner) {
    if (state.faults.has('patch-unknown-id-500'))
      return { status: 500, body: { message: 'Internal Server Error' } };
    return unknownId(state, op, id, name);
  }

  const previousPartnerId = stored.fields[FIELDS.partnerId];
  const partnerId = partnerIdOf(ctx.body);
  const holder = partnerId ? state.store.idOfPartnerId(owner, partnerId) : undefined;
  if (holder !== undefined && holder !== id && !state.faults.has('duplicate-partner-id-accepted')) {
    return rejectRule(state, op, {
      kind: 'duplicate-partner-id',
      pointer: `/body/${FIELDS.resource}/${FIELDS.partnerId}`,
      message: `${FIELDS.partnerId} ${partnerId} is already used`,
    });
  }

  if (!state.faults.has('patch-lost-update')) {
    const changes = storedFields(state, op, ctx.body);
    if (state.faults.has('patch-ignores-lists')) {
      for (const key of Object.keys(changes))
        if (!(key in resourceOf(ctx.body))) delete changes[key];
    }
    merge(stored.fields, changes);
    if (!state.faults.has('patch-keeps-modified-date')) {
      stored.fields[FIELDS.modifiedDate] = new Date(state.now()).toISOString();
    }
    state.store.save(stored, stored.fields[FIELDS.partnerId], previousPartnerId);
  }
  const data = {
    [FIELDS.partnerId]: partnerId ?? stored.fields[FIELDS.partnerId] ?? '',
    [FIELDS.dsId]: id,
  };
  return { status: 200, body: state.envelopes.success(op, 200, { dataFields: data }) };
};
