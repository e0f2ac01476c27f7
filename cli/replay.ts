/**
 * npm run conformance -- replay FAILURE_ID [--from reports/summary.json] [--target T] [--spec PATH]
 *
 * Sends a saved failing request again, to the same or another target (a fixed build, the
 * mock), and judges the answer again. Exit 0 when it now passes, 1 when it still fails, 2 for
 * usage errors (unknown id, unreadable summary, refused target).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { positiveAcceptance } from '../checks/positive-acceptance';
import { documentedRejection } from '../checks/documented-rejection';
import type { Verdict } from '../checks/types';
import { DEFAULT_TIMEOUT_MS, newRunId, type RunConfig } from '../engine/config';
import { RESPONSE_CHECK_FUNCTIONS } from '../engine/context';
import { openSession } from '../engine/open-session';
import { CHECKS } from '../engine/plan';
import { DEFAULT_SPEC_PATH, roleOf, UsageError, type OperationModel } from '../model';
import { readSummaryFile } from '../reporting/summary-file';
import type { Exchange } from '../model/exchange';

const OPTIONS = {
  from: { type: 'string' },
  target: { type: 'string' },
  spec: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'allow-production': { type: 'boolean' },
} as const;

/** The verdict of the check that failed, re-applied to the new answer where it can be alone. */
function rejudge(
  check: string,
  op: OperationModel,
  exchange: Exchange,
  spec: Parameters<typeof positiveAcceptance>[0]['spec'],
): Verdict[] {
  const ctx = { spec, op, exchange };
  const verdicts = RESPONSE_CHECK_FUNCTIONS.map((rc) => rc.run(ctx));
  if (check === CHECKS.positive) verdicts.push(positiveAcceptance(ctx));
  if (check === CHECKS.negative || check === CHECKS.errorCodes) {
    // The failure names the documented outcome; without it, any documented rejection will do.
    const statuses = Object.keys(op.responses)
      .filter((s) => /^4\d\d$/.test(s) && !['401', '403', '429'].includes(s))
      .map(Number);
    verdicts.push(documentedRejection(ctx, { statuses, source: 'a documented rejection' }));
  }
  return verdicts;
}

/** A create sent twice with one partner id is a duplicate (ERR801): give the replay its own id. */
function freshPartnerId(op: OperationModel, body: unknown): unknown {
  const lead = (body as { leadOpportunity?: Record<string, unknown> } | undefined)?.leadOpportunity;
  if (roleOf(op) !== 'create' || typeof lead?.partnerLeadOpportunityId !== 'string') return body;
  const suffix = `-R${Date.now().toString(36).toUpperCase()}`;
  return {
    ...(body as Record<string, unknown>),
    leadOpportunity: { ...lead, partnerLeadOpportunityId: lead.partnerLeadOpportunityId + suffix },
  };
}

export async function runReplayCommand(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    throw new UsageError(`replay: ${(err as Error).message.split('\n')[0]}`);
  }
  const id = positionals[0];
  if (!id)
    throw new UsageError(
      'replay: missing FAILURE_ID (see the [F...] ids in the run output or summary.json)',
    );
  const from = (values.from as string | undefined) ?? path.join('reports', 'summary.json');
  const summary = readSummaryFile(from);
  const record = summary.checks.find((c) => c.failureId === id);
  if (!record) throw new UsageError(`replay: ${from}: no failure with id ${id}`);
  if (!record.request)
    throw new UsageError(
      `replay: ${id} (${record.operationId} > ${record.check}) has no saved request`,
    );
  const config: RunConfig = {
    specPath: path.resolve((values.spec as string | undefined) ?? DEFAULT_SPEC_PATH),
    target: (values.target as string | undefined) ?? 'mock',
    seed: summary.seed,
    runs: 1,
    reportDir: path.resolve('reports'),
    rateLimitProbe: false,
    allowProduction: values['allow-production'] === true,
    timeoutMs: values['timeout-ms'] ? Number(values['timeout-ms']) : DEFAULT_TIMEOUT_MS,
    runId: newRunId(),
  };
  const session = await openSession(config);
  try {
    const op = session.spec.operation(record.operationId);
    const { [session.keyHeader]: _redacted, ...headers } = record.request.headers;
    const body = freshPartnerId(op, record.request.body);
    if (body !== record.request.body) {
      process.stdout.write(
        'note: a new partnerLeadOpportunityId replaces the saved one, which the first create used up\n',
      );
    }
    const result = await session.send({ ...record.request, headers, body });
    if (!result.exchange)
      throw new UsageError(
        `replay: ${result.kind === 'inconclusive' ? result.reason : 'no answer'}`,
      );
    const { response } = result.exchange;
    process.stdout.write(
      `${record.request.method} ${record.request.path} -> ${response.status}\n${response.text.slice(0, 2000)}\n`,
    );
    const failures = rejudge(record.check, op, result.exchange, session.spec).filter(
      (v) => v.kind === 'fail',
    );
    const stateful = ![CHECKS.positive, CHECKS.negative, CHECKS.errorCodes].includes(
      record.check as never,
    );
    if (stateful)
      process.stdout.write(
        `note: ${record.check} depends on earlier requests; only the response checks were re-run\n`,
      );
    for (const f of failures) process.stdout.write(`FAIL ${f.kind === 'fail' ? f.reason : ''}\n`);
    process.stdout.write(
      failures.length
        ? `${id} still fails on ${config.target}\n`
        : `${id} passes on ${config.target}\n`,
    );
    return failures.length ? 1 : 0;
  } finally {
    await session.close();
  }
}
