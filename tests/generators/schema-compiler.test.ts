import fc from 'fast-check';
import { createAjv, UsageError } from '../../model';
import { arbitraryFromSchema, UnsupportedSchemaError } from '../../generators';
import { fcParams } from './helpers';

const ajv = createAjv();

/** Every value the compiled arbitrary produces is valid for ajv, configured as the model configures it. */
function expectAllValid(schema: Record<string, unknown>, runs = 300): unknown[] {
  const validate = ajv.compile(schema);
  const seen: unknown[] = [];
  fc.assert(
    fc.property(arbitraryFromSchema(schema), (value) => {
      seen.push(value);
      if (!validate(value))
        throw new Error(`${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`);
    }),
    fcParams(runs),
  );
  return seen;
}

describe('arbitraryFromSchema: one keyword family at a time', () => {
  it('type lists including null produce every listed type', () => {
    const seen = expectAllValid({ type: ['string', 'integer', 'null'] });
    expect(new Set(seen.map((v) => (v === null ? 'null' : typeof v)))).toEqual(
      new Set(['string', 'number', 'null']),
    );
  });

  it('enum and const produce only (and all) their values', () => {
    const members = ['LEAD_OPEN', 'QUALIFIED', 'WON'];
    expect(new Set(expectAllValid({ type: 'string', enum: members }))).toEqual(new Set(members));
    expect(new Set(expectAllValid({ const: 'fixed' }))).toEqual(new Set(['fixed']));
  });

  it('pattern with length bounds: currency-like codes', () => {
    const seen = expectAllValid({
      type: 'string',
      pattern: '^[A-Z]{3}$',
      minLength: 3,
      maxLength: 3,
    }) as string[];
    expect(new Set(seen).size).toBeGreaterThan(20);
  });

  it('formats date-time (UTC), date, email and uri', () => {
    const times = expectAllValid({ type: 'string', format: 'date-time' }) as string[];
    expect(times.every((t) => t.endsWith('Z'))).toBe(true);
    expectAllValid({ type: 'string', format: 'date' });
    expectAllValid({ type: 'string', format: 'email' });
    expectAllValid({ type: 'string', format: 'uri' });
    expectAllValid({ type: 'string', format: 'date-time', maxLength: 20 });
  });

  it('minLength and maxLength count code points, unicode included', () => {
    const seen = expectAllValid({ type: 'string', minLength: 2, maxLength: 4 }) as string[];
    expect(seen.some((s) => [...s].length === 2)).toBe(true);
    expect(seen.some((s) => [...s].length === 4)).toBe(true);
    expect(seen.some((s) => /\P{ASCII}/u.test(s))).toBe(true);
  });

  it('minimum, maximum and their exclusive forms, hitting the boundaries', () => {
    // A wide range: random draws alone would almost never land on the bounds.
    const ints = expectAllValid({ type: 'integer', minimum: 1, maximum: 1_000_000 }) as number[];
    expect(ints).toContain(1);
    expect(ints).toContain(1_000_000);
    expectAllValid({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 });
    expectAllValid({ type: 'integer', minimum: -5, multipleOf: 5 });
    const amounts = expectAllValid({ type: 'number' }) as number[];
    expect(amounts.some((a) => !Number.isInteger(a))).toBe(true);
  });

  it('minItems, maxItems and uniqueItems', () => {
    const arrays = expectAllValid({
      type: 'array',
      items: { type: 'integer', minimum: 0, maximum: 3 },
      minItems: 1,
      maxItems: 4,
      uniqueItems: true,
    }) as unknown[][];
    expect(arrays.some((a) => a.length === 1)).toBe(true);
    expect(arrays.some((a) => a.length === 4)).toBe(true);
    const optional = expectAllValid({ type: 'array', items: { type: 'string' } }) as unknown[][];
    expect(optional.some((a) => a.length === 0)).toBe(true);
  });

  it('required properties are always there, optional ones sometimes, undeclared ones never', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer' } },
      required: ['a'],
      additionalProperties: false,
    };
    const seen = expectAllValid(schema) as Array<Record<string, unknown>>;
    expect(seen.every((o) => 'a' in o)).toBe(true);
    expect(seen.some((o) => 'b' in o)).toBe(true);
    expect(seen.some((o) => !('b' in o))).toBe(true);
  });

  it('allOf is merged: properties, required lists and bounds of every branch hold together', () => {
    const seen = expectAllValid({
      allOf: [
        { type: 'object', properties: { id: { type: 'string', minLength: 2 } } },
        { type: 'object', properties: { id: { maxLength: 4 } }, required: ['id'] },
      ],
    }) as Array<{ id: string }>;
    expect(seen.every((o) => [...o.id].length >= 2 && [...o.id].length <= 4)).toBe(true);
  });

  it('anyOf: every branch is produced, merged with the schema around it', () => {
    const schema = {
      type: 'object',
      properties: { from: { type: 'string' }, ids: { type: 'array', items: { type: 'string' } } },
      anyOf: [{ required: ['from'] }, { required: ['ids'] }],
    };
    const seen = expectAllValid(schema) as Array<Record<string, unknown>>;
    expect(seen.some((o) => 'from' in o && !('ids' in o))).toBe(true);
    expect(seen.some((o) => 'ids' in o && !('from' in o))).toBe(true);
  });

  it('oneOf: values matching two branches are never produced', () => {
    expectAllValid({
      oneOf: [
        { type: 'string', maxLength: 5 },
        { type: 'string', minLength: 3 },
      ],
    });
    expectAllValid({ oneOf: [{ type: 'string' }, { type: 'null' }] });
  });

  it('nested objects and arrays', () => {
    expectAllValid({
      type: 'object',
      required: ['lines'],
      properties: {
        lines: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['sku'],
            properties: {
              sku: { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' },
              qty: { type: 'integer', minimum: 1 },
            },
          },
        },
      },
    });
  });

  it('annotations are ignored, not refused', () => {
    expectAllValid({
      type: 'string',
      title: 't',
      description: 'd',
      example: 'x',
      examples: ['y'],
      deprecated: true,
      default: 'z',
      readOnly: false,
      'x-enumDescriptions': {},
    });
  });

  it('uses the schema examples and realistic values for well-known property names', () => {
    const seen = fc.sample(arbitraryFromSchema({ type: 'string', example: 'OPPY-1004526' }), {
      seed: 1,
      numRuns: 300,
    });
    expect(seen).toContain('OPPY-1004526');
    const emails = fc.sample(arbitraryFromSchema({ type: 'string' }, { name: 'salesRepEmail' }), {
      seed: 1,
      numRuns: 300,
    });
    expect(
      emails.filter((e) => /^[a-z0-9._+-]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(e as string)).length,
    ).toBeGreaterThan(50);
  });

  it('draws from a pool when one is given for the property name, and refuses a pool with no valid value', () => {
    const pool = ['A1', 'B2'];
    const seen = fc.sample(
      arbitraryFromSchema(
        { type: 'string' },
        { name: 'offerNameId', pools: { offerNameId: pool } },
      ),
      { seed: 1, numRuns: 100 },
    );
    expect(new Set(seen)).toEqual(new Set(pool));
    expect(() =>
      arbitraryFromSchema(
        { type: 'string', minLength: 5 },
        { name: 'offerNameId', pools: { offerNameId: pool } },
      ),
    ).toThrow(UsageError);
  });
});

describe('arbitraryFromSchema: what it cannot honour is an error naming the schema pointer', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'an unknown validation keyword',
      { type: 'object', properties: { a: { not: { type: 'string' } } } },
      /#\/properties\/a\/not: keyword 'not' is not supported/,
    ],
    ['if/then/else', { if: { type: 'string' }, then: { minLength: 1 } }, /#\/if: keyword 'if'/],
    [
      'an unresolved $ref',
      { items: { $ref: '#/components/schemas/x' } },
      /#\/items\/\$ref: unresolved \$ref/,
    ],
    [
      'an unknown string format',
      { type: 'string', format: 'ipv9' },
      /#\/format: string format 'ipv9' is not supported/,
    ],
    [
      'conflicting allOf types',
      { allOf: [{ type: 'string' }, { type: 'integer' }] },
      /#\/allOf\/1\/type: allOf branches have no type in common/,
    ],
    [
      'an allOf whose closed branch excludes the other branch',
      {
        allOf: [{ properties: { a: {} }, additionalProperties: false }, { properties: { b: {} } }],
      },
      /#\/allOf\/1: allOf branch with additionalProperties: false excludes b/,
    ],
    [
      'a false schema',
      { properties: { a: false }, required: ['a'] },
      /#\/properties\/a: a false schema admits no value/,
    ],
    [
      'an unsatisfiable pattern and length',
      { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 2 },
      /#: cannot generate strings meeting pattern, format and length/,
    ],
  ];
  it.each(cases)('%s', (_what, schema, message) => {
    const attempt = () => arbitraryFromSchema(schema as Record<string, unknown>, { pointer: '#' });
    expect(attempt).toThrow(UnsupportedSchemaError);
    expect(attempt).toThrow(message);
  });

  it('a recursive (dereferenced, cyclic) schema', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node.properties as Record<string, unknown>).child = node;
    expect(() => arbitraryFromSchema(node, { pointer: '#/components/schemas/tree' })).toThrow(
      /#\/components\/schemas\/tree\/properties\/child: recursive schemas are not supported/,
    );
  });
});
