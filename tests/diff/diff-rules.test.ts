import { classify, diffDeprecated, type Change, type ChangeKind } from '../../analysis/diff';
import { CLASSIFIERS } from '../../analysis/diff/classify';
import { loadMini, type Doc } from '../lint/mini-spec';

async function changesAfter(edit: (doc: Doc) => void = () => {}): Promise<Change[]> {
  const diff = diffDeprecated(await loadMini(edit));
  expect(diff.pairs).toHaveLength(1);
  return diff.pairs[0].changes;
}

const find = (changes: Change[], kind: ChangeKind, path: string): Change | undefined =>
  changes.find((c) => c.kind === kind && c.path === path);

describe('deprecation diff on a hand-made spec', () => {
  it('pairs the deprecated operation with the successor its description names', async () => {
    const diff = diffDeprecated(await loadMini());
    expect(diff.pairs.map((p) => [p.v0.operationId, p.v1.operationId])).toEqual([
      ['createThing', 'createThing_v1'],
    ]);
    expect(diff.currentV0.map((o) => o.operationId)).toEqual(['searchThings']);
    expect(diff.unresolved).toEqual([]);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });

  it('request enum: removed values break, added values do not, both pointing at the enums', async () => {
    const changes = await changesAfter();
    expect(find(changes, 'enum-values-removed', 'kind')).toMatchObject({
      breaking: true,
      where: 'request',
      values: ['UPFRONT', 'RENTAL'],
      v0Pointer: '#/components/schemas/kind_v0/enum',
      v1Pointer: '#/components/schemas/kind/enum',
    });
    expect(find(changes, 'enum-values-added', 'kind')).toMatchObject({
      breaking: false,
      values: ['PxC', 'YxC'],
    });
  });

  it('request: newly required property breaks, new optional property does not', async () => {
    const changes = await changesAfter();
    expect(find(changes, 'required-added', 'kind')).toMatchObject({
      breaking: true,
      v1Pointer: '#/components/schemas/thing/required',
    });
    expect(find(changes, 'property-added', 'startDate')).toMatchObject({
      breaking: false,
      v1Pointer: '#/components/schemas/thing/properties/startDate',
    });
    expect(find(changes, 'property-added', 'startDate')?.message).toMatch(/optional .*date/);
  });

  it('format date-time -> date breaks, with pointers to both format keywords', async () => {
    const changes = await changesAfter((doc) => {
      doc.components.schemas.thing.properties.closeDate.format = 'date';
    });
    expect(find(changes, 'format-changed', 'closeDate')).toMatchObject({
      breaking: true,
      values: ['date-time', 'date'],
      v0Pointer: '#/components/schemas/thing_v0/properties/closeDate/format',
      v1Pointer: '#/components/schemas/thing/properties/closeDate/format',
    });
  });

  it('an unchanged schema shared by both versions yields no change', async () => {
    const changes = await changesAfter();
    expect(changes.filter((c) => c.where === 'response')).toEqual([]);
  });

  it('response side: removed property and widened type break, added enum values break a strict client', async () => {
    const changes = await changesAfter((doc) => {
      doc.components.schemas.created_v1 = {
        type: 'object',
        required: ['info'],
        properties: {
          info: doc.components.schemas.created.properties.info,
          kind: { $ref: '#/components/schemas/kind' },
          ref: { type: ['string', 'null'] },
        },
      };
      doc.components.schemas.created.properties.kind = { $ref: '#/components/schemas/kind_v0' };
      doc.components.schemas.created.properties.ref = { type: 'string' };
      doc.paths['/api/v1/things'].post.responses['201'].content['application/json'].schema.$ref =
        '#/components/schemas/created_v1';
    });
    const response = changes.filter((c) => c.where === 'response');
    expect(find(response, 'property-removed', 'id')).toMatchObject({
      breaking: true,
      status: '201',
    });
    expect(find(response, 'required-removed', 'id')).toBeUndefined();
    expect(find(response, 'type-widened', 'ref')).toMatchObject({
      breaking: true,
      values: [['string'], ['null', 'string']],
    });
    expect(find(response, 'enum-values-added', 'kind')).toMatchObject({ breaking: true });
    expect(find(response, 'enum-values-removed', 'kind')).toMatchObject({ breaking: false });
  });

  it('integer -> number widens, number -> integer narrows', async () => {
    const changes = await changesAfter((doc) => {
      doc.components.schemas.thing_v0.properties.amount = { type: 'integer' };
      doc.components.schemas.thing.properties.amount = { type: 'number' };
      doc.components.schemas.thing_v0.properties.count = { type: 'number' };
      doc.components.schemas.thing.properties.count = { type: 'integer' };
    });
    expect(find(changes, 'type-widened', 'amount')).toMatchObject({ breaking: false });
    expect(find(changes, 'type-narrowed', 'count')).toMatchObject({ breaking: true });
  });

  it('statuses, parameters and headers', async () => {
    const changes = await changesAfter((doc) => {
      const v1 = doc.paths['/api/v1/things'].post;
      v1.responses['406'] = { description: 'Not acceptable' };
      delete v1.responses['400'];
      delete v1.responses['201'].headers['X-RateLimit-Remaining'];
      v1.parameters = [
        { name: 'dryRun', in: 'query', required: true, schema: { type: 'boolean' } },
      ];
    });
    expect(find(changes, 'status-added', '406')).toMatchObject({
      breaking: false,
      where: 'response',
    });
    expect(find(changes, 'status-removed', '400')).toMatchObject({ breaking: false });
    expect(find(changes, 'header-removed', 'header X-RateLimit-Remaining')).toMatchObject({
      breaking: true,
      status: '201',
    });
    expect(find(changes, 'parameter-added', 'query.dryRun')).toMatchObject({
      breaking: true,
      where: 'request',
    });
  });

  it('no successor found: the deprecated operation is listed as unresolved, not paired', async () => {
    const diff = diffDeprecated(
      await loadMini((doc) => {
        doc.paths['/api/v0/things'].post.description = 'Use `/api/v9/things` instead.';
      }),
    );
    expect(diff.pairs).toEqual([]);
    expect(diff.unresolved.map((o) => o.operationId)).toEqual(['createThing']);
  });
});

describe('classification rules', () => {
  it('judge the request and the response side in opposite directions', () => {
    const both = (kind: ChangeKind): boolean[] =>
      (['request', 'response'] as const).map((where) => classify(kind, { where }).breaking);
    expect(both('enum-values-added')).toEqual([false, true]);
    expect(both('enum-values-removed')).toEqual([true, false]);
    expect(both('required-added')).toEqual([true, false]);
    expect(both('required-removed')).toEqual([false, true]);
    expect(both('type-narrowed')).toEqual([true, false]);
    expect(both('type-widened')).toEqual([false, true]);
    expect(both('constraint-tightened')).toEqual([true, false]);
    expect(both('format-changed')).toEqual([true, true]);
  });

  it('a new required property breaks a request, a new optional one does not', () => {
    expect(classify('property-added', { where: 'request', required: true }).breaking).toBe(true);
    expect(classify('property-added', { where: 'request', required: false }).breaking).toBe(false);
    expect(classify('property-added', { where: 'response', required: true }).breaking).toBe(false);
  });

  it('every rule gives a one-line rationale', () => {
    for (const [kind, rule] of Object.entries(CLASSIFIERS)) {
      for (const where of ['request', 'response'] as const) {
        const { rationale } = rule({ where, status: '200' });
        expect({ kind, rationale }).toEqual({
          kind,
          rationale: expect.stringMatching(/^[^\n]{10,}$/),
        });
      }
    }
  });
});
