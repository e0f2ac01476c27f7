import fc from 'fast-check';
import { getSpec } from './src/model';
import { validRequest, invalidRequest } from './generators';
(async () => {
  const spec = await getSpec(process.env.SPEC ?? '/tmp/gen-spec/openapi.yaml');
  const id = process.argv[2];
  const n = Number(process.argv[3] ?? 3);
  const arb = process.argv[4] === 'inv' ? invalidRequest(spec, id, { idPrefix: 'DEV-' }) : validRequest(spec, id, { idPrefix: 'DEV-' });
  for (const s of fc.sample(arb as fc.Arbitrary<any>, { seed: Number(process.env.SEED ?? 5), numRuns: n })) {
    const { base, ...rest } = s as any;
    console.log(JSON.stringify(rest));
  }
})();
