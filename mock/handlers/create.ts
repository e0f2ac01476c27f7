import { forecastAtCreation } from '../../model/forecast-matrix';
import { FIELDS } from '../spec-fields';
import type { Handler } from '../types';
import { bodyViolations, rejectAny, rejectRule } from './common';
import { acceptOtherVocabulary, partnerIdOf, storedFields } from './write';

const CREATED = 201;

/** POST a new lead-opportunity: validate, refuse a reused partner id, apply defaults, store. */
export const createHandler: Handler = (ctx, state) => {
  const { op, owner } = ctx;
  let body = ctx.body;
  if (!state.faults.has('create-ignores-validation')) {
    if (state.faults.has('v1-accepts-v0-vocabulary'))
      body = acceptOtherVocabulary(state, op.version, body);
    const rejected = rejectAny(state, op, bodyViolations(op, body));
    if (rejected) return rejected;
  }

  const partnerId = partnerIdOf(body) ?? '';
  if (
    partnerId &&
    state.store.idOfPartnerId(owner, partnerId) &&
    !state.faults.has('duplicate-partner-id-accepted')
  ) {
    return rejectRule(state, op, {
      kind: 'duplicate-partner-id',
      pointer: `/body/${FIELDS.resource}/${FIELDS.partnerId}`,
      message: `${FIELDS.partnerId} ${partnerId} is already used`,
    });
  }

  const fields = storedFields(state, op, body);
  if (!state.faults.has('defaults-not-applied')) {
    for (const [name, value] of Object.entries(state.defaults(op.version))) {
      if (fields[name] === undefined) fields[name] = structuredClone(value);
    }
  }
  fields[FIELDS.forecastCategory] = forecastAtCreation(
    state.forecast,
    fields[FIELDS.status],
    fields[FIELDS.forecastCategory],
  );
  const id = state.newId();
  const now = new Date(state.now()).toISOString();
  Object.assign(fields, {
    [FIELDS.dsId]: id,
    [FIELDS.partnerId]: partnerId,
    [FIELDS.createdDate]: now,
    [FIELDS.modifiedDate]: now,
  });
  state.store.save({ owner, id, fields }, partnerId);

  const body201 = state.envelopes.success(op, CREATED, {
    top: { [FIELDS.dsId]: id, [FIELDS.partnerId]: partnerId },
  });
  const status = state.faults.has('create-returns-200') ? 200 : CREATED;
  return { status, body: body201, documentedStatus: CREATED };
};
