import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { curlFor, KEY_ENV_VAR, shellQuote } from '../../../engine/http/curl';
import { REDACTED } from '../../../engine/http/redact';
import type { HttpRequest } from '../../../model/exchange';
import { BASE_URL, KEY_HEADER, SECRET } from '../../reporting/fixtures';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

/** Runs `script` in sh with a `curl` stub that prints each argument NUL-terminated. */
function argsOf(script: string, env: Record<string, string> = {}): string[] {
  const stub = 'curl() { for a in "$@"; do printf "%s\\0" "$a"; done; }';
  const run = spawnSync('sh', ['-c', `${stub}\n${script}`], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`sh failed: ${run.stderr}`);
  return run.stdout.split('\0').slice(0, -1);
}

test('shellQuote: the shell reads back exactly the original word (property)', () => {
  const word = fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/\0/g, ''));
  fc.assert(
    fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), (words) => {
      const script = `curl ${words.map(shellQuote).join(' ')}`;
      expect(argsOf(script)).toEqual(words);
    }),
    { seed, numRuns: 25 },
  );
});

const post: HttpRequest = {
  method: 'post',
  path: '/sales/api4partners/v1/leads-opportunities',
  query: { q: "it's $HOME & `x`" },
  headers: { [KEY_HEADER]: REDACTED, Accept: 'application/json' },
  body: { note: 'O\'Brien $(rm -rf /) "quoted"' },
};

test('the curl line sends the request as recorded, the key read from $API4PARTNERS_API_KEY', () => {
  const line = curlFor(BASE_URL, post, KEY_HEADER);
  expect(line).toContain('"X-API-Key: $API4PARTNERS_API_KEY"');
  const args = argsOf(line, { API4PARTNERS_API_KEY: 'the-real-key' });
  expect(args).toEqual([
    '-sS',
    '-i',
    '-X',
    'POST',
    `${BASE_URL}/sales/api4partners/v1/leads-opportunities?q=it%27s+%24HOME+%26+%60x%60`,
    '-H',
    'X-API-Key: the-real-key',
    '-H',
    'Accept: application/json',
    '-H',
    'Content-Type: application/json',
    '--data-raw',
    JSON.stringify(post.body),
  ]);
});

test('the key never appears in the line, even unredacted in the request', () => {
  const leaky = { ...post, headers: { 'x-api-key': SECRET }, body: { note: `key ${SECRET}` } };
  const line = curlFor(BASE_URL, leaky, KEY_HEADER, { secret: SECRET });
  expect(line).not.toContain('9f3b');
  const args = argsOf(line, { API4PARTNERS_API_KEY: 'k' });
  expect(args).toContain('X-API-Key: k');
  expect(args).toContain(JSON.stringify({ note: `key ${REDACTED}` }));
});

test('a deliberately wrong key is reproduced as sent, not replaced by the real one', () => {
  const wrong = { ...post, headers: { [KEY_HEADER]: 'not-a-valid-key' } };
  const args = argsOf(curlFor(BASE_URL, wrong, KEY_HEADER, { secret: SECRET }));
  expect(args).toContain('X-API-Key: not-a-valid-key');
});

test('a GET has no -X and no body; raw text goes out byte for byte without a made-up type', () => {
  const get = argsOf(curlFor(BASE_URL, { method: 'get', path: '/x', headers: {} }, KEY_HEADER));
  expect(get).toEqual(['-sS', '-i', `${BASE_URL}/x`]);
  const raw = argsOf(
    curlFor(BASE_URL, { method: 'post', path: '/x', headers: {}, rawBody: '{"a": ' }, KEY_HEADER),
  );
  expect(raw.slice(-4)).toEqual(['-H', 'Content-Type:', '--data-raw', '{"a": ']);
});

test('the env var is the one the README tells users to export', () => {
  expect(KEY_ENV_VAR).toBe('API4PARTNERS_API_KEY');
});

test('a key header name with characters the shell reads in double quotes is single-quoted', () => {
  const line = curlFor(BASE_URL, { method: 'get', path: '/x', headers: { X$Key: 'k' } }, 'X$Key');
  expect(line).toBe(`curl -sS -i ${BASE_URL}/x -H 'X$Key: '"$API4PARTNERS_API_KEY"`);
  expect(argsOf(line, { API4PARTNERS_API_KEY: 'v' })).toEqual([
    '-sS',
    '-i',
    `${BASE_URL}/x`,
    '-H',
    'X$Key: v',
  ]);
});

test('headers curl computes itself are left out; a declared Content-Type is kept as sent', () => {
  const args = argsOf(
    curlFor(
      BASE_URL,
      {
        method: 'put',
        path: '/x',
        headers: {
          Host: 'elsewhere',
          'Content-Length': '3',
          Connection: 'close',
          'Transfer-Encoding': 'chunked',
          'Content-Type': 'application/merge-patch+json',
        },
        body: [1],
      },
      KEY_HEADER,
    ),
  );
  expect(args).toEqual([
    '-sS',
    '-i',
    '-X',
    'PUT',
    `${BASE_URL}/x`,
    '-H',
    'Content-Type: application/merge-patch+json',
    '--data-raw',
    '[1]',
  ]);
});
