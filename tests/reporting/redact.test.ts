import fc from 'fast-check';
import {
  assertNoSecret,
  keyHeaderOf,
  REDACTED,
  redactExchange,
  redactHeaders,
  scrubSecret,
} from '../../reporting';
import { getSpec } from '../../model';
import { exchanges, KEY_HEADER, SECRET } from './fixtures';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

test('the key header value becomes [REDACTED] whatever the header case', () => {
  const headers = { 'x-api-key': 'k1', 'X-API-KEY': 'k2', Accept: 'application/json' };
  expect(redactHeaders(headers, { keyHeader: KEY_HEADER })).toEqual({
    'x-api-key': REDACTED,
    'X-API-KEY': REDACTED,
    Accept: 'application/json',
  });
});

test('redactExchange scrubs the key from bodies and echoed headers and leaves its input alone', () => {
  const original = exchanges()[0];
  const before = JSON.stringify(original);
  const redacted = redactExchange(original, { keyHeader: KEY_HEADER, secret: SECRET });
  expect(JSON.stringify(redacted)).not.toContain(JSON.stringify(SECRET).slice(1, -1));
  expect(redacted.request.headers['X-API-Key']).toBe(REDACTED);
  expect(redacted.request.body).toEqual({ comment: `contains ${REDACTED}` });
  expect(redacted.response.headers['x-echo-key']).toBe(REDACTED);
  expect(JSON.stringify(original)).toBe(before);
});

test('scrubSecret removes every occurrence at any depth (property)', () => {
  const secret = 'k3y-Secret';
  const withSecret = fc.oneof(
    fc.string(),
    fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}${secret}${b}`),
  );
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      withSecret,
      fc.integer(),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(withSecret, tie('node'), { maxKeys: 3, noNullPrototype: true }),
    ),
  })).node;
  fc.assert(
    fc.property(tree, (value) => !JSON.stringify(scrubSecret(value, secret)).includes(secret)),
    { seed, numRuns: 200 },
  );
});

describe('assertNoSecret', () => {
  test('throws on the key in plain, JSON, URL, HTML and markdown encodings, naming only the file', () => {
    const forms = [
      `key=${SECRET}`,
      JSON.stringify({ k: SECRET }),
      `?k=${encodeURIComponent(SECRET)}`,
      '<td>sk-test-9f3b&amp;&lt;7c&quot;2e51</td>',
      'sk-test-9f3b&amp;\\<7c"2e51',
    ];
    for (const text of forms) {
      expect(() => assertNoSecret(text, SECRET, 'reports/x.html')).toThrow(
        'refusing to write reports/x.html: it contains the API key',
      );
    }
  });

  test('passes text without the key, and anything when no key is known', () => {
    expect(() => assertNoSecret(`header ${REDACTED}`, SECRET)).not.toThrow();
    expect(() => assertNoSecret(SECRET, undefined)).not.toThrow();
  });

  test('its error message never contains the key', () => {
    try {
      assertNoSecret(SECRET, SECRET);
    } catch (err) {
      expect((err as Error).message).not.toContain(SECRET);
    }
    expect.assertions(1);
  });
});

test('keyHeaderOf reads the key header from the spec security scheme', async () => {
  expect(keyHeaderOf(await getSpec())).toBe('X-API-Key');
  expect(() => keyHeaderOf({ securitySchemes: [] })).toThrow(/no apiKey security scheme/);
});
