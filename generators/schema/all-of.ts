import { isDeepStrictEqual } from 'node:util';
import { child } from '../../model';
import { isSchemaObject, UnsupportedSchemaError, type SchemaObject } from './context';
import { checkKeywords } from './keywords';

/**
 * Patterns beyond the first one, when `allOf` branches each bring one. A symbol key: it rides
 * along object spreads (hooks refine merged schemas with `{ ...schema }`) and is invisible to
 * keyword checks and to ajv.
 */
export const EXTRA_PATTERNS = Symbol('extraPatterns');

type Merger = (a: unknown, b: unknown, pointer: string) => unknown;

const larger: Merger = (a, b) => Math.max(a as number, b as number);
const smaller: Merger = (a, b) => Math.min(a as number, b as number);
const both: Merger = (a, b) => ({ allOf: [a, b] });

function mergeTypes(a: unknown, b: unknown, pointer: string): unknown {
  const list = (t: unknown): string[] => (Array.isArray(t) ? (t as string[]) : [t as string]);
  const left = list(a);
  const right = list(b);
  const keep = new Set<string>();
  for (const t of left) {
    if (right.includes(t)) keep.add(t);
    else if (t === 'integer' && right.includes('number')) keep.add('integer');
  }
  for (const t of right) if (t === 'integer' && left.includes('number')) keep.add('integer');
  if (keep.size === 0) {
    throw new UnsupportedSchemaError(
      pointer,
      `allOf branches have no type in common (${left} / ${right})`,
    );
  }
  return keep.size === 1 ? [...keep][0] : [...keep];
}

function mergeEnums(a: unknown, b: unknown, pointer: string): unknown {
  const common = (a as unknown[]).filter((x) =>
    (b as unknown[]).some((y) => isDeepStrictEqual(x, y)),
  );
  if (common.length === 0)
    throw new UnsupportedSchemaError(pointer, 'allOf branches have no enum value in common');
  return common;
}

function mustAgree(keyword: string): Merger {
  return (a, b, pointer) => {
    if (!isDeepStrictEqual(a, b)) {
      throw new UnsupportedSchemaError(pointer, `allOf branches disagree on '${keyword}'`);
    }
    return a;
  };
}

function mergeProperties(a: unknown, b: unknown): unknown {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [name, schema] of Object.entries(b as Record<string, unknown>)) {
    out[name] = name in out ? { allOf: [out[name], schema] } : schema;
  }
  return out;
}

const union: Merger = (a, b) => [...new Set([...(a as string[]), ...(b as string[])])];
const firstWins: Merger = (a) => a;

function mergeAdditional(a: unknown, b: unknown): unknown {
  if (a === false || b === false) return false;
  return both(a, b, '');
}

function onlyOne(keyword: string): Merger {
  return (_a, _b, pointer) => {
    throw new UnsupportedSchemaError(
      pointer,
      `'${keyword}' in more than one allOf branch is not supported`,
    );
  };
}

const MERGERS: Record<string, Merger> = {
  type: mergeTypes,
  enum: mergeEnums,
  const: mustAgree('const'),
  format: mustAgree('format'),
  multipleOf: mustAgree('multipleOf'),
  uniqueItems: (a, b) => a === true || b === true,
  minLength: larger,
  minItems: larger,
  minimum: larger,
  exclusiveMinimum: larger,
  maxLength: smaller,
  maxItems: smaller,
  maximum: smaller,
  exclusiveMaximum: smaller,
  required: union,
  properties: mergeProperties,
  items: both,
  additionalProperties: mergeAdditional,
  anyOf: onlyOne('anyOf'),
  oneOf: onlyOne('oneOf'),
  examples: (a, b) => [...(a as unknown[]), ...(b as unknown[])],
};

const propertyNames = (s: SchemaObject): string[] => Object.keys((s.properties as object) ?? {});

/**
 * `additionalProperties: false` in one branch forbids the properties only another branch
 * declares: such an allOf admits fewer objects than a merge would produce. Refused, not guessed.
 */
function checkClosedBranches(a: SchemaObject, b: SchemaObject, pointer: string): void {
  for (const [closed, other] of [
    [a, b],
    [b, a],
  ]) {
    if (closed.additionalProperties !== false) continue;
    const extra = propertyNames(other).filter((n) => !propertyNames(closed).includes(n));
    if (extra.length > 0) {
      throw new UnsupportedSchemaError(
        pointer,
        `allOf branch with additionalProperties: false excludes ${extra.join(', ')} declared by another branch`,
      );
    }
  }
}

function mergeTwo(target: SchemaObject, source: SchemaObject, pointer: string): SchemaObject {
  checkClosedBranches(target, source, pointer);
  const out: SchemaObject = { ...target };
  for (const [keyword, value] of Object.entries(source)) {
    if (!(keyword in out)) {
      out[keyword] = value;
    } else if (keyword === 'pattern') {
      if (out.pattern !== value) addPatterns(out, [value as string]);
    } else {
      out[keyword] = (MERGERS[keyword] ?? firstWins)(out[keyword], value, child(pointer, keyword));
    }
  }
  addPatterns(out, extraPatterns(source));
  return out;
}

const cache = new WeakMap<object, SchemaObject>();

/**
 * The schema with every (nested) `allOf` folded into one object, so each keyword family sees all
 * the constraints on a value at once. Keywords are checked on every branch before merging.
 */
export function mergeAllOf(schema: SchemaObject, pointer: string): SchemaObject {
  const cached = cache.get(schema);
  if (cached) return cached;
  checkKeywords(schema, pointer);
  let merged: SchemaObject;
  if (!Array.isArray(schema.allOf)) {
    merged = schema;
  } else {
    const { allOf, ...rest } = schema;
    merged = rest;
    (allOf as unknown[]).forEach((branch, i) => {
      const at = child(pointer, 'allOf', i);
      if (branch === true) return;
      if (!isSchemaObject(branch)) {
        throw new UnsupportedSchemaError(
          at,
          'a false (or non-object) allOf branch can never be satisfied',
        );
      }
      merged = mergeTwo(merged, mergeAllOf(branch, at), at);
    });
  }
  cache.set(schema, merged);
  return merged;
}

export function extraPatterns(schema: SchemaObject): string[] {
  return ((schema as Record<symbol, unknown>)[EXTRA_PATTERNS] as string[] | undefined) ?? [];
}

function addPatterns(schema: SchemaObject, patterns: string[]): void {
  if (patterns.length === 0) return;
  (schema as Record<symbol, unknown>)[EXTRA_PATTERNS] = [...extraPatterns(schema), ...patterns];
}
