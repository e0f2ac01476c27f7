import request from 'supertest';
import { getSpec } from './src/model';
import { createMock } from './mock';
(async () => {
  const spec = await getSpec('/tmp/mock-dev/openapi.yaml');
  const mock = createMock(spec);
  const op = spec.operation('createLeadsOpportunities_v1');
  const big = JSON.stringify({ leadOpportunity: { name: 'x'.repeat(5 * 1024 * 1024) } });
  const res = await request(mock.app).post(op.path).set('X-API-Key', 'mock-api-key').set('Content-Type', 'application/json').send(big);
  console.log(res.status, res.text.slice(0, 300));
})();
