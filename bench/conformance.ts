/**
 * npm run bench:conformance [-- --json]
 *
 * Time to verdict against the built-in mock, for the full run and for one operation:
 *   cold           `npm run conformance`'s command (default flags) as a child, the caches empty
 *                  (the transpiled TypeScript, jest's, and the spec's: all under its own TMPDIR)
 *   warm           the same command again, caches warm: median of 3
 *   requests       HTTP exchanges of the run (`requests` of its summary.json)
 *   engineSeconds  runConformance alone, in this process: the second of two runs (no start-up)
 *
 * Each child gets its own TMPDIR, where the suite (`api4partners-conformance-<uid>`) and jest
 * (`jest_<uid base 36>`) keep their caches: a fresh one is an empty cache, and the caches other work in this tree
 * uses are left alone. Progress goes to stderr; --json prints one JSON line on stdout.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { configFrom, SETTINGS, type RawSettings } from '../engine/config';
import { operationsOf, runConformance } from '../engine/run';
import type { RunSummary } from '../engine/summary';
import { getSpec, UsageError } from '../model';

const ROOT = path.join(__dirname, '..');
const LOADER = path.join(ROOT, 'cli', 'load-typescript.cjs');
const ONE_OPERATION = 'getLeadsOpportunities_v1';
const WARM_RUNS = 3;
const CHILD_TIMEOUT_MS = 180_000;

interface Figures {
  coldSeconds: number;
  warmSeconds: number;
  requests: number;
  engineSeconds: number;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Children run in their own process group: on Ctrl-C, theirs go with us. */
const running = new Set<number>();
process.once('SIGINT', () => {
  for (const pid of running) process.kill(-pid, 'SIGKILL');
  process.exit(130);
});

/** A child with a deadline; its whole process group (a command may start others) is killed past it. */
function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  running.add(child.pid as number);
  let stderr = '';
  child.stderr.on(
    'data',
    (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4096)),
  );
  const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), CHILD_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child.pid as number);
      if (code === 0) return resolve((performance.now() - started) / 1000);
      const why =
        signal === 'SIGKILL'
          ? `timed out after ${CHILD_TIMEOUT_MS / 1000} s`
          : `exit code ${code ?? signal}`;
      const last = stderr.trim().split('\n').pop() || '(no stderr)';
      reject(
        new Error(`${path.basename(command)} ${args.join(' ')}: ${why}; last stderr line: ${last}`),
      );
    });
  });
}

/** One CLI run as a child: its wall-clock seconds and its summary. */
async function cliRun(
  tmp: string,
  operations?: string[],
): Promise<{ seconds: number; summary: RunSummary }> {
  const reportDir = path.join(tmp, 'reports');
  rmSync(reportDir, { recursive: true, force: true });
  const args = ['cli/conformance.ts', `--${SETTINGS.reportDir.flag}`, reportDir];
  if (operations) args.push(`--${SETTINGS.operations.flag}`, operations.join(','));
  // What `npm run conformance` runs: node with the commands' TypeScript loader.
  const seconds = await runChild(
    process.execPath,
    ['--max-semi-space-size=64', '--require', LOADER, ...args],
    {
      ...process.env,
      TMPDIR: tmp,
    },
  );
  const summary = JSON.parse(
    readFileSync(path.join(reportDir, 'summary.json'), 'utf8'),
  ) as RunSummary;
  return { seconds, summary };
}

/** runConformance in this process, twice: the second run's seconds. */
async function engineSeconds(tmp: string, operations?: string[]): Promise<number> {
  const raw: RawSettings = { reportDir: path.join(tmp, 'engine'), operations };
  let seconds = 0;
  for (let i = 0; i < 2; i++) {
    const config = configFrom(raw, (k) => `--${SETTINGS[k].flag}`);
    const started = performance.now();
    await runConformance(config);
    seconds = (performance.now() - started) / 1000;
  }
  return seconds;
}

async function measure(label: string, operations?: string[]): Promise<Figures> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-conformance-'));
  try {
    const cold = await cliRun(tmp, operations);
    const uid = process.getuid?.() ?? 0;
    for (const cache of [`jest_${uid.toString(36)}`, `api4partners-conformance-${uid}`])
      if (!existsSync(path.join(tmp, cache)))
        log(`warning: no ${cache} cache in ${tmp}: the cold run may not have been cold`);
    log(`${label}: cold ${cold.seconds.toFixed(1)} s (${cold.summary.verdict})`);
    const warm = [];
    for (let i = 1; i <= WARM_RUNS; i++) {
      warm.push(await cliRun(tmp, operations));
      log(`${label}: warm ${i}/${WARM_RUNS} ${warm[warm.length - 1].seconds.toFixed(1)} s`);
    }
    const engine = await engineSeconds(tmp, operations);
    log(`${label}: engine ${engine.toFixed(2)} s`);
    return {
      coldSeconds: round1(cold.seconds),
      warmSeconds: round1(median(warm.map((r) => r.seconds))),
      requests: median([cold, ...warm].map((r) => r.summary.requests)),
      engineSeconds: Math.round(engine * 100) / 100,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function table(full: Figures, one: Figures): string {
  const s = (x: number, digits = 1): string => `${x.toFixed(digits)} s`;
  const rows: string[][] = [
    ['', 'now', 'before rework', 'Schemathesis (reported)'],
    ['full run, cold', s(full.coldSeconds), '33 s', '~50 s'],
    [`full run, warm (median of ${WARM_RUNS})`, s(full.warmSeconds), '27 s', ''],
    ['full run, requests', String(full.requests), '~436', '~2,700'],
    ['full run, engine alone (warm)', s(full.engineSeconds, 2), '3.7 s', ''],
    [`one operation, cold`, s(one.coldSeconds), '', ''],
    [`one operation, warm (median of ${WARM_RUNS})`, s(one.warmSeconds), '10 s *', ''],
    ['one operation, requests', String(one.requests), '', ''],
    ['one operation, engine alone (warm)', s(one.engineSeconds, 2), '', ''],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return [
    'time to verdict, `npm run conformance` against the built-in mock (wall clock)',
    ...rows.map((r) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '),
    ),
    `one operation: --${SETTINGS.operations.flag} ${ONE_OPERATION}; * the reference does not say cold or warm`,
    'Schemathesis: its published figure for this spec, per run; it cannot be run here',
  ].join('\n');
}

async function main(): Promise<void> {
  let values: { json?: boolean };
  try {
    ({ values } = parseArgs({ options: { json: { type: 'boolean' } }, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  operationsOf(await getSpec(), { operations: [ONE_OPERATION] }); // an unknown id fails now, not after the full run
  const full = await measure('full run');
  const oneOperation = await measure('one operation', [ONE_OPERATION]);
  process.stdout.write(
    values.json ? `${JSON.stringify({ full, oneOperation })}\n` : `${table(full, oneOperation)}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:conformance: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(err instanceof UsageError ? err.exitCode : 1);
});
