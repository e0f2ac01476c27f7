/**
 * The two HTML reports of a run, in a real browser: certification.html as a reader opens it
 * (file://, offline) and the Allure report (served over http). Debian's chromium, driven by
 * playwright-core (which downloads no browser of its own): CHROMIUM_PATH or /usr/bin/chromium.
 * The suite fails when there is no chromium: CI installs it (.ci/run).
 *
 * Only `npm run test:browser` (jest.browser.config.ts) runs this file; `npm test` leaves
 * tests/browser out (testPathIgnorePatterns of the unit project in jest.config.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunSummary } from '../../engine/summary';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

const ROOT = path.join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const SCREENSHOTS = path.join(ROOT, 'reports', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 };
/** The mock's bug: an update answers 200 but does not persist (mock/faults.ts). */
const FAULT = 'patch-lost-update';
const API_KEY = 'browser-test-key';
const SEED = '1';

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Children run in their own process group, so a timeout ends the command and any process it starts. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** The environment of the CLI: this process's, without any conformance setting of the caller. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('CONFORMANCE_') && !k.startsWith('API4PARTNERS_')) env[k] = v;
  }
  return { ...env, API4PARTNERS_API_KEY: API_KEY };
}

const tail = (text: string, lines = 15): string => text.trim().split('\n').slice(-lines).join('\n');

/** `node ARGS` (TypeScript loader) to its end, killed (and rejected) past `timeoutMs`. */
function runTsx(args: string[], timeoutMs: number): Promise<Done> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [...TS_LOADER, ...args], {
      cwd: ROOT,
      env: cliEnv(),
      detached: true,
    });
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`node ${args.join(' ')}: no end after ${timeoutMs} ms\n${tail(stderr)}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The standalone mock with one fault switched on; resolves with its base URL. */
function startFaultyMock(timeoutMs: number): Promise<{ url: string; child: ChildProcess }> {
  const args = ['cli/mock.ts', '--port', '0', '--api-key', API_KEY, '--rate-limit', '100000'];
  const child = spawn(NODE, [...TS_LOADER, ...args, '--fault', FAULT, '--seed', SEED], {
    cwd: ROOT,
    env: cliEnv(),
    detached: true,
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`mock: not listening after ${timeoutMs} ms\n${tail(out)}`));
    }, timeoutMs);
    const read = (c: Buffer): void => {
      out += c.toString();
      const m = /Mock listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`mock exited ${code} before listening\n${tail(out)}`));
    });
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A static server of one folder on 127.0.0.1, a free port. */
async function serveDir(dir: string): Promise<{ server: Server; url: string }> {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

/** A page at 1280x800 whose console errors, uncaught errors and requests are all recorded. */
async function watchedPage(browser: Browser) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) =>
    errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`),
  );
  return { page, errors, requests };
}

/** jest's closing `Tests:` line of the CLI's output, as counts. */
function jestCounts(output: string): Record<string, number> {
  const line = /^Tests:\s+(.+)$/m.exec(output)?.[1] ?? '';
  const counts: Record<string, number> = {};
  for (const m of line.matchAll(/(\d+) (\w+)/g)) counts[m[2]] = Number(m[1]);
  return counts;
}

let dir: string;
let browser: Browser;
let mock: { url: string; child: ChildProcess } | undefined;
let run: Done;
let summary: RunSummary;
let allureDir: string;

beforeAll(async () => {
  // Before the slow part: a missing browser is a failure, not a skip.
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no chromium at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH`,
    );
  }
  dir = mkdtempSync(path.join(tmpdir(), 'conformance-browser-'));
  mock = await startFaultyMock(60_000);
  const reportDir = path.join(dir, 'run');
  run = await runTsx(
    [
      'cli/conformance.ts',
      '--target',
      mock.url,
      '--runs',
      '2',
      '--seed',
      SEED,
      '--report-dir',
      reportDir,
    ],
    240_000,
  );
  killGroup(mock.child);
  const summaryFile = path.join(reportDir, 'summary.json');
  if (!existsSync(summaryFile)) {
    throw new Error(`the run wrote no summary.json (exit ${run.code})\n${tail(run.stderr)}`);
  }
  summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary;
  allureDir = path.join(dir, 'allure-report');
  const report = await runTsx(
    ['cli/report.ts', '--results', path.join(reportDir, 'allure-results'), '--output', allureDir],
    180_000,
  );
  if (report.code !== 0) {
    throw new Error(`npm run report failed (exit ${report.code})\n${tail(report.stderr)}`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, timeout: 60_000 });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (mock) killGroup(mock.child);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the run behind the reports failed its gate, with failures and skips', () => {
  expect(run.code).toBe(1);
  expect(summary.verdict).toBe('NOT CONFORMANT');
  expect(summary.totals.failed).toBeGreaterThan(0);
  expect(summary.totals.skipped).toBeGreaterThan(0);
  expect(summary.failures.length).toBeGreaterThan(0);
});

describe('certification.html, opened from the file at 1280x800', () => {
  let page: Page;
  let errors: string[];
  let requests: string[];
  let fileUrl: string;

  beforeAll(async () => {
    ({ page, errors, requests } = await watchedPage(browser));
    fileUrl = pathToFileURL(path.join(dir, 'run', 'certification.html')).href;
    await page.goto(fileUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(() => page?.close());

  test('logs no console error', () => {
    expect(errors).toEqual([]);
  });

  test('loads nothing but the file itself (file: and data: URLs only)', () => {
    expect(requests[0]).toBe(fileUrl);
    expect(requests.filter((url) => !/^(file|data):/.test(url))).toEqual([]);
  });

  test('shows the verdict banner in the first screen: NOT CONFORMANT', async () => {
    const banner = page.locator('section.banner[role="status"]');
    await expect(banner.isVisible()).resolves.toBe(true);
    const box = await banner.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORT.height);
    await expect(banner.getAttribute('class')).resolves.toBe('banner failed');
    await expect(banner.locator('.verdict').innerText()).resolves.toContain('NOT CONFORMANT');
    const { passed, failed, skipped } = summary.totals;
    await expect(banner.locator('.line').innerText()).resolves.toContain(
      `${passed} passed, ${failed} failed, ${skipped} skipped`,
    );
  });

  test('fits the matrix in 1280 px, without horizontal scroll', async () => {
    const scrollWidth = await page.evaluate<number>('document.scrollingElement.scrollWidth');
    expect(scrollWidth).toBeLessThanOrEqual(VIEWPORT.width);
    const matrix = await page.locator('table.matrix').boundingBox();
    expect(matrix).not.toBeNull();
    expect((matrix?.x ?? 0) + (matrix?.width ?? Infinity)).toBeLessThanOrEqual(VIEWPORT.width);
    // Every failed check is a failed cell of the matrix.
    for (const c of summary.checks.filter((x) => x.status === 'failed')) {
      const cell = page.locator(`td.cell.failed[title="${c.check} on ${c.operationId}: failed"]`);
      await expect(cell.count()).resolves.toBe(1);
    }
  });

  test('names every failure signature in the failures section', async () => {
    const heading = page.locator('h2#failures');
    await expect(heading.innerText()).resolves.toBe(
      `Failures (${summary.failures.length} signatures)`,
    );
    // The section runs from its h2 to the next one: h3s whose nearest h2 before them is it.
    const inFailures = page.locator(
      'xpath=//h2[@id="failures"]/following-sibling::h3[preceding-sibling::h2[1][@id="failures"]]',
    );
    const titles = await inFailures.allInnerTexts();
    for (const f of summary.failures) {
      expect(titles).toContain(`[${f.id}] ${f.operationId} > ${f.check}`);
      await expect(
        page.getByText(`[${f.id}] ${f.operationId} > ${f.check}`).isVisible(),
      ).resolves.toBe(true);
    }
    expect(titles).toHaveLength(summary.failures.length);
  });

  test('screenshots: the first screen and the whole page', async () => {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'certification.png') });
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'certification-full.png'),
      fullPage: true,
    });
    expect(statSync(path.join(SCREENSHOTS, 'certification.png')).size).toBeGreaterThan(0);
    expect(statSync(path.join(SCREENSHOTS, 'certification-full.png')).size).toBeGreaterThan(0);
  });
});

describe('the Allure report, served over http at 1280x800', () => {
  let server: Server;
  let url: string;
  let page: Page;
  let errors: string[];
  let requests: string[];

  beforeAll(async () => {
    ({ server, url } = await serveDir(allureDir));
    ({ page, errors, requests } = await watchedPage(browser));
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('[data-testid="metadata-item-total"]').waitFor({ timeout: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await page?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test('logs no console error', () => {
    expect(errors).toEqual([]);
  });

  test('loads nothing from outside the local server', () => {
    expect(requests[0]).toBe(url);
    expect(requests.filter((u) => !u.startsWith(url) && !/^(data|blob):/.test(u))).toEqual([]);
  });

  /**
   * Each check of the summary is one test (suites/define-suites.ts): a skipped check is it.skip,
   * a failed one throws a ConformanceAssertion (Allure: failed), the suite's own error throws an
   * Error (Allure: broken; jest: failed). So Allure's passed/failed/skipped/broken are the
   * summary's passed/failed/skipped/errors, and its total is the number of checks.
   */
  test('shows the totals of summary.json', async () => {
    const shown = async (status: string): Promise<number> => {
      const value = page.locator(
        `[data-testid="metadata-item-${status}"] [data-testid="metadata-value"]`,
      );
      // Allure leaves out a status no test has.
      return (await value.count()) === 0 ? 0 : Number((await value.innerText()).trim());
    };
    const { passed, failed, skipped, errors: broken } = summary.totals;
    const expected = { total: summary.checks.length, passed, failed, skipped, broken };
    const rendered = {
      total: await shown('total'),
      passed: await shown('passed'),
      failed: await shown('failed'),
      skipped: await shown('skipped'),
      broken: await shown('broken'),
    };
    expect(rendered).toEqual(expected);
    // What jest counted when the CLI presented the same run agrees too.
    expect(jestCounts(run.stderr + run.stdout)).toEqual({
      passed,
      failed: failed + broken,
      skipped,
      total: summary.checks.length,
    });
  });

  test('screenshot: the first screen, the totals in view', async () => {
    const total = page.locator('[data-testid="metadata-item-total"]');
    // Allure scrolls its tree to the first failure: bring the report's head back.
    await total.scrollIntoViewIfNeeded();
    const box = await total.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(VIEWPORT.height);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'allure.png') });
    expect(statSync(path.join(SCREENSHOTS, 'allure.png')).size).toBeGreaterThan(0);
  });
});
