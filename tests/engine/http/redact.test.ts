import fc from 'fast-check';
import {
  assertNoSecret,
  keyHeaderOf,
  REDACTED,
  redactExchange,
  redactHeaders,
  redactRequest,
  redactResponse,
  scrubSecret,
} from '../../../engine/http/redact';
import type { HttpResponse } from '../../../model/exchange';
import { getSpec } from '../../../model';
import { curlFor } from '../../../engine/http/curl';
import {
  BASE_URL,
  exchanges,
  KEY_HEADER,
  SECOND_SECRET,
  SECRET,
  SECRETS,
} from '../../reporting/fixtures';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

test('the key header value becomes [REDACTED] whatever the header case', () => {
  const headers = { 'x-api-key': 'k1', 'X-API-KEY': 'k2', Accept: 'application/json' };
  expect(redactHeaders(headers, { keyHeader: KEY_HEADER })).toEqual({
    'x-api-key': REDACTED,
    'X-API-KEY': REDACTED,
    Accept: 'application/json',
  });
});

test('credential headers are redacted by name, even when no key is known', () => {
  const headers = {
    Authorization: 'Bearer abc',
    'Proxy-Authorization': 'Basic xyz',
    Cookie: 'session=1',
    'set-cookie': 'session=2; HttpOnly',
    'x-request-id': 'r-1',
  };
  expect(redactHeaders(headers, { keyHeader: KEY_HEADER })).toEqual({
    Authorization: REDACTED,
    'Proxy-Authorization': REDACTED,
    Cookie: REDACTED,
    'set-cookie': REDACTED,
    'x-request-id': 'r-1',
  });
});

test('other headers keep their value, with the key scrubbed out of it', () => {
  expect(
    redactHeaders({ 'x-echo': `got ${SECRET}!` }, { keyHeader: KEY_HEADER, secret: SECRET }),
  ).toEqual({ 'x-echo': `got ${REDACTED}!` });
});

test('redactExchange scrubs the key from bodies and echoed headers and leaves its input alone', () => {
  const original = exchanges()[0];
  const before = JSON.stringify(original);
  const redacted = redactExchange(original, { keyHeader: KEY_HEADER, secret: SECRET });
  expect(JSON.stringify(redacted)).not.toContain(JSON.stringify(SECRET).slice(1, -1));
  expect(redacted.request.headers['X-API-Key']).toBe(REDACTED);
  expect(redacted.request.body).toEqual({ comment: `contains ${REDACTED}` });
  expect(redacted.response?.headers['x-echo-key']).toBe(REDACTED);
  expect(redacted.response?.bytes).toBe(original.response?.bytes);
  expect(JSON.stringify(original)).toBe(before);
});

test('an exchange the target did not answer keeps its failure and gains no response', () => {
  const unanswered = exchanges()[4];
  const redacted = redactExchange(unanswered, { keyHeader: KEY_HEADER, secret: SECRET });
  expect('response' in redacted).toBe(false);
  expect(redacted.failure).toEqual({ kind: 'timeout', detail: 'no answer within 10000 ms' });
  expect(redacted.request.headers['X-API-Key']).toBe(REDACTED);
});

test("a response's new fields survive redaction, the key scrubbed out of them", () => {
  const response: HttpResponse = {
    status: 400,
    headers: { 'x-echo': SECRET },
    repeatedHeaders: { 'x-echo': [SECRET, 'other'] },
    text: `{"k":"${SECRET}`,
    bytes: 31,
    durationMs: 4,
    incomplete: { kind: 'truncated', detail: 'connection closed after 31 of 90 bytes' },
    invalidUtf8At: 12,
    jsonError: 'Unexpected end of JSON input',
  };
  expect(redactResponse(response, { keyHeader: KEY_HEADER, secret: SECRET })).toEqual({
    ...response,
    headers: { 'x-echo': REDACTED },
    repeatedHeaders: { 'x-echo': [REDACTED, 'other'] },
    text: `{"k":"${REDACTED}`,
  });
});

// Was a bug (engine/http/redact.ts): redactResponse redacted credential headers by name in
// `headers` only; a field the server sent twice (two Set-Cookie lines: the usual case) kept every
// value in `repeatedHeaders`, which summary.json carries in each failure's response.
it('a repeated credential header is redacted in repeatedHeaders too', () => {
  const response: HttpResponse = {
    status: 200,
    headers: { 'set-cookie': 'a=1, b=2' },
    repeatedHeaders: { 'set-cookie': ['a=1', 'b=2'] },
    text: '',
    bytes: 0,
    durationMs: 1,
  };
  const redacted = redactResponse(response, { keyHeader: KEY_HEADER });
  expect(JSON.stringify(redacted)).not.toContain('a=1');
});

test('redactRequest redacts the key header and scrubs the key from the query and raw body', () => {
  const request = {
    method: 'post',
    path: '/x',
    query: { token: SECRET },
    headers: { 'X-Api-Key': SECRET },
    rawBody: `{"key": "${SECOND_SECRET}"`,
  };
  let out = redactRequest(request, { keyHeader: KEY_HEADER, secret: SECRET });
  out = redactRequest(out, { keyHeader: KEY_HEADER, secret: SECOND_SECRET });
  expect(out).toEqual({
    method: 'post',
    path: '/x',
    query: { token: REDACTED },
    headers: { 'X-Api-Key': REDACTED },
    rawBody: `{"key": "${REDACTED}"`,
  });
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

test('scrubSecret also removes the key JSON-escaped, shell-escaped and URL-encoded', () => {
  const line = curlFor(
    BASE_URL,
    {
      method: 'POST',
      path: `/x/${encodeURIComponent(SECOND_SECRET)}`,
      query: { k: SECRET },
      headers: { 'x-echo': SECOND_SECRET },
      body: { a: SECRET, b: SECOND_SECRET },
    },
    KEY_HEADER,
  );
  const texts = {
    line,
    raw: JSON.stringify({ a: SECRET, b: SECOND_SECRET }),
    message: `got ${JSON.stringify(JSON.stringify({ a: SECRET }))}`,
  };
  let out = scrubSecret(texts, SECRET);
  out = scrubSecret(out, SECOND_SECRET);
  for (const text of Object.values(out)) {
    expect(text).not.toContain('9f3b');
    expect(text).not.toContain('4d1e');
  }
  expect(out.raw).toBe(`{"a":"${REDACTED}","b":"${REDACTED}"}`);
  // Still a line the shell reads: the cut is inside the quoted word.
  expect(out.line).toContain(`--data-raw '{"a":"${REDACTED}","b":"${REDACTED}"}'`);
  expect(out.line).toContain(`'x-echo: ${REDACTED}'`);
  expect(out.line).toContain(`/x/${REDACTED}?k=${REDACTED}`);
  for (const secret of SECRETS)
    for (const text of Object.values(out)) expect(() => assertNoSecret(text, secret)).not.toThrow();
});

test('scrubSecret with no key returns its input as is', () => {
  const value = { a: [SECRET] };
  expect(scrubSecret(value, undefined)).toBe(value);
  expect(scrubSecret(value, '')).toBe(value);
});

describe('assertNoSecret', () => {
  test('throws on the key in plain, JSON, URL, HTML, XML, markdown and shell encodings, naming only the file', () => {
    const forms = [
      `key=${SECRET}`,
      JSON.stringify({ k: SECRET }),
      `?k=${encodeURIComponent(SECRET)}`,
      `?k=${new URLSearchParams({ k: SECRET }).toString().slice(2)}`,
      '<td>sk-test-9f3b&amp;&lt;7c&quot;2e51</td>',
      'sk-test-9f3b&amp;\\<7c"2e51',
      // JSON inside XML: the quote escaped twice.
      '<failure>sk-test-9f3b&amp;&lt;7c\\&quot;2e51</failure>',
      // The second key has a single quote: as shellQuote writes it as a word of its own.
      `curl --data-raw 'sk-two-'\\''4d1e>&x'`,
    ];
    for (const [i, text] of forms.entries()) {
      const secret = i === forms.length - 1 ? SECOND_SECRET : SECRET;
      expect(() => assertNoSecret(text, secret, 'reports/x.html')).toThrow(
        'refusing to write reports/x.html: it contains the API key',
      );
    }
  });

  // Was a bug (engine/http/redact.ts): the shell form was only recognised as a whole word;
  // inside a longer quoted word (a JSON body in `--data-raw '...'`, the way curl lines carry a
  // body) a key with a single quote went through, and scrubSecret, which looked for the key
  // verbatim, missed it too (see write-reports.test.ts).
  it('throws on a key with a quote inside a longer shell-quoted word', () => {
    const line = `curl --data-raw '{"note":"sk-two-'\\''4d1e>&x"}'`;
    expect(() => assertNoSecret(line, SECOND_SECRET, 'reports/x.md')).toThrow(
      'refusing to write reports/x.md: it contains the API key',
    );
  });

  test('passes text without the key, and anything when no key is known', () => {
    expect(() => assertNoSecret(`header ${REDACTED}`, SECRET)).not.toThrow();
    expect(() => assertNoSecret(SECRET, undefined)).not.toThrow();
    expect(() => assertNoSecret(SECRET, '')).not.toThrow();
  });

  test('its error message never contains the key', () => {
    expect.assertions(2);
    try {
      assertNoSecret(SECRET, SECRET);
    } catch (err) {
      expect((err as Error).message).toBe('refusing to write report: it contains the API key');
      expect((err as Error).message).not.toContain(SECRET);
    }
  });
});

test('keyHeaderOf reads the key header from the spec security scheme', async () => {
  expect(keyHeaderOf(await getSpec())).toBe('X-API-Key');
  expect(() => keyHeaderOf({ securitySchemes: [] })).toThrow(
    'the spec declares no apiKey security scheme in a header',
  );
});
