import { canonicalPointer, valueAt } from '../../model';
import { classify } from './classify';
import { shapeAt, type Located, type Shape } from './shape';
import type { Change, ChangeKind, Side } from './types';

type Json = Record<string, unknown>;

export interface SchemaDiffContext {
  doc: Json;
  where: Side;
  status?: string;
}

/** Bounds the walk on recursive schemas; this API nests five levels at most. */
const MAX_DEPTH = 32;

const list = (values: unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

function change(
  ctx: SchemaDiffContext,
  kind: ChangeKind,
  path: string,
  pointers: { v0?: string; v1?: string },
  message: string,
  extra: { values?: unknown[]; required?: boolean } = {},
): Change {
  const verdict = classify(kind, {
    where: ctx.where,
    status: ctx.status,
    required: extra.required,
  });
  return {
    kind,
    breaking: verdict.breaking,
    rationale: verdict.rationale,
    where: ctx.where,
    ...(ctx.status !== undefined ? { status: ctx.status } : {}),
    path,
    ...(pointers.v0 !== undefined ? { v0Pointer: pointers.v0 } : {}),
    ...(pointers.v1 !== undefined ? { v1Pointer: pointers.v1 } : {}),
    ...(extra.values !== undefined ? { values: extra.values } : {}),
    message: `${path}: ${message}`,
  };
}

/** Every type in `a` is accepted by `b` (an integer is a number). */
const subset = (a: string[], b: string[]): boolean =>
  a.every((x) => b.includes(x) || (x === 'integer' && b.includes('number')));

function typeChanges(ctx: SchemaDiffContext, path: string, a: Shape, b: Shape): Change[] {
  const [t0, t1] = [a.types, b.types];
  if (!t0 && !t1) return [];
  if (t0 && t1 && t0.value.join() === t1.value.join()) return [];
  const pointers = { v0: t0?.pointer, v1: t1?.pointer };
  const shown = `${t0 ? t0.value.join('|') : 'any'} -> ${t1 ? t1.value.join('|') : 'any'}`;
  const values = [t0?.value ?? null, t1?.value ?? null];
  // No type keyword means any type.
  if (!t0) return [change(ctx, 'type-narrowed', path, pointers, `type ${shown}`, { values })];
  if (!t1) return [change(ctx, 'type-widened', path, pointers, `type ${shown}`, { values })];
  const kind: ChangeKind = subset(t1.value, t0.value)
    ? 'type-narrowed'
    : subset(t0.value, t1.value)
      ? 'type-widened'
      : 'type-changed';
  return [change(ctx, kind, path, pointers, `type ${shown}`, { values })];
}

function formatChanges(ctx: SchemaDiffContext, path: string, a: Shape, b: Shape): Change[] {
  const [f0, f1] = [a.format, b.format];
  if (f0?.value === f1?.value) return [];
  const pointers = { v0: f0?.pointer, v1: f1?.pointer };
  const values = [f0?.value ?? null, f1?.value ?? null];
  if (!f0)
    return [change(ctx, 'format-added', path, pointers, `format ${f1?.value} added`, { values })];
  if (!f1)
    return [
      change(ctx, 'format-removed', path, pointers, `format ${f0.value} removed`, { values }),
    ];
  return [
    change(ctx, 'format-changed', path, pointers, `format ${f0.value} -> ${f1.value}`, { values }),
  ];
}

function enumChanges(ctx: SchemaDiffContext, path: string, a: Shape, b: Shape): Change[] {
  const [e0, e1] = [a.enum, b.enum];
  if (!e0 && !e1) return [];
  const pointers = { v0: e0?.pointer, v1: e1?.pointer };
  if (!e0)
    return [
      change(ctx, 'enum-added', path, pointers, `restricted to ${list(e1!.value)}`, {
        values: e1!.value,
      }),
    ];
  if (!e1)
    return [
      change(ctx, 'enum-removed', path, pointers, `no longer restricted to ${list(e0.value)}`, {
        values: e0.value,
      }),
    ];
  const key = (v: unknown): string => JSON.stringify(v);
  const removed = e0.value.filter((v) => !e1.value.map(key).includes(key(v)));
  const added = e1.value.filter((v) => !e0.value.map(key).includes(key(v)));
  const out: Change[] = [];
  if (removed.length)
    out.push(
      change(ctx, 'enum-values-removed', path, pointers, `enum values removed: ${list(removed)}`, {
        values: removed,
      }),
    );
  if (added.length)
    out.push(
      change(ctx, 'enum-values-added', path, pointers, `enum values added: ${list(added)}`, {
        values: added,
      }),
    );
  return out;
}

/** Keywords where a bigger value accepts less. */
const LOWER_BOUNDS = new Set([
  'minLength',
  'minimum',
  'exclusiveMinimum',
  'minItems',
  'minProperties',
]);
const UPPER_BOUNDS = new Set([
  'maxLength',
  'maximum',
  'exclusiveMaximum',
  'maxItems',
  'maxProperties',
]);

/** Does going from `before` to `after` for `keyword` accept fewer instances? */
function tightens(
  keyword: string,
  before: Located<unknown> | undefined,
  after: Located<unknown> | undefined,
): boolean {
  if (!before) return after !== undefined && !(keyword === 'uniqueItems' && after.value === false);
  if (!after) return false;
  if (LOWER_BOUNDS.has(keyword)) return Number(after.value) > Number(before.value);
  if (UPPER_BOUNDS.has(keyword)) return Number(after.value) < Number(before.value);
  if (keyword === 'uniqueItems') return after.value === true;
  // pattern, multipleOf, const: a different value is not comparable; assume the worst.
  return true;
}

function constraintChanges(ctx: SchemaDiffContext, path: string, a: Shape, b: Shape): Change[] {
  const keywords = new Set([...a.constraints.keys(), ...b.constraints.keys()]);
  const out: Change[] = [];
  for (const keyword of keywords) {
    const [c0, c1] = [a.constraints.get(keyword), b.constraints.get(keyword)];
    if (JSON.stringify(c0?.value) === JSON.stringify(c1?.value)) continue;
    const kind: ChangeKind = tightens(keyword, c0, c1)
      ? 'constraint-tightened'
      : 'constraint-loosened';
    const shown = `${keyword} ${c0 ? JSON.stringify(c0.value) : 'none'} -> ${c1 ? JSON.stringify(c1.value) : 'none'}`;
    out.push(
      change(ctx, kind, path, { v0: c0?.pointer, v1: c1?.pointer }, shown, {
        values: [c0?.value ?? null, c1?.value ?? null],
      }),
    );
  }
  return out;
}

function defaultChanges(ctx: SchemaDiffContext, path: string, a: Shape, b: Shape): Change[] {
  const [d0, d1] = [a.default, b.default];
  if (JSON.stringify(d0?.value) === JSON.stringify(d1?.value)) return [];
  const shown = `default ${d0 ? JSON.stringify(d0.value) : 'none'} -> ${d1 ? JSON.stringify(d1.value) : 'none'}`;
  const kind: ChangeKind = !d0 ? 'default-added' : !d1 ? 'default-removed' : 'default-changed';
  return [
    change(ctx, kind, path, { v0: d0?.pointer, v1: d1?.pointer }, shown, {
      values: [d0?.value ?? null, d1?.value ?? null],
    }),
  ];
}

const join = (path: string, name: string): string => (path ? `${path}.${name}` : name);

interface Walk {
  ctx: SchemaDiffContext;
  seen: Set<string>;
}

function propertyChanges(w: Walk, path: string, a: Shape, b: Shape, depth: number): Change[] {
  const { ctx } = w;
  const out: Change[] = [];
  for (const [name, p0] of a.properties) {
    const p1 = b.properties.get(name);
    const at = join(path, name);
    if (!p1) {
      out.push(
        change(
          ctx,
          'property-removed',
          at,
          { v0: p0, v1: b.propertiesPointer },
          'property removed',
        ),
      );
      continue;
    }
    const [r0, r1] = [a.required.get(name), b.required.get(name)];
    if (!r0 && r1) out.push(change(ctx, 'required-added', at, { v0: p0, v1: r1 }, 'now required'));
    if (r0 && !r1)
      out.push(change(ctx, 'required-removed', at, { v0: r0, v1: p1 }, 'no longer required'));
    out.push(...diffAt(w, p0, p1, at, depth + 1));
  }
  for (const [name, p1] of b.properties) {
    if (a.properties.has(name)) continue;
    const required = b.required.has(name);
    const shape = shapeAt(ctx.doc, p1);
    const described = [shape.types?.value.join('|'), shape.format?.value]
      .filter(Boolean)
      .join(', ');
    out.push(
      change(
        ctx,
        'property-added',
        join(path, name),
        { v0: a.propertiesPointer, v1: p1 },
        `${required ? 'required' : 'optional'} property added${described ? ` (${described})` : ''}`,
        { required },
      ),
    );
  }
  return out;
}

/** True when the node is a bare `$ref` or has none: its canonical pointer says all about it. */
function isPlain(doc: Json, pointer: string): boolean {
  const node = valueAt(doc, pointer);
  if (typeof node !== 'object' || node === null || !('$ref' in node)) return true;
  return Object.keys(node).length === 1;
}

function sameSchema(doc: Json, v0: string, v1: string): boolean {
  if (v0 === v1) return true;
  return (
    canonicalPointer(doc, v0) === canonicalPointer(doc, v1) && isPlain(doc, v0) && isPlain(doc, v1)
  );
}

function diffAt(w: Walk, v0: string, v1: string, path: string, depth: number): Change[] {
  // One schema on both sides (and no local keyword next to a $ref): nothing can differ below.
  if (sameSchema(w.ctx.doc, v0, v1) || depth > MAX_DEPTH) return [];
  const key = `${v0} ${v1}`;
  if (w.seen.has(key)) return [];
  w.seen.add(key);
  const [a, b] = [shapeAt(w.ctx.doc, v0), shapeAt(w.ctx.doc, v1)];
  const shown = path || '(body)';
  const out = [
    ...typeChanges(w.ctx, shown, a, b),
    ...formatChanges(w.ctx, shown, a, b),
    ...enumChanges(w.ctx, shown, a, b),
    ...constraintChanges(w.ctx, shown, a, b),
    ...defaultChanges(w.ctx, shown, a, b),
    ...propertyChanges(w, path, a, b, depth),
  ];
  if (a.items && b.items) out.push(...diffAt(w, a.items, b.items, `${path}[]`, depth + 1));
  return out;
}

/**
 * Structural differences between the schema at `v0Pointer` and the one at `v1Pointer` (pointers
 * into the parsed document), each classified for a partner moving from v0 to v1.
 */
export function diffSchemas(
  ctx: SchemaDiffContext,
  v0Pointer: string,
  v1Pointer: string,
  path = '',
): Change[] {
  return diffAt({ ctx, seen: new Set() }, v0Pointer, v1Pointer, path, 0);
}
