import fc from 'fast-check';
import { getSpec } from './src/model';
import { arbitraryFromSchema } from './generators';
(async () => {
  const spec = await getSpec('/tmp/gen-spec/openapi.yaml');
  const op = spec.operation('createLeadsOpportunities_v1');
  const body = op.requestBody!.json!.schema as any;
  const t = (name: string, schema: any) => {
    const arb = arbitraryFromSchema(schema);
    fc.sample(arb, { seed: 0, numRuns: 300 });
    const c = process.cpuUsage();
    fc.sample(arb, { seed: 1, numRuns: 5000 });
    const u = process.cpuUsage(c);
    console.log(name.padEnd(24), ((u.user + u.system) / 5000).toFixed(1), 'us');
  };
  t('warm', body); t('warm', body);
  for (const [k, v] of Object.entries(body.properties)) t(k, v);
  t('string plain', { type: 'string' });
  t('string name', body.properties.leadOpportunity.allOf[0].properties.name);
  t('closeDate', body.properties.leadOpportunity.allOf[0].properties.closeDate);
  t('currency', body.properties.leadOpportunity.allOf[0].properties.currency);
  t('status', body.properties.leadOpportunity.allOf[0].properties.status);
  t('nullable str', { type: ['string', 'null'] });
  t('amount', { type: 'number' });
  t('offerLine', body.properties.offerLines.items);
})();
