import fc from 'fast-check';
import { getSpec } from './src/model';
import { validRequest, invalidRequest, requestFindings, invalidKindsOf } from './generators';
(async () => {
  const spec = await getSpec(process.env.SPEC ?? '/tmp/gen-spec/openapi.yaml');
  for (const op of spec.operations) {
    const t0 = Date.now();
    const samples = fc.sample(validRequest(spec, op, { idPrefix: 'DEV-' }), { seed: 1, numRuns: 300 });
    const bad = samples.map((s) => ({ s, f: requestFindings(op, s) })).filter((x) => x.f.length > 0);
    console.log(op.operationId, 'valid bad', bad.length, Date.now() - t0, 'ms');
    if (bad[0]) console.log(JSON.stringify(bad[0].f), JSON.stringify(bad[0].s).slice(0, 600));
    if (process.env.SHOW) console.log(JSON.stringify(samples[3]).slice(0, 1500));
    try { console.log(' kinds', invalidKindsOf(op).join(',')); } catch (e) { console.log(' kinds err', (e as Error).message); }
  }
})();
