import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { curlFor } from '../../engine/http/curl';
import {
  escapeHtml,
  escapeMarkdown,
  escapeXml,
  escapeXmlAttribute,
  shellQuote,
} from '../../engine/http/escape';
import { REDACTED } from '../../engine/http/redact';
import type { FailureRecord, RunSummary } from '../../engine/summary';
import {
  compareRuns,
  redactAll,
  renderReports,
  toJUnitXml,
  writeReports,
  type Har,
  type ReportInputs,
} from '../../reporting';
import {
  BASE_URL,
  checkRecord,
  checks,
  deprecationDiff,
  ERROR_MESSAGE,
  exchanges,
  failureRecord,
  KEY_HEADER,
  lintFindings,
  runOf,
  SECOND_SECRET,
  SECRET,
  SECRETS,
  SEQUENCE_ID,
  sequenceFailure,
  SHRUNK_ID,
  shrunkFailure,
  summary,
  TRACES,
} from './fixtures';

const PACKAGE = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

/** The previous run: the same, except that the shrunk failure did not happen yet. */
const baseline = summary({
  runId: 'baseline-run',
  startedAt: '2025-01-01T10:00:00.000Z',
  failures: [sequenceFailure()],
  checks: checks().map((c) =>
    c.check === 'negative_data_rejection'
      ? { ...c, status: 'passed', message: '20 verified', failures: undefined }
      : c,
  ),
});

function inputs(overrides: Partial<ReportInputs> = {}): ReportInputs {
  return {
    summary: summary(),
    exchanges: exchanges(),
    keyHeader: KEY_HEADER,
    secrets: SECRETS,
    traces: TRACES,
    lintFindings,
    deprecationDiff,
    baseline,
    ...overrides,
  };
}

let dir: string;
let written: string[];
const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
const temp = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix));

beforeAll(() => {
  dir = temp('reports-');
  written = writeReports(dir, inputs());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('writes every report file, errors.log included, and returns their paths', () => {
  expect(written.map((f) => path.relative(dir, f)).sort()).toEqual([
    'certification.html',
    'certification.md',
    'errors.log',
    'junit.xml',
    'regression.json',
    'summary.json',
    'traffic.har',
  ]);
  expect(readdirSync(dir).sort()).toEqual(written.map((f) => path.basename(f)).sort());
});

/** Every way a report may have written a key: each encoder, and JSON inside the others. */
function formsOf(secret: string): string[] {
  const encoders = [
    (s: string) => s,
    (s: string) => JSON.stringify(s).slice(1, -1),
    encodeURIComponent,
    (s: string) => new URLSearchParams({ k: s }).toString().slice(2),
    escapeHtml,
    escapeXml,
    escapeXmlAttribute,
    escapeMarkdown,
    shellQuote,
    (s: string) => Buffer.from(s).toString('base64'),
  ];
  const once = encoders.map((e) => e(secret));
  return [...new Set([...once, ...encoders.flatMap((outer) => once.map((inner) => outer(inner)))])];
}

test('neither key appears in any written file, in any encoding', () => {
  for (const name of readdirSync(dir)) {
    const text = read(name);
    for (const [secret, fragment] of [
      [SECRET, '9f3b'],
      [SECOND_SECRET, '4d1e'],
    ]) {
      const leaked = formsOf(secret).filter((form) => text.includes(form));
      expect({ name, leaked, fragment: text.includes(fragment) }).toEqual({
        name,
        leaked: [],
        fragment: false,
      });
    }
  }
  // The inputs did carry both keys: redaction, not absence, keeps them out.
  expect(JSON.stringify(inputs())).toContain(JSON.stringify(SECRET).slice(1, -1));
  expect(JSON.stringify(inputs())).toContain(SECOND_SECRET);
  for (const name of ['traffic.har', 'summary.json', 'errors.log'])
    expect({ name, redacted: read(name).includes(REDACTED) }).toEqual({ name, redacted: true });
});

test('a key that redaction missed aborts the write before any file is written', () => {
  const other = temp('reports-leak-');
  const out = path.join(other, 'out');
  const leaky = [{ severity: 'info', rule: 'r', pointer: '#', message: `key ${SECOND_SECRET}` }];
  expect(() => writeReports(out, inputs({ lintFindings: leaky }))).toThrow(
    `refusing to write ${path.join(out, 'certification.md')}: it contains the API key`,
  );
  expect(existsSync(out)).toBe(false);
  rmSync(other, { recursive: true, force: true });
});

test('a refused write leaves the reports of an earlier run as they were', () => {
  const other = temp('reports-keep-');
  writeReports(other, inputs());
  const before = readFileSync(path.join(other, 'summary.json'), 'utf8');
  const leaky = inputs({
    summary: summary({ runId: 'next-run' }),
    lintFindings: [{ severity: 'info', rule: 'r', pointer: '#', message: SECRET }],
  });
  expect(() => writeReports(other, leaky)).toThrow(/it contains the API key/);
  expect(readFileSync(path.join(other, 'summary.json'), 'utf8')).toBe(before);
  rmSync(other, { recursive: true, force: true });
});

/** A failure whose request carries the key in its body, with the curl line the engine records. */
function withKeyInBody(secret: string): RunSummary {
  const failure = shrunkFailure();
  const request = {
    method: 'POST',
    path: '/sales/api4partners/v1/leads-opportunities',
    headers: { 'x-api-key': secret, 'content-type': 'application/json' },
    body: { comment: `pasted by mistake: ${secret}` },
  };
  const leaky: FailureRecord = {
    ...failure,
    request,
    curl: curlFor(BASE_URL, request, KEY_HEADER),
    shrunk: undefined,
  };
  return summary({ failures: [leaky, sequenceFailure()] });
}

// Was a bug (reporting/redact-summary.ts, engine/run.ts): the engine records each failure's curl
// line from the unredacted request, and scrubSecret only replaced the key verbatim. A key with a
// `"` sits JSON-escaped in that line (`\"`), so it survived redaction; assertNoSecret then
// refused to write any report at all. The line is now built again from the redacted request,
// and scrubSecret knows the key's escaped forms.
it('a key JSON-escaped in a recorded curl line is redacted, and the reports written', () => {
  const other = temp('reports-json-');
  try {
    const files = writeReports(other, inputs({ summary: withKeyInBody(SECRET) }));
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain('9f3b');
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

// Was a bug (same place, and engine/http/redact.ts): a key with a `'` sits in the curl line as
// `'\''` inside the longer shell word of --data-raw. scrubSecret missed it and assertNoSecret
// only knew the shell form of the key as a word of its own: the key was written to
// summary.json, junit.xml and both certification reports.
it('a key shell-escaped in a recorded curl line never reaches a written file', () => {
  const other = temp('reports-shell-');
  try {
    let files: string[] = [];
    try {
      files = writeReports(other, inputs({ summary: withKeyInBody(SECOND_SECRET) }));
    } catch {
      // Refusing to write is safe too.
    }
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain('4d1e');
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('a recorded curl line is written as built from the redacted request, the key an env var', () => {
  for (const secret of SECRETS) {
    const [failure] = redactAll(withKeyInBody(secret), KEY_HEADER, SECRETS).failures;
    expect(failure.curl).toBe(
      `curl -sS -i -X POST ${BASE_URL}/sales/api4partners/v1/leads-opportunities -H "X-API-Key: $API4PARTNERS_API_KEY" -H 'content-type: application/json' --data-raw '{"comment":"pasted by mistake: ${REDACTED}"}'`,
    );
  }
});

interface JUnitCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; '#text': string };
  error?: { message: string; type: string; '#text': string };
  skipped?: { message: string };
  'system-out'?: string;
}
interface JUnitSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  properties: { property: Array<{ name: string; value: string }> };
  testcase: JUnitCase | JUnitCase[];
}
interface JUnitRoot {
  testsuites: {
    name: string;
    tests: string;
    failures: string;
    errors: string;
    skipped: string;
    time: string;
    testsuite: JUnitSuite | JUnitSuite[];
  };
}

const parseJUnit = (xml: string): JUnitRoot =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
const casesOf = (root: JUnitRoot): JUnitCase[] =>
  [root.testsuites.testsuite].flat().flatMap((s) => [s.testcase].flat());

describe('junit.xml', () => {
  const parse = (): JUnitRoot => parseJUnit(read('junit.xml'));
  const testcase = (name: string): JUnitCase => {
    const found = casesOf(parse()).find((c) => c.name === name);
    if (!found) throw new Error(`no testcase ${name}`);
    return found;
  };

  test('is well-formed XML despite markup and control characters in the traffic', () => {
    const xml = read('junit.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    // XML 1.0 forbids these even escaped, and the validator above does not look for them.
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)).toBe(false);
    expect(xml).toContain('&quot;ctl&quot;:&quot;\uFFFD\uFFFD&quot;');
    expect(xml).not.toContain('<script>');
  });

  test('counts match summary.totals, per run and per operation', () => {
    const { totals } = summary();
    expect(totals).toEqual({ passed: 2, failed: 2, skipped: 2, errors: 1 });
    const root = parse().testsuites;
    expect({
      tests: Number(root.tests),
      failures: Number(root.failures),
      errors: Number(root.errors),
      skipped: Number(root.skipped),
    }).toEqual({
      tests: totals.passed + totals.failed + totals.skipped + totals.errors,
      failures: totals.failed,
      errors: totals.errors,
      skipped: totals.skipped,
    });
    expect(root.name).toBe('APIs for 3DS Partners for sales domain 2.0.0 on qal');
    expect(root.time).toBe('65.432');
    const suites = [root.testsuite].flat();
    expect(
      suites.map((s) => [
        s.name,
        Number(s.tests),
        Number(s.failures),
        Number(s.errors),
        Number(s.skipped),
      ]),
    ).toEqual([
      ['createLeadsOpportunities_v1', 2, 1, 0, 0],
      ['updateLeadOpportunitiesDetails_v1', 1, 1, 0, 0],
      ['getLeadsOpportunities_v1', 2, 0, 0, 1],
      ['searchLeadsOpportunities', 2, 0, 1, 1],
    ]);
    const cases = casesOf(parse());
    expect(cases).toHaveLength(7);
    expect(cases.filter((c) => c.failure)).toHaveLength(totals.failed);
    expect(cases.filter((c) => c.error)).toHaveLength(totals.errors);
    expect(cases.filter((c) => c.skipped !== undefined)).toHaveLength(totals.skipped);
  });

  test('each suite carries what it takes to replay the run', () => {
    for (const suite of [parse().testsuites.testsuite].flat()) {
      expect(suite.properties.property).toEqual([
        { name: 'target', value: BASE_URL },
        { name: 'runId', value: 'run-2025-01-02-xyz' },
        { name: 'seed', value: '1234' },
        { name: 'runs', value: '25' },
        { name: 'specSha256', value: 'ab'.repeat(32) },
        { name: 'verdict', value: 'NOT CONFORMANT' },
      ]);
    }
  });

  test('a sequence failure carries its id, message, source, steps, request, response and curl', () => {
    const failed = testcase('updateLeadOpportunitiesDetails_v1 > stateful_round_trip');
    expect(failed.classname).toBe('updateLeadOpportunitiesDetails_v1');
    expect(failed.failure?.type).toBe('ConformanceFailure');
    expect(failed.failure?.message).toBe(checks()[2].message);
    expect(failed.failure?.message).toContain('"<b>Won</b> & closed"');
    const body = failed.failure?.['#text'] ?? '';
    expect(body.split('\n\n').slice(0, 3)).toEqual([
      `[${SEQUENCE_ID}] lost-value at /body/leadOpportunity/comment: expected the comment sent, "<b>Won</b> & closed"; got null`,
      'spec: #/paths/~1sales~1api4partners~1v1~1leads-opportunities~1{id}/patch',
      [
        '--- sequence ---',
        'createLeadsOpportunities_v1: POST /sales/api4partners/v1/leads-opportunities',
        'updateLeadOpportunitiesDetails_v1: PATCH /sales/api4partners/v1/leads-opportunities/{{id}}',
        'getLeadsOpportunities_v1: GET /sales/api4partners/v1/leads-opportunities/{{id}}',
      ].join('\n'),
    ]);
    expect(body).toContain(
      `--- request ---\nGET ${BASE_URL}/sales/api4partners/v1/leads-opportunities/9YEL-Y3W56Q\nX-API-Key: ${REDACTED}`,
    );
    expect(body).toContain('--- response ---\nHTTP 200 OK\ncontent-type: application/json');
    expect(body).toContain(
      `--- reproduce ---\ncurl -sS -i ${BASE_URL}/sales/api4partners/v1/leads-opportunities/9YEL-Y3W56Q -H "X-API-Key: $API4PARTNERS_API_KEY"`,
    );
  });

  test('a shrunk failure shows the shrunk request, its sizes and its curl line', () => {
    const body =
      testcase('createLeadsOpportunities_v1 > negative_data_rejection').failure?.['#text'] ?? '';
    expect(body.split('\n\n')[0]).toBe(
      `[${SHRUNK_ID}] accepted-invalid at /request/body/leadOpportunity/closeDate: expected 400 with error code ERROR_043; got 201 Created (3 times)`,
    );
    expect(body).toContain(
      `--- shrunk request (9 fields, 173 bytes -> 2 fields, 46 bytes, in 9 extra requests) ---\nPOST ${BASE_URL}/sales/api4partners/v1/leads-opportunities\nx-api-key: ${REDACTED}`,
    );
    expect(body).toContain(
      `--- reproduce ---\ncurl -sS -i -X POST ${BASE_URL}/sales/api4partners/v1/leads-opportunities -H "X-API-Key: $API4PARTNERS_API_KEY" -H 'content-type: application/json' --data-raw '{"leadOpportunity":{"closeDate":"2025-13-45"}}'`,
    );
    // The unshrunk example is not repeated.
    expect(body).not.toContain('Fuzzed lead');
  });

  // Was an omission (reporting/failure-details.ts, failureDetailsText): the shrunk response is
  // computed and shown in the certification report, but a JUnit reader of a shrunk failure was
  // never shown what the server answered to it.
  it("a shrunk failure's body shows the response to the shrunk request", () => {
    const body =
      testcase('createLeadsOpportunities_v1 > negative_data_rejection').failure?.['#text'] ?? '';
    expect(body).toContain('HTTP 201 Created');
    expect(body).toContain('shrunk <ok>');
  });

  test("the suite's own error is an <error>, a skipped check a <skipped>, a pass its message", () => {
    expect(testcase('searchLeadsOpportunities > response_schema_conformance').error).toEqual({
      message: `internal error: ${ERROR_MESSAGE}`,
      type: 'SuiteError',
      '#text': `internal error: ${ERROR_MESSAGE}`,
    });
    expect(testcase('getLeadsOpportunities_v1 > rate_limit_headers').skipped).toEqual({
      message: 'every answer was a 429: the rate limit kept the check from concluding',
    });
    expect(testcase('searchLeadsOpportunities > paging_consistency').skipped).toEqual({
      message: 'fewer than two pages of results on the target',
    });
    expect(testcase('getLeadsOpportunities_v1 > status_code_conformance')['system-out']).toBe(
      '3 verified\nheader x-trace-id is not documented',
    );
    expect(testcase('createLeadsOpportunities_v1 > status_code_conformance')['system-out']).toBe(
      '12 verified',
    );
  });

  test('a check with two failure signatures shows both; an error with a trace shows it', () => {
    const xml = toJUnitXml(
      runOf(
        [
          checkRecord('op', 'x', 'failed', { failures: ['F1', 'F2'] }),
          checkRecord('op', 'y', 'error', {
            error: { message: 'boom', trace: 'Error: boom\n    at y (checks/y.ts:1:1)' },
          }),
        ],
        [
          failureRecord('F1', 'op', 'x'),
          failureRecord('F2', 'op', 'x'),
          failureRecord('F3', 'op', 'z'),
        ],
      ),
      { baseUrl: BASE_URL, keyHeader: KEY_HEADER },
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const [x, y] = casesOf(parseJUnit(xml));
    expect(x.failure?.['#text']).toBe(
      [
        '[F1] undocumented-status at /status: expected a documented status (F1); got 500\n\nspec: #/paths',
        '[F2] undocumented-status at /status: expected a documented status (F2); got 500\n\nspec: #/paths',
      ].join('\n\n========\n\n'),
    );
    expect(y.error?.['#text']).toBe('trace: Error: boom\n    at y (checks/y.ts:1:1)');
  });
});

describe('traffic.har', () => {
  const har = (): Har => JSON.parse(read('traffic.har')) as Har;

  test('has one HAR 1.2 entry per exchange with absolute URLs, by this tool', () => {
    const { log } = har();
    expect(log.version).toBe('1.2');
    expect(log.creator).toEqual({ name: PACKAGE.name, version: PACKAGE.version });
    expect(log.entries).toHaveLength(exchanges().length);
    const get = log.entries[1];
    expect(get.request.method).toBe('GET');
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
    // A body cut short is recorded as it came.
    expect(raw.response.content).toEqual({
      size: 25,
      mimeType: 'application/json',
      text: '{"error":{"code":"ERR805"',
    });
  });

  test('a request the target never answered is status 0 with the reason, as HAR records aborts', () => {
    const entry = har().log.entries[4];
    expect(entry.time).toBe(0);
    expect(entry.request.method).toBe('POST');
    expect(entry.response).toEqual({
      status: 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: '', text: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
      _error: 'no answer within 10000 ms',
    });
  });

  test('the key header reads [REDACTED] in every request, whatever its case and key', () => {
    for (const entry of har().log.entries) {
      const key = entry.request.headers.find((h) => h.name.toLowerCase() === 'x-api-key');
      expect(key?.value).toBe(REDACTED);
    }
    const echoed = har().log.entries[0].response.headers.find((h) => h.name === 'x-echo-key');
    expect(echoed?.value).toBe(REDACTED);
  });
});

describe('certification.html', () => {
  test('is self-contained: a CSP that loads nothing, no script, no external URL to fetch', () => {
    const html = read('certification.html');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toMatch(/\s(src|href|action|srcset|poster)\s*=/i);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  });

  test('opens with the verdict banner', () => {
    const html = read('certification.html');
    const body = html.slice(html.indexOf('<body>') + '<body>\n'.length);
    const [title, section, verdict] = body.split('\n');
    expect([title, section]).toEqual([
      '<h1>Conformance certification: APIs for 3DS Partners for sales domain 2.0.0</h1>',
      '<section class="banner failed" role="status" aria-label="Verdict: NOT CONFORMANT">',
    ]);
    // The icon is decoration (aria-hidden); the verdict is the text.
    expect(verdict).toMatch(
      /^<div class="verdict"><span aria-hidden="true">[^<]+<\/span> NOT CONFORMANT<\/div>$/,
    );
    expect(body).toContain(
      '<p class="line">2 distinct failure(s) — 2 passed, 2 failed, 2 skipped, 1 internal errors of 7 checks</p>',
    );
    expect(html).toContain(
      '<title>NOT CONFORMANT: APIs for 3DS Partners for sales domain 2.0.0 on qal</title>',
    );
  });

  test('escapes what the server sent', () => {
    const html = read('certification.html');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>Won</b>');
    expect(html).toContain('&quot;&lt;b&gt;Won&lt;/b&gt; &amp; closed&quot;');
  });

  test('the matrix has a row per check and a column per operation, each cell its status', () => {
    const html = read('certification.html');
    const row = (check: string): string[] =>
      [
        ...(
          new RegExp(`<tr><th scope="row">${check}</th>(.*?)</tr>`).exec(html)?.[1] ?? ''
        ).matchAll(/<td class="cell (\w+)"/g),
      ].map((m) => m[1]);
    expect(row('status_code_conformance')).toEqual(['passed', 'absent', 'passed', 'absent']);
    expect(row('negative_data_rejection')).toEqual(['failed', 'absent', 'absent', 'absent']);
    expect(row('stateful_round_trip')).toEqual(['absent', 'failed', 'absent', 'absent']);
    expect(row('rate_limit_headers')).toEqual(['absent', 'absent', 'skipped', 'absent']);
    expect(row('paging_consistency')).toEqual(['absent', 'absent', 'absent', 'skipped']);
    expect(row('response_schema_conformance')).toEqual(['absent', 'absent', 'absent', 'error']);
    expect(html).toContain(
      '<th scope="col" title="updateLeadOpportunitiesDetails_v1"><abbr title="updateLeadOpportunitiesDetails_v1">upd1</abbr></th>',
    );
  });

  test('states the run, its failures by signature, lint, migration, objects and regression', () => {
    const html = read('certification.html');
    for (const text of [
      `<dt>Target</dt><dd>qal — ${BASE_URL}</dd>`,
      `<dt>Spec SHA-256</dt><dd>${'ab'.repeat(32)}</dd>`,
      '<dt>Seed</dt><dd>1234 (runs 25)</dd>',
      '<dt>Run</dt><dd>run-2025-01-02-xyz</dd>',
      '<dt>Requests</dt><dd>187 in 65.4 s</dd>',
      `<dt>Tool</dt><dd>${PACKAGE.name} ${PACKAGE.version}</dd>`,
      '<h2 id="failures">Failures (2 signatures)</h2>',
      `<h3>[${SHRUNK_ID}] createLeadsOpportunities_v1 &gt; negative_data_rejection</h3>`,
      `<h3>[${SEQUENCE_ID}] updateLeadOpportunitiesDetails_v1 &gt; stateful_round_trip</h3>`,
      '<p class="label">Shrunk request (9 fields, 173 bytes -&gt; 2 fields, 46 bytes, in 9 extra requests)</p>',
      `<p>Replay against another target: npm run conformance -- replay ${SHRUNK_ID} --target &lt;target&gt;</p>`,
      '<li>updateLeadOpportunitiesDetails_v1: PATCH /sales/api4partners/v1/leads-opportunities/{{id}}</li>',
      '<h2>Internal errors of the suite (1)</h2>',
      'example &lt;bad&gt; does not match its schema',
      'closeDate is now required',
      'searchPortfolioItems (GET /sales/api4partners/v0/portfolio-items/search)',
      '<td>9YEL-Y3W56Q</td><td>P-&lt;1&gt;</td>',
      '<h2>Regression against the baseline</h2>',
      '<li>getLeadsOpportunities_v1 &gt; status_code_conformance: header x-trace-id is not documented</li>',
      '<li>getLeadsOpportunities_v1: retried after a 429 (Retry-After: 2) (3 times)</li>',
    ]) {
      expect(html).toContain(text);
    }
  });

  test('lists the latitude used and the coverage, dimension by dimension', () => {
    const html = read('certification.html');
    expect(html).toContain('<h2 id="latitude">Latitude used</h2>');
    expect(html).toContain(
      '<tr><td>documented_error_codes</td><td>codeNotDocumented</td><td>any error code, or none, in a rejection with the documented status</td><td>1</td><td></td></tr>',
    );
    expect(html).toContain('<h2 id="coverage">Spec coverage</h2>');
    expect(html).toContain(
      '<tr><td>documented response statuses observed</td><td>5 / 9</td><td class="warning">55.6%</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>request properties broken in invalid requests</td><td>3 / 3</td><td class="passed">100%</td></tr>',
    );
  });

  test('folds the details away: missing coverage, skipped checks, lint, migration, objects', () => {
    const summaries = [
      ...read('certification.html').matchAll(/<details><summary>(.*?)<\/summary>/g),
    ].map((m) => m[1]);
    expect(summaries).toEqual([
      'Not covered (11), with why',
      'Skipped checks (2), with why',
      'Spec lint: 2 finding(s) (1 error, 1 warning)',
      'v0 -&gt; v1 migration: 1 pair(s), 1 breaking change(s)',
      'Objects created on the target (1), to find and clean up',
    ]);
    expect(read('certification.html')).toContain(
      '<tr><td>getLeadsOpportunities_v1 &gt; rate_limit_headers</td><td>inconclusive: every answer was a 429: the rate limit kept the check from concluding</td></tr>',
    );
  });
});

describe('certification.md', () => {
  test('shows the matrix, a row per check, with every status', () => {
    const md = read('certification.md');
    expect(md).toContain(
      [
        '| Check | cre1 | upd1 | get1 | sea0 |',
        '| --- | --- | --- | --- | --- |',
        '| status\\_code\\_conformance | ✅  | – | ✅  | – |',
        '| negative\\_data\\_rejection | ❌  | – | – | – |',
        '| stateful\\_round\\_trip | – | ❌  | – | – |',
        '| rate\\_limit\\_headers | – | – | ⏭️  | – |',
        '| paging\\_consistency | – | – | – | ⏭️  |',
        '| response\\_schema\\_conformance | – | – | – | 💥  |',
      ].join('\n'),
    );
  });

  test('shows each failure signature with its example and a curl line', () => {
    const md = read('certification.md');
    expect(md).toContain(
      `### \\[${SHRUNK_ID}\\] createLeadsOpportunities\\_v1 \\> negative\\_data\\_rejection`,
    );
    expect(md).toContain(
      'Shrunk request (9 fields, 173 bytes -\\> 2 fields, 46 bytes, in 9 extra requests)',
    );
    expect(md).toMatch(/```sh\ncurl .*"X-API-Key: \$API4PARTNERS_API_KEY"/);
    expect(md).toContain(
      '- getLeadsOpportunities\\_v1: GET /sales/api4partners/v1/leads-opportunities/{{id}}',
    );
    expect(md).toContain('## ❌ NOT CONFORMANT');
  });

  test('lists the new failure by signature in the regression section', () => {
    const md = read('certification.md');
    const section = md.slice(md.indexOf('## Regression against the baseline'));
    expect(section).toContain('| New failures | 1 |');
    expect(section).toContain('| Still failing | 1 |');
    expect(section).toContain(
      `### New failures\n\n| Failure | Check | What |\n| --- | --- | --- |\n| ${SHRUNK_ID} | createLeadsOpportunities\\_v1 \\> negative\\_data\\_rejection |`,
    );
  });
});

test('summary.json is the summary with every key redacted, and nothing else changed', () => {
  const stored = JSON.parse(read('summary.json')) as RunSummary;
  expect(stored).toEqual(JSON.parse(JSON.stringify(redactAll(summary(), KEY_HEADER, SECRETS))));
  expect(stored.verdict).toBe('NOT CONFORMANT');
  expect(stored.totals).toEqual(summary().totals);
  const [shrunk, sequence] = stored.failures;
  expect(shrunk.request?.headers['x-api-key']).toBe(REDACTED);
  expect(shrunk.shrunk?.request.headers['x-api-key']).toBe(REDACTED);
  expect(sequence.sequence?.steps.map((s) => Object.values(s.request.headers)[0])).toEqual([
    REDACTED,
    REDACTED,
    REDACTED,
  ]);
  expect(stored.checks[6].error?.request?.headers['X-API-Key']).toBe(REDACTED);
  // Only the key headers changed: this summary's keys sit nowhere else.
  const keyless = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(keyless);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, /^x-api-key$/i.test(k) ? REDACTED : keyless(v)]),
    );
  };
  expect(stored).toEqual(keyless(JSON.parse(JSON.stringify(summary()))));
});

test('regression.json compares the run with the baseline by failure signature', () => {
  const stored = JSON.parse(read('regression.json'));
  expect(stored).toEqual(
    JSON.parse(
      JSON.stringify(
        compareRuns(
          redactAll(baseline, KEY_HEADER, SECRETS),
          redactAll(summary(), KEY_HEADER, SECRETS),
        ),
      ),
    ),
  );
  expect(stored.newFailures).toEqual([
    {
      id: SHRUNK_ID,
      key: 'createLeadsOpportunities_v1 > negative_data_rejection',
      line: 'accepted-invalid at /request/body/leadOpportunity/closeDate: expected 400 with error code ERROR_043; got 201 Created',
    },
  ]);
  expect(stored.stillFailing.map((f: { id: string }) => f.id)).toEqual([SEQUENCE_ID]);
});

test("errors.log holds the suite's own traces, keys scrubbed", () => {
  expect(read('errors.log')).toBe(
    [
      'searchLeadsOpportunities > response_schema_conformance',
      ERROR_MESSAGE,
      '    at judge (checks/response-schema-conformance.ts:88:17)',
      `    request key ${REDACTED}`,
      '',
    ].join('\n'),
  );
});

test('without a baseline or traces, no regression.json or errors.log, not even stale ones', () => {
  const other = temp('reports-nobase-');
  writeReports(other, inputs());
  expect(existsSync(path.join(other, 'errors.log'))).toBe(true);
  const files = writeReports(
    other,
    inputs({
      baseline: undefined,
      traces: [],
      lintFindings: undefined,
      deprecationDiff: undefined,
    }),
  );
  expect(files.map((f) => path.basename(f)).sort()).toEqual([
    'certification.html',
    'certification.md',
    'junit.xml',
    'summary.json',
    'traffic.har',
  ]);
  expect(readdirSync(other).sort()).toEqual(files.map((f) => path.basename(f)).sort());
  const md = readFileSync(path.join(other, 'certification.md'), 'utf8');
  expect(md).not.toContain('Regression');
  expect(md).not.toContain('Spec lint');
  expect(md).not.toContain('migration');
  rmSync(other, { recursive: true, force: true });
});

describe('renderReports', () => {
  test('renders the same files without touching the disk', () => {
    const files = renderReports(inputs(), { name: PACKAGE.name, version: PACKAGE.version });
    expect(Object.keys(files).sort()).toEqual(readdirSync(dir).sort());
    for (const [name, text] of Object.entries(files))
      expect({ name, same: text === read(name) }).toEqual({ name, same: true });
  });

  test("URLs use the base URL given, else the target's, else a placeholder that cannot resolve", () => {
    const har = (extra: Partial<ReportInputs>): Har =>
      JSON.parse(renderReports(inputs(extra))['traffic.har']) as Har;
    const url = (h: Har): string => h.log.entries[2].request.url;
    expect(url(har({}))).toBe(`${BASE_URL}/sales/api4partners/v0/leads-opportunities/search`);
    expect(url(har({ baseUrl: 'http://localhost:3000/' }))).toBe(
      'http://localhost:3000/sales/api4partners/v0/leads-opportunities/search',
    );
    const noUrl = summary({ target: { name: 'mock', kind: 'mock' } });
    expect(url(har({ summary: noUrl, baseline: undefined }))).toBe(
      'http://target.invalid/sales/api4partners/v0/leads-opportunities/search',
    );
  });

  test('the tool named in the reports is the one given', () => {
    const files = renderReports(inputs(), { name: 'other-tool', version: '9.9.9' });
    expect((JSON.parse(files['traffic.har']) as Har).log.creator).toEqual({
      name: 'other-tool',
      version: '9.9.9',
    });
    expect(files['certification.md']).toContain('| Tool | other-tool 9.9.9 |');
  });
});
