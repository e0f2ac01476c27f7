import type { MediaModel, OperationModel } from '../../model';
import { roleOf, UsageError } from '../../model';
import { DESCRIPTION_RULES, ruleHook, type RuleContext } from '../rules';
import type { SchemaGeneratorOptions } from '../schema';
import type { GeneratorOptions } from '../types';

export function ruleContextOf(op: OperationModel, options: GeneratorOptions): RuleContext {
  return { role: roleOf(op), options };
}

/** The JSON body media of an operation, or an error when it has a body we cannot write. */
export function jsonBodyOf(op: OperationModel): MediaModel | undefined {
  if (!op.requestBody) return undefined;
  const json = op.requestBody.json;
  if (!json) {
    const types = op.requestBody.contents.map((c) => c.contentType).join(', ');
    throw new UsageError(
      `${op.operationId}: request body has no JSON media type (${types}); only JSON bodies are generated`,
    );
  }
  return json;
}

export function bodySchemaOptions(
  media: MediaModel,
  options: GeneratorOptions,
  ctx: RuleContext,
): SchemaGeneratorOptions {
  return {
    pointer: media.schemaPointer,
    pools: options.pools,
    maxExtraItems: options.maxExtraItems,
    longStrings: options.longStrings,
    complete: options.complete,
    hook: ruleHook(ctx, DESCRIPTION_RULES),
  };
}
