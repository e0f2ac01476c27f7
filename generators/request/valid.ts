import fc from 'fast-check';
import type { OperationModel } from '../../src/model';
import { DESCRIPTION_RULES, ruleHook } from '../rules';
import { arbitraryFromSchema } from '../schema';
import type { GeneratorOptions, RequestSample } from '../types';
import { bodySchemaOptions, jsonBodyOf, ruleContextOf } from './context';
import { checkSupportedParams, paramsArbitrary } from './params';

/**
 * Requests a conforming server accepts: schema-valid parameters and body, keeping the rules the
 * spec's descriptions state (search window, criteria, UTC, unique partner ids).
 */
export function validRequestOf(op: OperationModel, options: GeneratorOptions = {}): fc.Arbitrary<RequestSample> {
  checkSupportedParams(op.operationId, op.parameters);
  const ctx = ruleContextOf(op, options);
  const hook = ruleHook(ctx, DESCRIPTION_RULES);
  const pathParams = paramsArbitrary(op.parameters.filter((p) => p.in === 'path'), options, hook);
  const query = paramsArbitrary(op.parameters.filter((p) => p.in === 'query'), options, hook);
  const media = jsonBodyOf(op);
  const bodyArb = media ? arbitraryFromSchema(media.schema, bodySchemaOptions(media, options, ctx)) : undefined;
  const body =
    bodyArb === undefined
      ? fc.constant(undefined)
      : op.requestBody?.required
        ? bodyArb
        : fc.option(bodyArb, { nil: undefined });
  return fc.tuple(pathParams, query, body).map(([pathParams, query, body]) => {
    const sample: RequestSample = { operationId: op.operationId, pathParams, query };
    if (body !== undefined && media) {
      sample.body = body;
      sample.contentType = media.contentType;
    }
    return sample;
  });
}
