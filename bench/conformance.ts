/**
 * npm run bench:conformance [-- --runs N --seconds S --json]
 *
 * Wall time and request rate of a full conformance run against the in-process mock (default
 * runs), next to the raw request rate of the same mock measured with autocannon in the same
 * process: their ratio is the suite's own overhead (generation, validation, checks).
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { createMock, DEFAULT_MOCK_API_KEY } from '../mock';
import { DEFAULT_RUNS, newRunId, parseInteger, type RunConfig } from '../engine/config';
import { openSession } from '../engine/open-session';
import { newRun, runAll } from '../engine/run-operation';
import { DEFAULT_SPEC_PATH, getSpec } from '../model';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, seconds: { type: 'string' }, json: { type: 'boolean' } },
  });
  const runs = values.runs ? parseInteger(values.runs, '--runs', 1, 10_000) : DEFAULT_RUNS;
  const seconds = values.seconds ? parseInteger(values.seconds, '--seconds', 1, 60) : 5;
  const config: RunConfig = {
    specPath: DEFAULT_SPEC_PATH,
    target: 'mock',
    seed: 42,
    runs,
    reportDir: '/tmp/bench-conformance',
    rateLimitProbe: false,
    allowProduction: false,
    timeoutMs: 10_000,
    runId: newRunId(),
  };

  const session = await openSession(config);
  const run = newRun(session, session.spec.operations);
  const started = process.hrtime.bigint();
  await runAll(run);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const requests = session.exchanges.length;
  await session.close();
  const records = run.book.records();

  // The same mock, hammered with one cheap valid request: the ceiling a suite could reach.
  const spec = await getSpec();
  const mock = createMock(spec, { rateLimit: { limit: 10_000_000, windowSeconds: 60 } });
  const server = await mock.listen(0, '127.0.0.1');
  const list = spec.operations.find(
    (o) => o.method === 'get' && o.path.endsWith('/portfolio-items/search'),
  );
  const raw = await autocannon({
    url: `${server.url}${list?.path ?? '/'}?skip=0&top=10`,
    headers: { 'X-API-Key': DEFAULT_MOCK_API_KEY },
    connections: 1,
    duration: seconds,
  });
  await server.close();

  const suiteRps = requests / (wallMs / 1000);
  const result = {
    suite: {
      runs,
      wallMs: Math.round(wallMs),
      requests,
      requestsPerSecond: Math.round(suiteRps),
      checks: records.length,
    },
    rawMock: {
      tool: 'autocannon',
      connections: 1,
      seconds,
      requestsPerSecond: Math.round(raw.requests.average),
      p99Ms: raw.latency.p99,
    },
    overheadRatio: Number((raw.requests.average / suiteRps).toFixed(2)),
  };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    [
      `full conformance run against the mock (runs ${runs}): ${result.suite.wallMs} ms, ${requests} requests, ${result.suite.requestsPerSecond} req/s, ${records.length} checks`,
      `same mock, raw (autocannon, 1 connection, ${seconds} s):   ${result.rawMock.requestsPerSecond} req/s, p99 ${result.rawMock.p99Ms} ms`,
      `suite overhead: raw rate / suite rate = ${result.overheadRatio}x`,
    ].join('\n') + '\n',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:conformance: ${(err as Error).message}\n`);
  process.exit(2);
});
