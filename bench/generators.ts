/**
 * Valid-request throughput and validity, ours against json-schema-faker on the same
 * dereferenced schemas, in one run: `npm run bench:generators -- [--json] [--seconds N] [--spec FILE]`.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { loadJsonSchemaFaker } from './json-schema-faker';
import { getSpec, UsageError, type OperationModel, type SpecModel } from '../model';
import {
  partnerIdPointer,
  requestFindings,
  valueAtRequest,
  serializeParam,
  validRequest,
  type Finding,
  type RequestSample,
} from '../generators';

interface Measure {
  perSecond: number;
  /** Share of requests the spec's ajv validators accept (parameters and body). */
  validity: number;
  /** Share of requests that also keep the rules written in the spec's descriptions. */
  ruleValidity: number;
  samples: number;
}

interface Row {
  operationId: string;
  ours: Measure;
  jsonSchemaFaker: Measure;
}

interface Args {
  json: boolean;
  seconds: number;
  spec?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, seconds: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--seconds' || a === '--spec') {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a}: missing value`);
      if (a === '--spec') args.spec = v;
      else {
        const n = Number(v);
        if (!(n > 0)) throw new UsageError(`--seconds: expected a positive number, got '${v}'`);
        args.seconds = n;
      }
    } else
      throw new UsageError(`unknown argument '${a}' (expected --json, --seconds N, --spec FILE)`);
  }
  return args;
}

const BATCH = 200;
/**
 * Time is shared out in alternating slices, so load from other processes hits both tools
 * alike, and rates are per CPU-second of this process, which such load barely moves.
 */
const SLICES = 10;

type Producer = (round: number) => RequestSample[];

/** Generation plus the spec's own validators (ajv on parameters and body): the timed work. */
const schemaFindings = (op: OperationModel, sample: RequestSample): Finding[] =>
  requestFindings(op, sample, {}, []);

interface Tally {
  samples: number;
  schemaValid: number;
  ruleValid: number;
  ms: number;
  /** Partner ids sent so far by this tool: a repeat breaks "not used before by the same key". */
  partnerIds: Set<unknown>;
}

/** One time slice of one tool; description rules are checked on the side, untimed. */
function runSlice(op: OperationModel, produce: Producer, ms: number, tally: Tally): void {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const produced: RequestSample[] = [];
  while (performance.now() - started < ms) {
    for (const sample of produce(tally.samples + produced.length)) {
      if (schemaFindings(op, sample).length === 0) tally.schemaValid++;
      produced.push(sample);
    }
  }
  const used = process.cpuUsage(cpu);
  tally.ms += (used.user + used.system) / 1000;
  tally.samples += produced.length;
  for (const sample of produced) {
    const pointer = partnerIdPointer(op, sample);
    const id = pointer === undefined ? undefined : valueAtRequest(sample, pointer);
    const repeated = pointer !== undefined && tally.partnerIds.has(id);
    if (pointer !== undefined) tally.partnerIds.add(id);
    if (!repeated && requestFindings(op, sample).length === 0) tally.ruleValid++;
  }
}

const toMeasure = (t: Tally): Measure => ({
  perSecond: t.samples / (t.ms / 1000),
  validity: t.schemaValid / t.samples,
  ruleValidity: t.ruleValid / t.samples,
  samples: t.samples,
});

function compare(
  op: OperationModel,
  seconds: number,
  ours: Producer,
  theirs: Producer,
): [Measure, Measure] {
  const a: Tally = { samples: 0, schemaValid: 0, ruleValid: 0, ms: 0, partnerIds: new Set() };
  const b: Tally = { samples: 0, schemaValid: 0, ruleValid: 0, ms: 0, partnerIds: new Set() };
  const slice = (seconds * 1000) / SLICES;
  for (let i = 0; i < SLICES; i++) {
    runSlice(op, ours, slice, a);
    runSlice(op, theirs, slice, b);
  }
  return [toMeasure(a), toMeasure(b)];
}

function oursProducer(op: OperationModel, spec: SpecModel): Producer {
  const arb = validRequest(spec, op, { idPrefix: 'BENCH-' });
  fc.sample(arb, { seed: 0, numRuns: BATCH }); // warm-up, as the other side gets
  return (round) => fc.sample(arb, { seed: round + 1, numRuns: BATCH });
}

type JsfGenerate = (schema: unknown) => unknown;

function jsfProducer(op: OperationModel, generate: JsfGenerate): Producer {
  const media = op.requestBody?.json;
  const params = op.parameters.filter((p) => p.in === 'path' || p.in === 'query');
  const one = (): RequestSample => {
    const sample: RequestSample = { operationId: op.operationId, pathParams: {}, query: {} };
    for (const p of params) {
      const text = serializeParam(generate(p.schema));
      if (p.in === 'path') sample.pathParams[p.name] = text;
      else sample.query[p.name] = text;
    }
    if (media) {
      sample.body = generate(media.schema);
      sample.contentType = media.contentType;
    }
    return sample;
  };
  one();
  return () => Array.from({ length: BATCH }, one);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printTable(rows: Row[], seconds: number): void {
  const header = [
    'operation',
    'ours req/s',
    'schema',
    'rules',
    'jsf req/s',
    'schema',
    'rules',
    'speed-up',
  ];
  const lines = rows.map((r) => [
    r.operationId,
    r.ours.perSecond.toFixed(0),
    pct(r.ours.validity),
    pct(r.ours.ruleValidity),
    r.jsonSchemaFaker.perSecond.toFixed(0),
    pct(r.jsonSchemaFaker.validity),
    pct(r.jsonSchemaFaker.ruleValidity),
    `${(r.ours.perSecond / r.jsonSchemaFaker.perSecond).toFixed(1)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(
    `valid requests per CPU-second: generated + checked by the spec's ajv validators (${seconds}s per tool per operation)`,
  );
  console.log(
    'schema = share accepted by those validators; rules = share also keeping the description rules, unique partner ids included (checked untimed)',
  );
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const spec = await getSpec(args.spec);
  const jsf = loadJsonSchemaFaker();
  const generator = jsf.createGeneratorSync({ seed: 1 });
  const generate: JsfGenerate = (schema) => generator.generate(schema as never);
  const rows: Row[] = [];
  for (const op of spec.operations) {
    if (!op.requestBody && !op.parameters.some((p) => p.in === 'path' || p.in === 'query'))
      continue;
    const [ours, jsonSchemaFaker] = compare(
      op,
      args.seconds,
      oursProducer(op, spec),
      jsfProducer(op, generate),
    );
    rows.push({ operationId: op.operationId, ours, jsonSchemaFaker });
  }
  if (args.json) {
    console.log(JSON.stringify({ seconds: args.seconds, operations: rows }, null, 2));
  } else {
    printTable(rows, args.seconds);
  }
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exit(err.exitCode);
  }
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
