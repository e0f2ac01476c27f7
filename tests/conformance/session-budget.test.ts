import { configFromEnv, resolveTarget } from '../../engine/config';
import { createSession } from '../../engine/session';
import type { HttpClient } from '../../engine/http/client';
import type { HttpResponse } from '../../model/exchange';
import type { SpecModel } from '../../model';

const spec = {
  securitySchemes: [{ name: 'ApiKeyAuth', type: 'apiKey', in: 'header', paramName: 'X-API-Key' }],
  servers: [{ name: 'qal', url: 'https://apigw-qal.3ds.com' }],
} as unknown as SpecModel;

function response(status: number, remaining: number, reset: number): HttpResponse {
  return {
    status,
    headers: {
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
    },
    text: '{}',
    body: {},
    durationMs: 1,
  };
}

function scripted(responses: HttpResponse[]) {
  const sentHeaders: Array<Record<string, string>> = [];
  const client: HttpClient = {
    baseUrl: 'https://apigw-qal.3ds.com',
    async send(req) {
      sentHeaders.push(req.headers);
      const next = responses.shift();
      if (!next) throw new Error('no more scripted responses');
      return next;
    },
  };
  return { client, sentHeaders };
}

function session(responses: HttpResponse[]) {
  const { client, sentHeaders } = scripted(responses);
  const waits: number[] = [];
  const s = createSession({
    spec,
    config: configFromEnv({}),
    target: resolveTarget('qal', spec.servers),
    client,
    apiKey: 'secret-key',
    sleep: async (ms) => void waits.push(ms),
  });
  return { s, waits, sentHeaders };
}

const req = { method: 'GET', path: '/x', headers: {} };

describe('the run budgets itself from the rate-limit headers', () => {
  it('waits for the window when Remaining reaches 0, before the next request', async () => {
    const { s, waits } = session([response(200, 0, 7), response(200, 9, 60)]);
    await s.send(req);
    expect(waits).toEqual([]);
    await s.send(req);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(6000);
    expect(waits[0]).toBeLessThanOrEqual(7000);
  });

  it('on a 429 waits for Reset and retries once', async () => {
    const { s, waits } = session([response(429, 0, 3), response(200, 9, 60)]);
    const result = await s.send(req);
    expect(result.kind).toBe('answered');
    expect(result.exchange?.response.status).toBe(200);
    expect(waits).toEqual([3000]);
  });

  it('marks a request inconclusive when it is still 429 after waiting', async () => {
    const { s } = session([response(429, 0, 3), response(429, 0, 3)]);
    const result = await s.send(req);
    expect(result).toMatchObject({
      kind: 'inconclusive',
      reason: expect.stringMatching(/still rate limited/),
    });
  });

  it('the exhaustion probe gets its 429 without waiting or retrying', async () => {
    const { s, waits } = session([response(429, 0, 3)]);
    const result = await s.send(req, { expectRateLimit: true });
    expect(result.exchange?.response.status).toBe(429);
    expect(waits).toEqual([]);
  });

  it('retries a 503 a bounded number of times', async () => {
    const { s, waits } = session([
      response(503, 5, 60),
      response(503, 4, 60),
      response(503, 3, 60),
    ]);
    const result = await s.send(req);
    expect(result.exchange?.response.status).toBe(503);
    expect(waits).toHaveLength(2);
  });

  it('sends the key in the spec header, and without it when asked', async () => {
    const { s, sentHeaders } = session([response(200, 9, 60), response(401, 9, 60)]);
    await s.send(req);
    await s.send(req, { apiKey: null });
    expect(sentHeaders[0]['X-API-Key']).toBe('secret-key');
    expect(sentHeaders[1]['X-API-Key']).toBeUndefined();
  });
});
