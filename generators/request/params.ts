import fc from 'fast-check';
import type { ParameterModel } from '../../model';
import { UsageError } from '../../model';
import {
  arbitraryFromSchema,
  canonicalJson,
  isSchemaObject,
  typesOf,
  type SchemaHook,
} from '../schema';
import type { GeneratorOptions } from '../types';

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * The typed value a server reads from a parameter's text, the way common frameworks coerce it:
 * numbers for numeric schemas, booleans for boolean ones, the text otherwise. `top=abc` stays the
 * string 'abc' (and fails `type: integer`), `top=1.5` becomes 1.5 (and fails it too).
 */
export function decodeParam(param: ParameterModel, raw: string): unknown {
  const types = isSchemaObject(param.schema) ? (typesOf(param.schema) ?? []) : [];
  if ((types.includes('integer') || types.includes('number')) && NUMERIC.test(raw))
    return Number(raw);
  if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/** Form-style serialisation of a value (arrays comma-separated: `explode: false`). */
export function serializeParam(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(serializeParam).join(',');
  if (value !== null && typeof value === 'object') return canonicalJson(value);
  return String(value);
}

/** Whether the text a value becomes reads back as the same value (so a mutation survives the URL). */
export function survivesSerialization(param: ParameterModel, value: unknown): boolean {
  const back = decodeParam(param, serializeParam(value));
  if (typeof value !== 'object' || value === null) return Object.is(back, value) || back === value;
  return canonicalJson(back) === canonicalJson(value);
}

/**
 * A path segment must stay one segment that a router matches: not empty (the route would
 * change) and not '.' or '..' (clients normalise those away before sending).
 */
export function isRoutableSegment(text: string): boolean {
  return text !== '' && text !== '.' && text !== '..';
}

function paramValue(
  param: ParameterModel,
  options: GeneratorOptions,
  hook: SchemaHook,
): fc.Arbitrary<string> {
  const arb = arbitraryFromSchema(param.schema, {
    pointer: param.schemaPointer,
    name: param.name,
    pools: options.pools,
    maxExtraItems: options.maxExtraItems,
    longStrings: options.longStrings,
    complete: options.complete,
    hook,
  });
  const types = isSchemaObject(param.schema) ? typesOf(param.schema) : undefined;
  // Strings are their own text; integers and booleans always read back the same.
  const text =
    types?.length === 1 && types[0] === 'string'
      ? (arb as fc.Arbitrary<string>)
      : types?.length === 1 && (types[0] === 'integer' || types[0] === 'boolean')
        ? arb.map(serializeParam)
        : arb.filter((v) => survivesSerialization(param, v)).map(serializeParam);
  return param.in === 'path' ? text.filter(isRoutableSegment) : text;
}

/** Path or query parameters as text: required ones always, optional ones sometimes. */
export function paramsArbitrary(
  params: ReadonlyArray<ParameterModel>,
  options: GeneratorOptions,
  hook: SchemaHook,
): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const p of params) model[p.name] = paramValue(p, options, hook);
  const required = params
    .filter((p) => p.required || p.in === 'path' || options.complete)
    .map((p) => p.name);
  // A read's one id: the value alone, the same draws fc.record makes, without its layers.
  if (params.length === 1 && required.length === 1) {
    const [name] = required;
    return model[name].map((value) => ({ [name]: value }));
  }
  return fc.record(model, { requiredKeys: required, noNullPrototype: true });
}

/** Header and cookie parameters are not carried by a RequestSample: refuse the required ones. */
export function checkSupportedParams(
  operationId: string,
  params: ReadonlyArray<ParameterModel>,
): void {
  const unsupported = params.find((p) => (p.in === 'header' || p.in === 'cookie') && p.required);
  if (unsupported) {
    throw new UsageError(
      `${operationId}: required ${unsupported.in} parameter '${unsupported.name}' (${unsupported.schemaPointer}) is not supported by the generators`,
    );
  }
}
