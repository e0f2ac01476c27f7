import fc from 'fast-check';
import { createRandom, shapedLike, shapePattern } from '../../mock/random';
import { createRateLimiter } from '../../mock/rate-limit';
import { tableRows } from '../../model/forecast-matrix';
import { project } from '../../mock/projection';
import { createRouter } from '../../mock/routes';
import type { OperationModel } from '../../model';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

describe('shapedLike', () => {
  it('makes ids with the documented shape, reproducibly from a seed', () => {
    fc.assert(
      fc.property(fc.integer(), (s) => {
        const id = shapedLike('9YEL-Y3W56Q', createRandom(s));
        expect(id).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{6}$/);
        expect(id).toMatch(shapePattern('9YEL-Y3W56Q'));
        expect(shapedLike('9YEL-Y3W56Q', createRandom(s))).toBe(id);
      }),
      { seed, numRuns: 50 },
    );
  });

  it('keeps trace ids lowercase hex', () => {
    expect(shapedLike('3d29ece30a064ea68c3f5f4a9f785c6f', createRandom(7))).toMatch(
      /^[0-9a-f]{32}$/,
    );
  });
});

describe('fixed-window rate limiter', () => {
  it('counts down per key, refuses past the limit and reopens when the window ends', () => {
    const limiter = createRateLimiter({ limit: 3, windowSeconds: 10 });
    const t0 = 1_000_000;
    expect(limiter.hit('a', t0)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetSeconds: 10,
    });
    expect(limiter.hit('a', t0 + 1500)).toMatchObject({ remaining: 1, resetSeconds: 9 });
    expect(limiter.hit('b', t0 + 1500)).toMatchObject({ remaining: 2, allowed: true });
    expect(limiter.hit('a', t0 + 2000)).toMatchObject({ remaining: 0, allowed: true });
    expect(limiter.hit('a', t0 + 9999)).toMatchObject({
      remaining: 0,
      allowed: false,
      resetSeconds: 1,
    });
    expect(limiter.hit('a', t0 + 10_000)).toMatchObject({
      remaining: 2,
      allowed: true,
      resetSeconds: 10,
    });
  });

  it('never reports Remaining above Limit or a negative Reset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 60 }),
        (limit, windowSeconds, gaps) => {
          const limiter = createRateLimiter({ limit, windowSeconds });
          let t = 0;
          for (const gap of gaps) {
            t += gap;
            const s = limiter.hit('k', t);
            expect(s.remaining).toBeLessThanOrEqual(s.limit);
            expect(s.remaining).toBeGreaterThanOrEqual(0);
            expect(s.resetSeconds).toBeGreaterThanOrEqual(0);
            expect(s.resetSeconds).toBeLessThanOrEqual(windowSeconds);
          }
        },
      ),
      { seed, numRuns: 100 },
    );
  });
});

describe('tableRows', () => {
  const table = [
    '| status | default | values |',
    '| ------- | ------ | -----|',
    '| -3 Open | Upside | Safe/Commit |',
    '| Won | Won | Won (set by the system)|',
    '| Lost | Lost| Lost (set by the system)',
  ];
  const expected = [
    ['status', 'default', 'values'],
    ['-3 Open', 'Upside', 'Safe/Commit'],
    ['Won', 'Won', 'Won (set by the system)'],
    ['Lost', 'Lost', 'Lost (set by the system)'],
  ];

  it('reads a markdown table line by line', () => {
    expect(tableRows('Intro text:\n' + table.join('\n'))).toEqual(expected);
  });

  it('reads the same table folded into one line by YAML', () => {
    expect(tableRows('Intro text: ' + table.join(' '))).toEqual(expected);
  });
});

describe('project', () => {
  const schema = {
    type: 'object',
    required: ['kind'],
    properties: {
      name: { type: ['string', 'null'] },
      amount: { type: 'number' },
      kind: {
        type: 'string',
        enum: ['A', 'EMPTY'],
        'x-enumDescriptions': { A: 'A', EMPTY: 'Empty' },
      },
      contact: {
        type: ['array', 'null'],
        items: { type: 'object', properties: { email: { type: 'string' } } },
      },
    },
  };

  it('fills every nullable property with null and drops what the schema does not know', () => {
    expect(project(schema, { amount: 3, extra: 1 }, { fillNulls: true })).toEqual({
      name: null,
      amount: 3,
      kind: 'EMPTY',
      contact: null,
    });
  });

  it('maps the plural request list onto the singular read name', () => {
    const out = project(
      schema,
      { kind: 'A', contacts: [{ email: 'x@y', junk: true }] },
      { fillNulls: true },
    );
    expect(out).toMatchObject({ contact: [{ email: 'x@y' }] });
  });

  it('treats a wrong type or an unknown enum value as unknown, unless translated', () => {
    expect(project(schema, { amount: '3', kind: 'B' }, { fillNulls: false })).toEqual({});
    expect(project(schema, { kind: 'B' }, { fillNulls: false, translate: () => 'A' })).toEqual({
      kind: 'A',
    });
  });
});

describe('router', () => {
  const op = (
    operationId: string,
    method: OperationModel['method'],
    path: string,
  ): OperationModel => ({ operationId, method, path }) as OperationModel;
  const route = createRouter([
    op('read', 'get', '/r/v0/things/{id}'),
    op('update', 'patch', '/r/v0/things/{id}'),
    op('search', 'post', '/r/v0/things/search'),
  ]);

  it('prefers a literal segment over a parameter for the same method', () => {
    expect(route('POST', '/r/v0/things/search')).toMatchObject({
      kind: 'operation',
      op: { operationId: 'search' },
    });
    expect(route('GET', '/r/v0/things/search')).toMatchObject({
      kind: 'operation',
      pathParams: { id: 'search' },
    });
  });

  it('decodes path parameters, keeping a malformed escape as sent', () => {
    expect(route('GET', '/r/v0/things/A%20B')).toMatchObject({ pathParams: { id: 'A B' } });
    expect(route('GET', '/r/v0/things/%E0%A4%A')).toMatchObject({ pathParams: { id: '%E0%A4%A' } });
  });

  it('tells a wrong method (405, with what is allowed) from an unknown path (404)', () => {
    expect(route('DELETE', '/r/v0/things/1')).toEqual({
      kind: 'method-not-allowed',
      allow: ['GET', 'PATCH'],
    });
    expect(route('GET', '/r/v0/other')).toEqual({ kind: 'not-found' });
    expect(route('GET', '/r/v0/things/1/')).toEqual({ kind: 'not-found' });
  });
});
