import type { RunSummary } from '../../engine/summary';
import {
  certificationHtml,
  certificationMarkdown,
  certificationTitle,
  verdictLine,
} from '../../reporting';
import { BASE_URL, checkRecord, KEY_HEADER, runOf, summary } from './fixtures';

const context = { baseUrl: BASE_URL, keyHeader: KEY_HEADER };
const html = (s: RunSummary): string => certificationHtml({ summary: s, context });
const md = (s: RunSummary): string => certificationMarkdown({ summary: s, context });
/** The verdict banner: the first thing after the title (its icon, mere decoration, left out). */
const bannerOf = (page: string): string[] =>
  page
    .slice(page.indexOf('<body>'))
    .split('\n')
    .slice(2, 5)
    .map((l) =>
      l.replace(/<span aria-hidden="true">[^<]+<\/span> /, '<span aria-hidden="true">…</span> '),
    );

const conformant = runOf([checkRecord('opA', 'x', 'passed'), checkRecord('opB', 'x', 'passed')]);

describe('the verdict banner', () => {
  test('CONFORMANT', () => {
    expect(bannerOf(html(conformant))).toEqual([
      '<section class="banner passed" role="status" aria-label="Verdict: CONFORMANT">',
      '<div class="verdict"><span aria-hidden="true">…</span> CONFORMANT</div>',
      '<p class="line">every verified check passed — 2 passed, 0 failed, 0 skipped of 2 checks</p>',
    ]);
    expect(md(conformant)).toContain(
      '## ✅ CONFORMANT\n\nevery verified check passed — 2 passed, 0 failed, 0 skipped of 2 checks',
    );
    expect(certificationTitle(conformant)).toBe(
      'CONFORMANT: APIs for 3DS Partners for sales domain 2.0.0 on qal',
    );
  });

  test('INCONCLUSIVE, each reason in its own words', () => {
    const nothing = runOf([checkRecord('op', 'x', 'skipped')]);
    const errors = runOf([checkRecord('op', 'x', 'passed'), checkRecord('op', 'y', 'error')]);
    const partial = runOf([checkRecord('op', 'x', 'passed', { inconclusive: true })]);
    for (const s of [nothing, errors, partial]) expect(s.verdict).toBe('INCONCLUSIVE');
    expect(verdictLine(nothing)).toBe(
      'nothing was verified — 0 passed, 0 failed, 1 skipped of 1 checks',
    );
    expect(verdictLine(errors)).toBe(
      'the suite met its own error in 1 check(s) — 1 passed, 0 failed, 0 skipped, 1 internal errors of 2 checks',
    );
    expect(verdictLine(partial)).toBe(
      'some checks could not conclude (rate limits, unanswered requests) — 1 passed, 0 failed, 0 skipped of 1 checks',
    );
    expect(bannerOf(html(partial))[0]).toBe(
      '<section class="banner warning" role="status" aria-label="Verdict: INCONCLUSIVE">',
    );
    expect(md(partial)).toContain('## ⚠️ INCONCLUSIVE');
  });

  test('NOT CONFORMANT counts distinct failures, not failed checks', () => {
    expect(verdictLine(summary())).toBe(
      '2 distinct failure(s) — 2 passed, 2 failed, 2 skipped, 1 internal errors of 7 checks',
    );
  });

  test('names the shard and the tool that wrote the report', () => {
    const shard = summary({ shard: { index: 2, count: 4 } });
    expect(html(shard)).toContain('<dt>Run</dt><dd>run-2025-01-02-xyz, shard 2/4</dd>');
    expect(html(shard)).toContain('<dt>Tool</dt><dd>api4partners-conformance 0.1.0</dd>');
    const other = certificationHtml({
      summary: shard,
      context,
      tool: { name: 'x', version: '2.0.0' },
    });
    expect(other).toContain('<dt>Tool</dt><dd>x 2.0.0</dd>');
  });
});

test('a clean run says so, and leaves out the sections it has nothing for', () => {
  const page = md(conformant);
  expect(page).toContain('## Failures (0 signatures)\n\nNone.');
  expect(page).toContain(
    '## Latitude used\n\nNone: every verdict followed the spec to the letter.',
  );
  for (const absent of [
    'Internal errors',
    'Spec coverage',
    'Observations',
    'Skipped checks',
    'Objects created',
    'Regression',
  ])
    expect({ absent, found: page.includes(absent) }).toEqual({ absent, found: false });
  expect(html(conformant)).not.toContain('<details>');
});

test('sections come in reading order: verdict, matrix, failures, errors, coverage, latitude', () => {
  const page = html(summary());
  const at = (text: string): number => page.indexOf(text);
  const order = [
    '<section class="banner',
    '<h2 id="matrix">',
    '<h2 id="failures">',
    '<h2>Internal errors of the suite',
    '<h2 id="coverage">',
    '<h2 id="latitude">',
    '<h2>Observations',
    '<h2>Details</h2>',
  ].map(at);
  expect(order.every((i) => i > 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});

test('a baseline adds the regression section, by signature', () => {
  const page = certificationMarkdown({ summary: summary(), context, baseline: conformant });
  expect(page).toContain('## Regression against the baseline');
  expect(page).toContain('| New failures | 2 |');
});

test('markup in check and operation names is escaped in the HTML matrix', () => {
  const odd = runOf([checkRecord('op<i>', 'x<b>y</b>', 'passed')]);
  const page = html(odd);
  expect(page).not.toContain('<b>y</b>');
  expect(page).not.toContain('op<i>');
  expect(page).toContain('<th scope="row">x&lt;b&gt;y&lt;/b&gt;</th>');
});

// Was a bug (reporting/document.ts, matrix markdown): every text of the markdown report went
// through escapeMarkdown except the matrix's column legend, so an operation or check name with
// markdown or HTML in it rendered as such there.
it('markup in operation names is escaped in the markdown legend too', () => {
  const odd = runOf([checkRecord('op<img>', 'x', 'passed')]);
  expect(md(odd)).not.toContain('op<img>');
  expect(md(odd)).toContain('= op\\<img\\>');
});
