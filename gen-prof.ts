import fc from 'fast-check';
import { getSpec } from './src/model';
import { validRequest, requestFindings } from './generators';
(async () => {
  const spec = await getSpec('/tmp/gen-spec/openapi.yaml');
  for (const id of ['createLeadsOpportunities_v1', 'updateLeadOpportunitiesDetails', 'searchLeadsOpportunities']) {
    const op = spec.operation(id);
    const arb = validRequest(spec, op, { idPrefix: 'P-' });
    fc.sample(arb, { seed: 0, numRuns: 100 });
    let t = performance.now();
    const s = fc.sample(arb, { seed: 1, numRuns: 2000 });
    const gen = performance.now() - t;
    t = performance.now();
    for (const x of s) op.requestBody!.json!.validate(x.body);
    const ajv = performance.now() - t;
    t = performance.now();
    for (const x of s) requestFindings(op, x);
    const all = performance.now() - t;
    const size = s.reduce((a, x) => a + JSON.stringify(x.body).length, 0) / s.length;
    console.log(id, 'gen/2000', gen.toFixed(0), 'ajv', ajv.toFixed(0), 'findings', all.toFixed(0), 'avg bytes', size.toFixed(0));
  }
})();
