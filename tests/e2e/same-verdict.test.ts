/**
 * Speed costs no verdict: one seed gives the same checks, statuses and failure signatures
 * whichever way the run is started — the engine in-process (its long waits skipped), the CLI, plain
 * jest (the engine in its global setup) and the CLI in two shards, merged — and however slowly.
 *
 * Twice: against the built-in mock (the default target: every check has its verdict, all pass),
 * and against a faulty mock given as a URL, one fresh server per run, so that the failure
 * signatures compared are not an empty list.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exhaustionOperation } from '../../checks/rate-limit-exhaustion';
import { API_KEY_ENV, configFrom, SECOND_KEY_ENV, SETTINGS } from '../../engine/config';
import { runConformance, type RunOptions } from '../../engine/run';
import type { RunSummary } from '../../engine/summary';
import { createMock, type FaultId, type ListeningMock } from '../../mock';
import { getSpec } from '../../model';
import { NODE, TS_LOADER } from '../fixtures/node-ts';
import { skipLongWaits } from '../fixtures/sleep';

const ROOT = path.join(__dirname, '..', '..');
const JEST = path.join(ROOT, 'node_modules', '.bin', 'jest');

const SEED = 7;
const RUNS = 2;
/**
 * Spec positions 1 and 3 (parts 2 and 4: shard 2/2) and 4 and 6 (parts 1 and 3: shard 1/2).
 * Shard 1's operations run without those before them in the whole run: state the mock keeps
 * from one operation to the next would show.
 */
const OPERATIONS = [
  'getLeadsOpportunities',
  'searchLeadsOpportunities',
  'searchPortfolioItems',
  'getLeadsOpportunities_v1',
];
/** Failures in both shards, in checks that compare what was sent with what is read. */
const FAULTS: FaultId[] = ['get-breaks-schema', 'paging-off-by-one', 'search-prefix-match'];
const KEYS = { [API_KEY_ENV]: 'same-verdict-key', [SECOND_KEY_ENV]: 'same-verdict-key-2' };
/** Each child process's bound. */
const CHILD_TIMEOUT_MS = 150_000;

type Way = 'cli' | 'jest' | 'shard1' | 'shard2';
const WAYS: Way[] = ['cli', 'jest', 'shard1', 'shard2'];

interface Done {
  command: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

const running = new Set<number>();
const reportDirs: string[] = [];
const servers: ListeningMock[] = [];

/** A child with its own children (jest's workers): its process group, by its id. */
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
  running.delete(pid);
}

/** The parent's env without any conformance setting or key, then this run's. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(CONFORMANCE_|API4PARTNERS_|JEST_WORKER_ID$)/.test(k),
    ),
  );
  return { ...base, ...env };
}

/** A child process, bounded by CHILD_TIMEOUT_MS. */
function start(command: string, args: string[], env: Record<string, string>): Promise<Done> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: childEnv(env),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pid = child.pid;
    if (pid === undefined) return reject(new Error(`could not start ${command}`));
    running.add(pid);
    const done: Done = {
      command: [path.basename(command), ...args].join(' '),
      code: null,
      signal: null,
      timedOut: false,
      stdout: '',
      stderr: '',
    };
    const timer = setTimeout(() => {
      done.timedOut = true;
      killGroup(pid);
    }, CHILD_TIMEOUT_MS);
    timer.unref();
    child.stdout.on('data', (c: Buffer) => (done.stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (done.stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(pid);
      resolve({ ...done, code, signal });
    });
  });
}

const summaryIn = (dir: string): RunSummary =>
  JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8')) as RunSummary;

/** What a verdict is made of, and nothing a run may vary in (run id, times, durations). */
function projection(summary: RunSummary): { checks: string[]; failures: string[] } {
  return {
    checks: summary.checks.map((c) => `${c.operationId} > ${c.check}: ${c.status}`).sort(),
    failures: summary.failures.map((f) => f.id).sort(),
  };
}

/** The checks whose status differs, each side's message with it: why, at a glance. */
function differing(got: RunSummary, want: RunSummary, operations = OPERATIONS): string[] {
  const byKey = (s: RunSummary) =>
    new Map(
      s.checks
        .filter((c) => operations.includes(c.operationId))
        .map((c) => [`${c.operationId} > ${c.check}`, c]),
    );
  const [g, w] = [byKey(got), byKey(want)];
  const side = (c?: RunSummary['checks'][number]) => (c ? `${c.status} (${c.message})` : 'absent');
  return [...new Set([...g.keys(), ...w.keys()])]
    .filter((k) => g.get(k)?.status !== w.get(k)?.status)
    .sort()
    .map((k) => `${k}: ${side(g.get(k))}, in-process ${side(w.get(k))}`);
}

/** A child that did not conclude says so, with the end of its output. */
function expectConcluded(done: Done | undefined, code: number): void {
  const tail = done && `${done.command}\n${done.stdout.slice(-2000)}\n${done.stderr.slice(-2000)}`;
  expect({ timedOut: done?.timedOut, signal: done?.signal, code: done?.code, tail }).toEqual({
    timedOut: false,
    signal: null,
    code,
    tail,
  });
}

/**
 * A fresh faulty mock, served from this process: it ends with it. Serving the children's
 * traffic slows this process's own engine run, and that must not matter either.
 */
async function faultyMock(): Promise<string> {
  const mock = createMock(await getSpec(), {
    apiKeys: Object.values(KEYS),
    rateLimit: { limit: 100_000, windowSeconds: 60 },
    faults: FAULTS,
    seed: SEED,
  });
  const server = await mock.listen(0, '127.0.0.1');
  servers.push(server);
  return server.url;
}

interface Scenario {
  inProcess: RunSummary;
  done: Partial<Record<Way | 'merge', Done>>;
  dirs: Record<Way | 'merged', string>;
}

/** In-process runs one after the other: two engines at once would share one event loop. */
let engineFree: Promise<unknown> = Promise.resolve();

/**
 * The four ways, the children all at once. Without `fresh`, the built-in mock; with it, a fresh
 * URL per run (the two shards, one run, share theirs: merge refuses shards of two targets).
 */
async function fourWays(name: string, fresh?: () => Promise<string>): Promise<Scenario> {
  const dirs = {} as Scenario['dirs'];
  for (const key of [...WAYS, 'merged'] as const) {
    dirs[key] = mkdtempSync(path.join(tmpdir(), `same-verdict-${name}-${key}-`));
    reportDirs.push(dirs[key]);
  }
  const newTarget = fresh ?? (() => Promise.resolve('mock'));
  const [cliTarget, jestTarget, shardTarget] = await Promise.all([1, 2, 3].map(() => newTarget()));
  const target = { cli: cliTarget, jest: jestTarget, shard1: shardTarget, shard2: shardTarget };
  const keys = fresh ? KEYS : {};
  const done: Scenario['done'] = {};
  const common = ['--seed', String(SEED), '--runs', String(RUNS)];
  common.push('--operations', OPERATIONS.join(','));
  const flags = (way: Way) => [...common, '--target', target[way], '--report-dir', dirs[way]];
  const cli = (way: Way, extra: string[] = []) =>
    start(NODE, [...TS_LOADER, 'cli/conformance.ts', ...flags(way), ...extra], keys).then(
      (d) => (done[way] = d),
    );
  const children = Promise.all([
    cli('cli'),
    start(JEST, ['--selectProjects', 'conformance', '--runInBand', '--ci'], {
      ...keys,
      [SETTINGS.seed.env]: String(SEED),
      [SETTINGS.runs.env]: String(RUNS),
      [SETTINGS.operations.env]: OPERATIONS.join(','),
      [SETTINGS.target.env]: target.jest,
      [SETTINGS.reportDir.env]: dirs.jest,
    }).then((d) => (done.jest = d)),
    cli('shard1', ['--shard', '1/2']),
    cli('shard2', ['--shard', '2/2']),
  ]);
  const engine = engineFree.then(async () => {
    const raw = { seed: String(SEED), runs: String(RUNS), operations: OPERATIONS };
    const config = configFrom({ ...raw, target: await newTarget() }, (k) => k);
    return runConformance(config, { sleep: skipLongWaits, env: keys });
  });
  engineFree = engine.catch(() => undefined);
  const result = await engine;
  await children;
  if ([dirs.shard1, dirs.shard2].every((d) => existsSync(path.join(d, 'summary.json')))) {
    const args = ['cli/conformance.ts', 'merge', dirs.shard1, dirs.shard2];
    done.merge = await start(NODE, [...TS_LOADER, ...args, '--report-dir', dirs.merged], {});
  }
  return { inProcess: result.summary, done, dirs };
}

function describeScenario(
  title: string,
  scenario: () => Scenario,
  expected: { verdict: RunSummary['verdict']; code: number; failures: boolean },
): void {
  describe(title, () => {
    it('every way concluded in time with the gate of the in-process verdict', () => {
      const { inProcess, done } = scenario();
      expect(inProcess.verdict).toBe(expected.verdict);
      for (const way of [...WAYS, 'merge'] as const) expectConcluded(done[way], expected.code);
    });

    it('the shards split the operations: together all of them, none twice', () => {
      const { inProcess, dirs } = scenario();
      const [one, two] = [dirs.shard1, dirs.shard2].map((d) =>
        summaryIn(d).operations.map((o) => o.operationId),
      );
      expect(one.length).toBeGreaterThan(0);
      expect(two.length).toBeGreaterThan(0);
      expect(one.filter((op) => two.includes(op))).toEqual([]);
      const all = [...OPERATIONS].sort();
      expect([...one, ...two].sort()).toEqual(all);
      expect(
        summaryIn(dirs.merged)
          .operations.map((o) => o.operationId)
          .sort(),
      ).toEqual(all);
      expect(inProcess.operations.map((o) => o.operationId).sort()).toEqual(all);
    });

    it('the CLI, plain jest and the merged shards give the in-process checks, statuses and failure signatures', () => {
      const { inProcess, dirs } = scenario();
      const want = projection(inProcess);
      expect(want.checks.length).toBeGreaterThan(0);
      expect(want.failures.length > 0).toBe(expected.failures);
      const runIds = new Set([inProcess.runId]);
      for (const way of ['cli', 'jest', 'merged'] as const) {
        const summary = summaryIn(dirs[way]);
        runIds.add(summary.runId);
        expect({ way, seed: summary.seed, runs: summary.runs }).toEqual({
          way,
          seed: SEED,
          runs: RUNS,
        });
        expect({ way, differing: differing(summary, inProcess) }).toEqual({ way, differing: [] });
        expect({ way, ...projection(summary) }).toEqual({ way, ...want });
        expect({ way, verdict: summary.verdict, totals: summary.totals }).toEqual({
          way,
          verdict: inProcess.verdict,
          totals: inProcess.totals,
        });
      }
      // Separate runs, each with its own run id: what is compared does not come from it.
      expect(runIds.size).toBe(4);
    });
  });
}

describe('the same seed, started four ways, gives the same verdict', () => {
  let builtIn: Scenario | undefined;
  let faulty: Scenario | undefined;

  beforeAll(
    async () => {
      // Both scenarios at once: the children spend much of their time starting up.
      [builtIn, faulty] = await Promise.all([fourWays('builtin'), fourWays('faulty', faultyMock)]);
    },
    2 * CHILD_TIMEOUT_MS + 60_000,
  );

  afterAll(async () => {
    for (const pid of [...running]) killGroup(pid);
    await Promise.all(servers.map((s) => s.close()));
    for (const dir of reportDirs) rmSync(dir, { recursive: true, force: true });
  });

  describeScenario('the built-in mock', () => builtIn as Scenario, {
    verdict: 'CONFORMANT',
    code: 0,
    failures: false,
  });
  describeScenario(`a mock with ${FAULTS.join(', ')}, as a URL`, () => faulty as Scenario, {
    verdict: 'NOT CONFORMANT',
    code: 1,
    failures: true,
  });

  it('a slow machine: the quota probe under a busy event loop gives the same status', async () => {
    // What a loaded CI runner does to a run: here, 150 ms of other work every 10 ms, from the
    // moment the operations' own checks are done (the quota probe runs last).
    const op = exhaustionOperation((await getSpec()).operations)?.operationId as string;
    expect(OPERATIONS).toContain(op);
    const config = configFrom(
      { seed: String(SEED), runs: String(RUNS), operations: [op] },
      (k) => k,
    );
    let busy: NodeJS.Timeout | undefined;
    const onOperation: RunOptions['onOperation'] = (_op, done, of) => {
      if (done === of)
        busy = setInterval(() => {
          const until = Date.now() + 150;
          while (Date.now() < until);
        }, 10);
    };
    const slow = (
      await runConformance(config, { sleep: skipLongWaits, onOperation }).finally(() =>
        clearInterval(busy),
      )
    ).summary;
    expect(differing(slow, (builtIn as Scenario).inProcess, [op])).toEqual([]);
  }, 60_000);
});
