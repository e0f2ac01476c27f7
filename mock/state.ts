import { roleOf, type SpecModel } from '../model';
import { buildCatalogue } from './catalogue';
import { creationDefaults } from '../model/creation-defaults';
import { createEnvelopes } from './envelope';
import type { FaultId } from './faults';
import { parseForecastRules } from '../model/forecast-matrix';
import { createRandom, shapedLike, type Random } from './random';
import { revenueTypes } from './revenue-types';
import { isRecord, propertiesOf } from '../model/schema-access';
import { indexSpec } from './spec-index';
import { FIELDS } from './spec-fields';
import { Store } from './store';
import type { MockOptions, MockState } from './types';

const FALLBACK_ID_SHAPE = 'XXXX-XXXXXX';

/** A Random whose sequence can start over (reset()) without rewiring its users. */
function resettableRandom(seed: number): Random & { restart(): void } {
  let inner = createRandom(seed);
  return {
    next: () => inner.next(),
    int: (n) => inner.int(n),
    pick: (items) => inner.pick(items),
    restart: () => (inner = createRandom(seed)),
  };
}

/** The documented shape of a new 3DS id: the 201 example's (`9YEL-Y3W56Q`). */
function idShape(spec: SpecModel): string {
  for (const op of spec.operations.filter((o) => roleOf(o) === 'create')) {
    for (const response of Object.values(op.responses)) {
      for (const example of response.json?.examples ?? []) {
        const id = isRecord(example.value) ? example.value[FIELDS.dsId] : undefined;
        if (typeof id === 'string' && id) return id;
      }
    }
  }
  return FALLBACK_ID_SHAPE;
}

/**
 * What the handlers share, read from the spec once: schemas, documented defaults and rules,
 * the store, the seeded randomness. `restart()` replays the randomness from the seed.
 */
export function createState(
  spec: SpecModel,
  options: MockOptions,
  faults: () => ReadonlySet<FaultId>,
): MockState & { restart(): void } {
  const now = options.clock ?? Date.now;
  const seed = options.seed ?? 1;
  const index = indexSpec(spec);
  const random = resettableRandom(seed);
  const store = new Store();
  const shape = idShape(spec);
  const defaultsByVersion = new Map<string, Record<string, unknown>>();
  const catalogues = new Map<string, unknown[]>();
  const createResource = propertiesOf(index.createBody(index.latest))[FIELDS.resource];

  return {
    index,
    store,
    envelopes: createEnvelopes(spec, () => now(), random),
    get faults() {
      return faults();
    },
    now: () => now(),
    random,
    restart: () => random.restart(),
    revenue: revenueTypes(index),
    forecast: parseForecastRules(
      propertiesOf(createResource)[FIELDS.forecastCategory],
      propertiesOf(createResource)[FIELDS.status],
    ),
    defaults(version) {
      let defaults = defaultsByVersion.get(version);
      if (!defaults) {
        defaults = creationDefaults(propertiesOf(index.createBody(version))[FIELDS.resource]);
        defaultsByVersion.set(version, defaults);
      }
      return defaults;
    },
    catalogue(op) {
      let items = catalogues.get(op.operationId);
      if (!items) {
        items = buildCatalogue(op, options.catalogueSize, seed);
        catalogues.set(op.operationId, items);
      }
      return items;
    },
    newId() {
      let id = shapedLike(shape, random);
      while (store.has(id)) id = shapedLike(shape, random);
      return id;
    },
  };
}
