import { configFrom, DEFAULTS } from '../../engine/config';
import { runConformance } from '../../engine/run';
import type { FailureRecord } from '../../engine/summary';
import type { FaultId } from '../../mock';
import { getSpec, type JsonSchema } from '../../model';
import { skipLongWaits } from '../fixtures/sleep';

/*
 * A failure is reported as the smallest request that still fails the same way, found by sending
 * smaller candidates to the target within --shrink-budget extra requests. The mock is reached
 * in-process: the same exchanges as over HTTP (tests/engine/http/in-process.test.ts).
 */
const CREATE = 'createLeadsOpportunities_v1';
const SEEDS = [1, 2, 3];

async function shrunkFailure(fault: FaultId, seed: number, check: string): Promise<FailureRecord> {
  const raw = { seed: String(seed), operations: [CREATE] };
  const { summary } = await runConformance(
    configFrom(raw, (k) => k),
    {
      faults: [fault],
      transport: 'in-process',
      sleep: skipLongWaits,
    },
  );
  const failure = summary.failures.find((f) => f.check === check && f.shrunk);
  if (!failure) throw new Error(`seed ${seed}: no shrunk ${check} failure`);
  return failure;
}

/** Every string of a body, with its JSON pointer. */
function stringsOf(node: unknown, at = ''): Array<{ pointer: string; value: string }> {
  if (typeof node === 'string') return [{ pointer: at, value: node }];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => stringsOf(v, `${at}/${k}`));
}

/** A schema's required names and properties, its allOf parts merged in. */
function flattened(schema: JsonSchema): {
  required: Set<string>;
  properties: Record<string, JsonSchema>;
} {
  if (typeof schema !== 'object') return { required: new Set(), properties: {} };
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = { ...((schema.properties ?? {}) as Record<string, JsonSchema>) };
  for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) {
    const inner = flattened(part);
    inner.required.forEach((name) => required.add(name));
    Object.assign(properties, inner.properties);
  }
  return { required, properties };
}

/** Properties present that the schema does not require and that do not lead to `keep`. */
function optionalPresent(node: unknown, schema: JsonSchema, keep: string, at = ''): string[] {
  if (node === null || typeof node !== 'object' || typeof schema !== 'object') return [];
  if (Array.isArray(node))
    return node.flatMap((item, i) =>
      optionalPresent(item, (schema.items ?? {}) as JsonSchema, keep, `${at}/${i}`),
    );
  const { required, properties } = flattened(schema);
  return Object.entries(node).flatMap(([k, v]) => {
    const pointer = `${at}/${k}`;
    const needed = required.has(k) || keep === pointer || keep.startsWith(`${pointer}/`);
    return [
      ...(needed ? [] : [pointer]),
      ...optionalPresent(v, properties[k] ?? {}, keep, pointer),
    ];
  });
}

describe('shrinking through the target, within the default budget', () => {
  let bodySchema: JsonSchema;
  beforeAll(async () => {
    bodySchema = (await getSpec()).operation(CREATE).requestBody?.json?.schema as JsonSchema;
  });

  it.each(SEEDS)(
    'a crash on a long string shrinks to one field of 201 characters in the fewest fields the schema allows (seed %i)',
    async (seed) => {
      const failure = await shrunkFailure(
        'server-error-on-long-string',
        seed,
        'not_a_server_error',
      );
      const shrunk = failure.shrunk!;
      const long = stringsOf(shrunk.request.body).filter((s) => s.value.length > 200);
      expect(long.map((s) => s.value.length)).toEqual([201]);
      expect(optionalPresent(shrunk.request.body, bodySchema, long[0].pointer)).toEqual([]);
      expect(shrunk.to.fields).toBeLessThan(shrunk.from.fields);
      expect(shrunk.requests).toBeLessThanOrEqual(DEFAULTS.shrinkBudget);
    },
    120_000,
  );

  it.each(SEEDS)(
    'a rejected non-ASCII name shrinks to that one field holding one character (seed %i)',
    async (seed) => {
      const failure = await shrunkFailure(
        'non-ascii-name-rejected',
        seed,
        'positive_data_acceptance',
      );
      const shrunk = failure.shrunk!;
      const body = shrunk.request.body as { leadOpportunity: { name: string } };
      expect([...body.leadOpportunity.name]).toHaveLength(1);
      expect(body.leadOpportunity.name).toMatch(/[^ -~]/);
      const nonAscii = stringsOf(body).filter((s) => /[^ -~]/.test(s.value));
      expect(nonAscii.map((s) => s.pointer)).toEqual(['/leadOpportunity/name']);
      expect(optionalPresent(body, bodySchema, '/leadOpportunity/name')).toEqual([]);
      expect(shrunk.requests).toBeLessThanOrEqual(DEFAULTS.shrinkBudget);
    },
    120_000,
  );

  it('spends nothing with --shrink-budget 0, and reports the failure as found', async () => {
    const raw = { seed: '1', operations: [CREATE], shrinkBudget: '0' };
    const { summary } = await runConformance(
      configFrom(raw, (k) => k),
      {
        faults: ['server-error-on-long-string'],
        transport: 'in-process',
        sleep: skipLongWaits,
      },
    );
    const failure = summary.failures.find((f) => f.check === 'not_a_server_error');
    expect(failure).toBeDefined();
    expect(failure?.shrunk).toBeUndefined();
  }, 120_000);
});
