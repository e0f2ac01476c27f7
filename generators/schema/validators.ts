import type Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import { createAjv } from '../../model';
import type { JsonSchema } from '../../model';

/**
 * One ajv, configured exactly like the model's, used to keep candidate values honest: examples
 * and pools are only mixed in when valid, and invalid candidates only kept when they break the
 * one keyword they are meant to break.
 */
let shared: Ajv2020 | undefined;
const compiled = new WeakMap<object, ValidateFunction>();
const byFormat = new Map<string, ValidateFunction>();

function ajv(): Ajv2020 {
  shared ??= createAjv();
  return shared;
}

export function validatorFor(schema: JsonSchema): ValidateFunction {
  if (typeof schema === 'boolean') return ajv().compile(schema);
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv().compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

export function isValid(schema: JsonSchema, value: unknown): boolean {
  return validatorFor(schema)(value) === true;
}

/** Whether `value` passes the named format (as the spec's ajv checks it). */
export function matchesFormat(format: string, value: string): boolean {
  let validate = byFormat.get(format);
  if (!validate) {
    validate = ajv().compile({ type: 'string', format });
    byFormat.set(format, validate);
  }
  return validate(value) === true;
}
