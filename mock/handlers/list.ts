import type { OperationModel, ParameterModel } from '../../model';
import { allowsType, asSchema } from '../../model/schema-access';
import { FIELDS } from '../spec-fields';
import type { Handler } from '../types';
import { violationsFromAjv, type Violation } from '../violations';
import { rejectAny } from './common';

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A query string value as the parameter's schema types it; left as text when it is not one. */
function typed(param: ParameterModel, raw: string): unknown {
  if (allowsType(param.schema, 'integer') && INTEGER_TEXT.test(raw)) return Number(raw);
  if (allowsType(param.schema, 'number') && NUMBER_TEXT.test(raw)) return Number(raw);
  if (allowsType(param.schema, 'boolean') && (raw === 'true' || raw === 'false'))
    return raw === 'true';
  return raw;
}

/** Query parameters validated by the model's validators, documented defaults filled in. */
export function queryValues(
  op: OperationModel,
  query: URLSearchParams,
): { values: Record<string, unknown>; violations: Violation[] } {
  const values: Record<string, unknown> = {};
  const violations: Violation[] = [];
  for (const param of op.parameters.filter((p) => p.in === 'query')) {
    const raw = query.get(param.name);
    const pointer = `/query/${param.name}`;
    if (raw === null) {
      if (param.required)
        violations.push({ kind: 'required', pointer, message: `${param.name} is required` });
      else values[param.name] = asSchema(param.schema)?.default;
      continue;
    }
    const value = typed(param, raw);
    if (param.validate(value)) values[param.name] = value;
    else {
      for (const v of violationsFromAjv(op, param.validate.errors, pointer, param.schema)) {
        violations.push({
          ...v,
          message: `${param.name}=${JSON.stringify(raw)}: ${v.message.replace(/^\/ /, '')}`,
        });
      }
    }
  }
  return { values, violations };
}

/** GET .../portfolio-items/search: a page of the catalogue, `skip` then `top`. */
export const listHandler: Handler = (ctx, state) => {
  const { op } = ctx;
  const catalogue = state.catalogue(op);
  const total = { [FIELDS.estimatedCount]: catalogue.length };
  const { values, violations } = queryValues(op, ctx.query);
  const rejected = rejectAny(state, op, violations, total);
  if (rejected) return rejected;
  const skip = typeof values[FIELDS.skip] === 'number' ? (values[FIELDS.skip] as number) : 0;
  const top =
    typeof values[FIELDS.top] === 'number' ? (values[FIELDS.top] as number) : catalogue.length;
  if (state.faults.has('paging-fails-deep-pages') && skip >= 100)
    return { status: 500, body: { message: 'Internal Server Error' } };
  const start = state.faults.has('paging-off-by-one') ? skip + 1 : skip;
  const page = catalogue.slice(start, start + top);
  return { status: 200, body: state.envelopes.success(op, 200, { data: page, info: total }) };
};
