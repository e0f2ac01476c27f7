/**
 * Throughput of the mock on loopback: requests per second, requests per second of the mock's
 * own CPU time, and p50/p99 latency for get, search, portfolio paging and create. The mock
 * runs in a child process (its own core), autocannon in this one. `--server express` serves
 * the same handler through express, for comparison.
 *
 *   npm run bench:mock -- [--seconds N] [--connections N] [--server node|express] [--json]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import express from 'express';
import { createMock, DEFAULT_MOCK_API_KEY } from '../mock';
import { getSpec, roleOf, UsageError, type OperationModel, type SpecModel } from '../model';

type ServerKind = 'node' | 'express';

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: (n: number) => string;
  /** Path for the n-th request, when it changes. */
  pathOf?: (n: number) => string;
  /** Statuses this scenario expects: anything else is counted as unexpected. */
  expected: number;
}

interface Figures {
  scenario: string;
  server: ServerKind;
  requestsPerSecond: number;
  /** Requests served per second of the mock's own CPU time: about one core's capacity. */
  requestsPerCpuSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  unexpectedStatuses: number;
  errors: number;
}

/** Objects created before measuring: what search scans and finds. */
const SEEDED = 100;

const HEADERS = { 'x-api-key': DEFAULT_MOCK_API_KEY, 'content-type': 'application/json' };

function parse(argv: string[]): {
  seconds: number;
  connections: number;
  server: ServerKind;
  json: boolean;
  serve: boolean;
} {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        seconds: { type: 'string' },
        connections: { type: 'string' },
        server: { type: 'string' },
        json: { type: 'boolean' },
        serve: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  const positive = (name: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1)
      throw new UsageError(`--${name}: expected a positive integer, got ${JSON.stringify(raw)}`);
    return Number(raw);
  };
  const server = values.server ?? 'node';
  if (server !== 'node' && server !== 'express')
    throw new UsageError(`--server: expected node or express, got ${JSON.stringify(server)}`);
  return {
    seconds: positive('seconds', values.seconds, 5),
    connections: positive('connections', values.connections, 10),
    server,
    json: values.json ?? false,
    serve: values.serve ?? false,
  };
}

/** Child mode: serve the mock on an ephemeral loopback port and print its URL as one JSON line. */
async function serve(kind: ServerKind): Promise<void> {
  const spec = await getSpec();
  const mock = createMock(spec, { rateLimit: { limit: 1_000_000_000, windowSeconds: 3600 } });
  const handler = kind === 'express' ? express().use(mock.app) : mock.app;
  const server = createServer(handler);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${port}` }) + '\n');
  });
  // The parent asks for the server's CPU time around each scenario: requests per CPU-second
  // is a figure that holds even when other processes share the machine.
  process.on('message', () => process.send?.(process.cpuUsage()));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}

/** The child's user+system CPU time, in seconds. */
function cpuSecondsOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (usage: NodeJS.CpuUsage) => resolve((usage.user + usage.system) / 1e6));
    child.send('cpu');
  });
}

function startChild(kind: ServerKind): Promise<{ child: ChildProcess; url: string }> {
  // node itself with the TypeScript loader: one process, so the IPC channel reaches the server.
  const child = spawn(
    process.execPath,
    [
      '--require',
      path.join(__dirname, '..', 'cli', 'load-typescript.cjs'),
      __filename,
      '--serve',
      '--server',
      kind,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      cwd: path.join(__dirname, '..'),
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.once('exit', (code) => reject(new Error(`mock server exited with ${code}`)));
  });
}

function operation(spec: SpecModel, role: string, version?: string): OperationModel {
  const found = spec.operations.find(
    (o) => roleOf(o) === role && (!version || o.version === version),
  );
  if (!found) throw new Error(`no ${role} operation ${version ?? ''} in the spec`);
  return found;
}

async function scenarios(spec: SpecModel, url: string): Promise<Scenario[]> {
  const newest =
    spec.operations
      .map((o) => o.version)
      .sort()
      .pop() ?? 'v1';
  const create = operation(spec, 'create', newest);
  const read = operation(spec, 'read', newest);
  const search = operation(spec, 'search');
  const list = operation(spec, 'list');
  const example = create.requestBody?.json?.examples[0]?.value as {
    leadOpportunity: Record<string, unknown>;
  };
  const bodyWith = (partnerId: string): string =>
    JSON.stringify({
      ...example,
      leadOpportunity: { ...example.leadOpportunity, partnerLeadOpportunityId: partnerId },
    });

  const ids: string[] = [];
  for (let i = 0; i < SEEDED; i++) {
    const created = await fetch(url + create.path, {
      method: 'POST',
      headers: HEADERS,
      body: bodyWith(`BENCH-SEED-${i}`),
    });
    if (created.status !== 201) throw new Error(`seeding: create answered ${created.status}`);
    ids.push(((await created.json()) as { dsLeadOpportunityId: string }).dsLeadOpportunityId);
  }
  const id = ids[0];
  const to = new Date();
  const from = new Date(to.getTime() - 24 * 3600 * 1000);
  const searchBody = JSON.stringify({
    data: [{ modifiedDate: { fromDate: from.toISOString(), toDate: to.toISOString() } }],
  });
  const readPath = read.path.replace(/\{[^}]+\}/, id);

  return [
    { name: `get ${read.operationId}`, method: 'GET', path: readPath, expected: 200 },
    {
      name: `search ${search.operationId} (${SEEDED} objects)`,
      method: 'POST',
      path: search.path,
      body: () => searchBody,
      expected: 200,
    },
    {
      name: `page ${list.operationId}`,
      method: 'GET',
      path: list.path,
      pathOf: (n) => `${list.path}?skip=${(n * 50) % 300}&top=50`,
      expected: 200,
    },
    {
      name: `create ${create.operationId}`,
      method: 'POST',
      path: create.path,
      body: (n) => bodyWith(`BENCH-${n}`),
      expected: 201,
    },
  ];
}

function run(
  url: string,
  scenario: Scenario,
  seconds: number,
  connections: number,
  server: ServerKind,
): Promise<Omit<Figures, 'requestsPerCpuSecond'>> {
  let n = 0;
  let unexpected = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: scenario.method,
            path: scenario.path,
            headers: HEADERS,
            setupRequest: (req) => {
              n++;
              return {
                ...req,
                ...(scenario.body ? { body: scenario.body(n) } : {}),
                ...(scenario.pathOf ? { path: scenario.pathOf(n) } : {}),
              };
            },
            onResponse: (status) => {
              if (status !== scenario.expected) unexpected++;
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          scenario: scenario.name,
          server,
          requestsPerSecond: Math.round(result.requests.average),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          requests: result.requests.total,
          unexpectedStatuses: unexpected,
          errors: result.errors,
        });
      },
    );
  });
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (options.serve) return serve(options.server);
  const spec = await getSpec();
  const { child, url } = await startChild(options.server);
  try {
    const results: Figures[] = [];
    for (const scenario of await scenarios(spec, url)) {
      const cpuBefore = await cpuSecondsOf(child);
      const figures = await run(
        url,
        scenario,
        options.seconds,
        options.connections,
        options.server,
      );
      const cpu = (await cpuSecondsOf(child)) - cpuBefore;
      results.push({ ...figures, requestsPerCpuSecond: Math.round(figures.requests / cpu) });
    }
    if (options.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    else {
      for (const r of results) {
        process.stdout.write(
          `${r.scenario.padEnd(44)} ${String(r.requestsPerSecond).padStart(6)} req/s ` +
            `${String(r.requestsPerCpuSecond).padStart(6)} req/cpu-s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  ` +
            `(${r.requests} requests, ${r.unexpectedStatuses} unexpected statuses, ${r.errors} errors; ${r.server})\n`,
        );
      }
    }
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(err instanceof UsageError ? err.exitCode : 1);
});
