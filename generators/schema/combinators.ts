import fc from 'fast-check';
import { child } from '../../model';
import type { JsonSchema } from '../../model';
import { mergeAllOf } from './all-of';
import { UnsupportedSchemaError, type CompileContext, type SchemaObject } from './context';
import { isValid } from './validators';
import { canSatisfy } from './viable';

/**
 * `anyOf`/`oneOf` distributed over the schema around them: each branch is merged with its
 * parent (as if it were an allOf) and compiled; one branch is picked per value. For `oneOf`,
 * values that also match another branch are dropped, since they would break "exactly one".
 */
export function combinatorArbitrary(
  schema: SchemaObject,
  ctx: CompileContext,
): fc.Arbitrary<unknown> | undefined {
  const keyword = Array.isArray(schema.anyOf)
    ? 'anyOf'
    : Array.isArray(schema.oneOf)
      ? 'oneOf'
      : undefined;
  if (!keyword) return undefined;
  const branches = schema[keyword] as JsonSchema[];
  const { [keyword]: _dropped, ...rest } = schema;
  const arbitraries: fc.Arbitrary<unknown>[] = [];
  branches.forEach((branch, i) => {
    if (branch === false) return;
    const at = child(ctx.pointer, keyword, i);
    const merged = branch === true ? rest : mergeAllOf({ allOf: [rest, branch] }, at);
    let arb = ctx.compile(merged, { schemaPath: [keyword, i] });
    if (keyword === 'oneOf') {
      const exactlyThis = (value: unknown) =>
        branches.every((other, j) => (j === i) === isValid(other, value));
      if (!canSatisfy(arb, exactlyThis)) return;
      arb = arb.filter(exactlyThis);
    }
    arbitraries.push(arb);
  });
  if (arbitraries.length === 0) {
    throw new UnsupportedSchemaError(
      child(ctx.pointer, keyword),
      `no ${keyword} branch can be generated`,
    );
  }
  return arbitraries.length === 1 ? arbitraries[0] : fc.oneof(...arbitraries);
}
