import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../model/errors';

const ROOT = path.join(__dirname, '..');
const ALLURE_CLI = path.join(ROOT, 'node_modules', 'allure', 'cli.js');
export const ALLURE_CONFIG = path.join(ROOT, 'allurerc.mjs');

/*
 * allure 3.18's Awesome plugin always appends a Google Analytics tag (analyticsEnable is
 * hard-coded). A certification report must open offline and must not call anyone when opened,
 * so the tag is cut out of the generated page.
 */
const ANALYTICS_BLOCK =
  /<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>\s*window\.dataLayer[\s\S]*?<\/script>/g;

export function stripAnalytics(html: string): string {
  return html.replace(ANALYTICS_BLOCK, '');
}

/** `src`/`href` attributes that would fetch from the network when the page opens. */
export function remoteReferences(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi)].map(
    (m) => m[1],
  );
}

/** The results directory must hold what allure-jest writes, or the report would be empty. */
export function checkResultsDir(dir: string): void {
  if (!existsSync(dir)) {
    throw new UsageError(
      `${dir}: no Allure results (run the suites with the allure-jest environment first)`,
    );
  }
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: is not a directory`);
  if (!readdirSync(dir).some((name) => name.endsWith('-result.json'))) {
    throw new UsageError(`${dir}: contains no *-result.json files`);
  }
}

function runAllure(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ALLURE_CLI, ...args], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export interface AllureBuild {
  /** The report's single HTML file. */
  index: string;
  /** Network references left in the page after stripping analytics (should be none). */
  remote: string[];
}

/** Builds one single-file Awesome report from the results directories into `outputDir`, offline. */
export async function buildAllureReport(
  resultsDirs: string[],
  outputDir: string,
): Promise<AllureBuild> {
  resultsDirs.forEach(checkResultsDir);
  const { code, output } = await runAllure([
    'generate',
    ...resultsDirs.map((dir) => path.resolve(dir)),
    '--config',
    ALLURE_CONFIG,
    '--output',
    path.resolve(outputDir),
  ]);
  const index = path.join(outputDir, 'index.html');
  if (code !== 0 || !existsSync(index)) {
    const last = output.trim().split('\n').pop() ?? '';
    throw new Error(`allure generate failed (exit ${code})${last ? `: ${last}` : ''}`);
  }
  const html = stripAnalytics(readFileSync(index, 'utf8'));
  writeFileSync(index, html);
  return { index, remote: remoteReferences(html) };
}
