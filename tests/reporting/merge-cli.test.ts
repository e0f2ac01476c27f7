import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../cli/conformance';
import { API_KEY_ENV, SECOND_KEY_ENV } from '../../engine/config';
import { redactAll, REPORT_FILES } from '../../reporting';
import { KEY_HEADER, SECOND_SECRET, SECRET, SECRETS, summary } from './fixtures';

let dir: string;
const saved = {
  [API_KEY_ENV]: process.env[API_KEY_ENV],
  [SECOND_KEY_ENV]: process.env[SECOND_KEY_ENV],
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'merge-cli-'));
  process.env[API_KEY_ENV] = SECRET;
  process.env[SECOND_KEY_ENV] = SECOND_SECRET;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

/** A shard's report directory: its (redacted) summary.json and a traffic.har holding `harText`. */
function shard(name: string, harText: string): string {
  const shardDir = path.join(dir, name);
  mkdirSync(shardDir);
  const redacted = redactAll(summary(), KEY_HEADER, SECRETS);
  writeFileSync(path.join(shardDir, REPORT_FILES.summary), JSON.stringify(redacted));
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'api4partners-conformance', version: '0.1.0' },
      entries: [{ request: { url: 'https://apigw-qal.example.test/x', comment: harText } }],
    },
  };
  writeFileSync(path.join(shardDir, REPORT_FILES.har), JSON.stringify(har));
  return shardDir;
}

// `merge` copies the shards' HAR entries as they are: a shard written by an older version (or
// edited by hand) may hold a key. The merged reports go through writeReports' safety net.
test('merge refuses to write reports holding a key, and writes none of them', async () => {
  const out = path.join(dir, 'merged');
  const a = shard('a', 'clean');
  const b = shard('b', `pasted ${SECOND_SECRET}`);
  await expect(main(['merge', a, b, '--report-dir', out])).rejects.toThrow(
    `refusing to write ${path.join(out, REPORT_FILES.har)}: it contains the API key`,
  );
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
});

test('merge writes the merged reports when no key is in them', async () => {
  const out = path.join(dir, 'merged');
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const code = await main([
      'merge',
      shard('a', 'clean'),
      shard('b', 'clean'),
      '--report-dir',
      out,
    ]);
    // The fixture run met the suite's own error: the merged gate says so.
    expect(code).toBe(3);
  } finally {
    write.mockRestore();
  }
  expect(readdirSync(out).sort()).toEqual(
    [
      REPORT_FILES.certificationHtml,
      REPORT_FILES.certificationMarkdown,
      REPORT_FILES.junit,
      REPORT_FILES.summary,
      REPORT_FILES.har,
    ].sort(),
  );
});
