import fc from 'fast-check';
import { getSpec } from './src/model';
import { validRequest } from './generators';
(async () => {
  const spec = await getSpec('/tmp/gen-spec/openapi.yaml');
  for (const id of (process.argv[2] ?? 'createLeadsOpportunities_v1').split(',')) {
  const op = spec.operation(id);
  const arb = validRequest(spec, op, { idPrefix: 'P-' });
  fc.sample(arb, { seed: 0, numRuns: 300 });
  const c = process.cpuUsage();
  fc.sample(arb, { seed: 1, numRuns: 10000 });
  const u = process.cpuUsage(c);
  console.log(id, ((u.user + u.system) / 10000).toFixed(1), 'us cpu/sample');
  }
})();
