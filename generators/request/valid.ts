import fc from 'fast-check';
import type { OperationModel } from '../../model';
import { DESCRIPTION_RULES, ruleHook } from '../rules';
import { arbitraryFromSchema } from '../schema';
import type { GeneratorOptions, RequestSample } from '../types';
import { bodySchemaOptions, jsonBodyOf, ruleContextOf } from './context';
import { checkSupportedParams, paramsArbitrary } from './params';

/**
 * Requests a conforming server accepts: schema-valid parameters and body, keeping the rules the
 * spec's descriptions state (search window, criteria, UTC, unique partner ids).
 */
export function validRequestOf(
  op: OperationModel,
  options: GeneratorOptions = {},
): fc.Arbitrary<RequestSample> {
  checkSupportedParams(op.operationId, op.parameters);
  const ctx = ruleContextOf(op, options);
  const hook = ruleHook(ctx, DESCRIPTION_RULES);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const media = jsonBodyOf(op);
  // Only the parts the operation has are generated: every extra combinator costs on each request.
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  if (pathParams.length > 0) parts.pathParams = paramsArbitrary(pathParams, options, hook);
  if (queryParams.length > 0) parts.query = paramsArbitrary(queryParams, options, hook);
  if (media) {
    const body = arbitraryFromSchema(media.schema, bodySchemaOptions(media, options, ctx));
    parts.body = op.requestBody?.required ? body : fc.option(body, { nil: undefined });
  }
  const names = Object.keys(parts);
  // One part (a read's path, a listing's query): drawn alone, as fc.tuple would draw it.
  const drawn =
    names.length === 1
      ? parts[names[0]].map((value) => [value])
      : fc.tuple(...names.map((n) => parts[n]));
  return drawn.map((values) => {
    const got: Record<string, unknown> = {};
    names.forEach((n, i) => (got[n] = values[i]));
    const sample: RequestSample = {
      operationId: op.operationId,
      pathParams: (got.pathParams as Record<string, string> | undefined) ?? {},
      query: (got.query as Record<string, string> | undefined) ?? {},
    };
    if (got.body !== undefined && media) {
      sample.body = got.body;
      sample.contentType = media.contentType;
    }
    return sample;
  });
}
