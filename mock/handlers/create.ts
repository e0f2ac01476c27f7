import { forecastAtCreation } from '../../model/forecast-matrix';
import { FIELDS } from '../spec-fields';
import type { Handler } from '../types';
import { bodyViolations, nonAsciiName, rejectAny, rejectRule } from './common';
import { acceptOtherVocabulary, partnerIdOf, storedFields } from './write';

const CREATED = 201;

/** POST a new lead-opportunity: validate, refuse a reused partner id, apply defaults, store. */
export const createHandler: Handler = (ctx, state) => {
  const { op, owner } = ctx;
  let body = ctx.body;
  if (!state.faults.has('create-ignores-validation')) {
    if (state.faults.has('v1-accepts-v0-vocabulary'))
      body = acceptOtherVocabulary(state, op.version, body);
    const violations = bodyViolations(op, body).filter(
      (v) =>
        !(
          state.faults.has('create-accepts-missing-partner-id') &&
          v.kind === 'required' &&
          v.pointer === `/body/${FIELDS.partnerLegalEntity}`
        ),
    );
    const rejected = rejectAny(state, op, violations);
    if (rejected) return rejected;
  }
  const nonAscii = nonAsciiName(state, op, body);
  if (nonAscii) return nonAscii;

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
  const sentForecast = fields[FIELDS.forecastCategory];
  fields[FIELDS.forecastCategory] = forecastAtCreation(
    state.forecast,
    fields[FIELDS.status],
    sentForecast,
  );
  const row = state.forecast.rows.get(String(fields[FIELDS.status]));
  if (state.faults.has('forecast-won-keeps-sent') && row?.systemSet && sentForecast !== undefined) {
    fields[FIELDS.forecastCategory] = sentForecast;
  }
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
