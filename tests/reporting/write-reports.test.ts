import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { REDACTED, writeReports, type Har, type ReportInputs } from '../../reporting';
import {
  BASE_URL,
  deprecationDiff,
  exchanges,
  KEY_HEADER,
  lintFindings,
  SECRET,
  summary,
} from './fixtures';

let dir: string;
let written: string[];
const baseline = summary({
  runId: 'baseline-run',
  checks: summary().checks.map((c) =>
    c.check === 'response-schema' && c.operationId === 'createLeadsOpportunities_v1'
      ? { ...c, status: 'passed' }
      : c,
  ),
});

function inputs(overrides: Partial<ReportInputs> = {}): ReportInputs {
  return {
    summary: summary(),
    exchanges: exchanges(),
    keyHeader: KEY_HEADER,
    secret: SECRET,
    lintFindings,
    deprecationDiff,
    baseline,
    ...overrides,
  };
}

const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'reports-'));
  written = writeReports(dir, inputs());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('writes every report file', () => {
  expect(written.map((f) => path.basename(f)).sort()).toEqual([
    'certification.html',
    'certification.md',
    'junit.xml',
    'regression.json',
    'summary.json',
    'traffic.har',
  ]);
});

test('the key appears in no written file, in any encoding', () => {
  const forms = [SECRET, encodeURIComponent(SECRET), JSON.stringify(SECRET).slice(1, -1)];
  forms.push(SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));
  for (const name of readdirSync(dir)) {
    const text = read(name);
    for (const form of forms)
      expect({ name, leaked: text.includes(form) }).toEqual({ name, leaked: false });
  }
  // The fixture did carry the key: redaction, not absence, keeps it out.
  expect(read('traffic.har')).toContain(REDACTED);
});

test('a leak in an input redaction does not cover aborts before any file is written', () => {
  const other = mkdtempSync(path.join(tmpdir(), 'reports-leak-'));
  const leaky = [{ severity: 'info', rule: 'r', pointer: '#', message: `key ${SECRET}` }];
  expect(() => writeReports(path.join(other, 'out'), inputs({ lintFindings: leaky }))).toThrow(
    /contains the API key/,
  );
  expect(existsSync(path.join(other, 'out'))).toBe(false);
  rmSync(other, { recursive: true, force: true });
});

interface JUnitCase {
  name: string;
  classname: string;
  failure?: { message: string; '#text': string };
  skipped?: { message: string };
}
interface JUnitSuite {
  name: string;
  failures: string;
  testcase: JUnitCase | JUnitCase[];
}
interface JUnitRoot {
  testsuites: {
    tests: string;
    failures: string;
    skipped: string;
    testsuite: JUnitSuite | JUnitSuite[];
  };
}

describe('junit.xml', () => {
  const parse = (): JUnitRoot =>
    new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(read('junit.xml'));

  test('is well-formed XML despite markup and control characters in the traffic', () => {
    const xml = read('junit.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    // XML 1.0 forbids these even escaped, and the validator above does not look for them.
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)).toBe(false);
    expect(xml).toContain('&quot;ctl&quot;:&quot;\uFFFD\uFFFD&quot;');
  });

  test('counts match summary.totals, per run and per operation', () => {
    const { totals } = summary();
    const root = parse().testsuites;
    expect(Number(root.tests)).toBe(totals.passed + totals.failed + totals.skipped);
    expect(Number(root.failures)).toBe(totals.failed);
    expect(Number(root.skipped)).toBe(totals.skipped);
    const suites = [root.testsuite].flat();
    expect(suites.map((s) => s.name)).toEqual([
      'createLeadsOpportunities_v1',
      'getLeadsOpportunities_v1',
      'searchLeadsOpportunities',
    ]);
    const cases = suites.flatMap((s) => [s.testcase].flat());
    expect(cases).toHaveLength(5);
    expect(cases.filter((c) => c.failure)).toHaveLength(totals.failed);
    expect(cases.filter((c) => c.skipped !== undefined)).toHaveLength(totals.skipped);
    expect(suites.map((s) => Number(s.failures))).toEqual([1, 0, 1]);
  });

  test('a failure carries message, request, response and a curl line', () => {
    const cases = [parse().testsuites.testsuite].flat().flatMap((s) => [s.testcase].flat());
    const failed = cases.find((c) => c.name === 'createLeadsOpportunities_v1 > response-schema');
    if (!failed?.failure) throw new Error('the failed check has no <failure>');
    expect(failed.classname).toBe('createLeadsOpportunities_v1');
    expect(failed.failure.message).toContain('must be one of <A|B> & "C"');
    const body = failed.failure['#text'];
    expect(body).toContain(`POST ${BASE_URL}/sales/api4partners/v1/leads-opportunities?lang=en+fr`);
    expect(body).toContain('HTTP 201 Created');
    expect(body).toContain('"X-API-Key: $API4PARTNERS_API_KEY"');
    const skipped = cases.find((c) => c.name === 'getLeadsOpportunities_v1 > response-schema');
    expect(skipped?.skipped?.message).toBe('no object could be created on the target');
  });
});

describe('traffic.har', () => {
  const har = (): Har => JSON.parse(read('traffic.har')) as Har;

  test('has one HAR 1.2 entry per exchange with absolute URLs', () => {
    const { log } = har();
    expect(log.version).toBe('1.2');
    expect(log.creator).toEqual({ name: 'api4partners-conformance', version: expect.any(String) });
    expect(log.entries).toHaveLength(exchanges().length);
    const get = log.entries[1];
    expect(get.request.url).toBe(
      `${BASE_URL}/sales/api4partners/v1/leads-opportunities/9YEL-Y3W56Q?fields=a%2Cb&q=x%26y%3Dz`,
    );
    expect(get.request.queryString).toEqual([
      { name: 'fields', value: 'a,b' },
      { name: 'q', value: 'x&y=z' },
    ]);
    expect(get.response).toMatchObject({ status: 404, statusText: 'Not Found', redirectURL: '' });
  });

  test('entries have the fields importers require', () => {
    for (const entry of har().log.entries) {
      expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
      expect(entry.timings.wait).toBe(entry.time);
      expect(entry.request).toMatchObject({
        httpVersion: 'HTTP/1.1',
        headersSize: -1,
        cookies: [],
      });
      expect(entry.response.content.size).toBe(Buffer.byteLength(entry.response.content.text));
      expect(entry.cache).toEqual({});
    }
    const [post, get, raw] = har().log.entries;
    expect(post.request.postData).toEqual({
      mimeType: 'application/json',
      text: JSON.stringify({ comment: `contains ${REDACTED}` }),
    });
    expect(get.request.postData).toBeUndefined();
    expect(raw.request.postData).toEqual({ mimeType: 'text/plain', text: 'not json' });
  });

  test('the key header reads [REDACTED] in every request, whatever its case', () => {
    for (const entry of har().log.entries) {
      const key = entry.request.headers.find((h) => h.name.toLowerCase() === 'x-api-key');
      expect(key?.value).toBe(REDACTED);
    }
    const echoed = har().log.entries[0].response.headers.find((h) => h.name === 'x-echo-key');
    expect(echoed?.value).toBe(REDACTED);
  });
});

describe('certification.html', () => {
  test('is self-contained: no remote assets, no scripts at all', () => {
    const html = read('certification.html');
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[^>]+rel=["']?stylesheet/i);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  });

  test('escapes what the server sent', () => {
    const html = read('certification.html');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('the matrix shows each status, and - where a check does not apply', () => {
    const html = read('certification.html');
    const row = (op: string): string =>
      new RegExp(`<tr><td>${op}</td>(.*?)</tr>`).exec(html)?.[1] ?? '';
    expect(row('createLeadsOpportunities_v1')).toBe(
      '<td class="passed">passed</td><td class="failed">failed</td>',
    );
    expect(row('getLeadsOpportunities_v1')).toBe(
      '<td class="passed">passed</td><td class="skipped">skipped</td>',
    );
    expect(row('searchLeadsOpportunities')).toBe(
      '<td class="failed">failed</td><td class="absent">-</td>',
    );
  });

  test('states the run, lint findings, deprecation diff, created objects and regression', () => {
    const html = read('certification.html');
    for (const text of [
      'NOT CONFORMANT: 2 failed check(s)',
      BASE_URL,
      'ab'.repeat(32),
      'run-2025-01-02-xyz',
      '1234',
      'example &lt;bad&gt; does not match its schema',
      'closeDate is now required',
      'searchPortfolioItems (POST /v0/portfolio-items/search)',
      '9YEL-Y3W56Q',
      'P-&lt;1&gt;',
      'Regression against the baseline',
      'header X-Trace-Id is not documented',
      'Failure id: f-0001',
    ]) {
      expect(html).toContain(text);
    }
  });
});

describe('certification.md', () => {
  test('shows the matrix with every status and the failures with curl lines', () => {
    const md = read('certification.md');
    expect(md).toContain('| createLeadsOpportunities\\_v1 | ✅ passed | ❌ failed |');
    expect(md).toContain('| getLeadsOpportunities\\_v1 | ✅ passed | ⏭️ skipped |');
    expect(md).toContain('| searchLeadsOpportunities | ❌ failed | - |');
    expect(md).toContain('### createLeadsOpportunities\\_v1 \\> response-schema');
    expect(md).toMatch(/```sh\ncurl .*"X-API-Key: \$API4PARTNERS_API_KEY"/);
  });

  test('lists the new failure in the regression section', () => {
    const md = read('certification.md');
    const section = md.slice(md.indexOf('## Regression against the baseline'));
    expect(section).toContain('| New failures | 1 |');
    expect(section).toContain('createLeadsOpportunities\\_v1 \\> response-schema');
  });
});

test('summary.json is the summary with the key redacted', () => {
  const stored = JSON.parse(read('summary.json'));
  expect(stored.totals).toEqual(summary().totals);
  expect(stored.checks[1].request.headers['x-api-key']).toBe(REDACTED);
  expect(stored.checks[1].request.body.comment).toBe(`pasted by mistake: ${REDACTED}`);
});

test('without a baseline there is no regression section or file, not even a stale one', () => {
  const other = mkdtempSync(path.join(tmpdir(), 'reports-nobase-'));
  writeReports(other, inputs());
  const files = writeReports(other, inputs({ baseline: undefined, lintFindings: undefined }));
  expect(files.map((f) => path.basename(f))).not.toContain('regression.json');
  expect(existsSync(path.join(other, 'regression.json'))).toBe(false);
  const md = readFileSync(path.join(other, 'certification.md'), 'utf8');
  expect(md).not.toContain('Regression');
  expect(md).toContain('## Spec lint findings\n\nNot provided for this run.');
  rmSync(other, { recursive: true, force: true });
});
