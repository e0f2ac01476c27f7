import { documentedRejection } from '../../checks/documented-rejection';
import { skip } from '../../checks/types';
import { documentedOutcome, roleOf } from '../../model';
import { exchangeFor, judge, writesRefused, type ScenarioContext } from '../context';
import { CHECKS } from '../plan';
import { anyCreated, createObject, requestWithId, withPathId } from '../resources';
import { coverageSamples, httpRequestOf, invalidSamples, validSamples } from '../samples';

const PER_CODE = 2;

/** Invalid inputs for which the spec documents an error code, a couple of each code. */
async function codedInvalidInputs(ctx: ScenarioContext, targetId?: string): Promise<void> {
  const { op, session } = ctx;
  const seen = new Map<string, number>();
  // The coverage samples carry one of each kind (so each documented code is met every run),
  // then random draws add variety.
  const draws = Math.max(40, session.config.runs * 2);
  for (const sample of [...coverageSamples(ctx), ...invalidSamples(session, op, draws, 'coded')]) {
    const code = sample.expected.code;
    if (!code || (seen.get(code) ?? 0) >= PER_CODE) continue;
    seen.set(code, (seen.get(code) ?? 0) + 1);
    let request = httpRequestOf(op, sample);
    if (targetId) request = withPathId(op, request, targetId);
    const exchange = await exchangeFor(ctx, CHECKS.errorCodes, request);
    if (!exchange) continue;
    const verdict = documentedRejection({ spec: session.spec, op, exchange }, sample.expected);
    judge(
      ctx,
      CHECKS.errorCodes,
      verdict.kind === 'fail'
        ? { kind: 'fail', reason: `${code} (${sample.reason}): ${verdict.reason}` }
        : verdict,
      exchange,
    );
  }
}

/** ERR801: the same partnerLeadOpportunityId twice from one key. */
async function duplicatePartnerId(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  const first = await createObject(ctx, op, CHECKS.errorCodes, undefined, 'dup');
  if (!first.record) {
    judge(ctx, CHECKS.errorCodes, skip('could not create the object to duplicate'));
    return;
  }
  const again = validSamples(session, op, 1, 'dup-again')[0];
  const body = { ...(again.body as Record<string, unknown>) };
  const lead = { ...((body.leadOpportunity as Record<string, unknown>) ?? {}) };
  lead.partnerLeadOpportunityId = first.record.partnerLeadOpportunityId;
  body.leadOpportunity = lead;
  const exchange = await exchangeFor(ctx, CHECKS.errorCodes, httpRequestOf(op, { ...again, body }));
  if (!exchange) return;
  const expected = documentedOutcome(
    op,
    'duplicate-partner-id',
    '/body/leadOpportunity/partnerLeadOpportunityId',
  );
  const verdict = documentedRejection({ spec: session.spec, op, exchange }, expected);
  judge(
    ctx,
    CHECKS.errorCodes,
    verdict.kind === 'fail'
      ? { kind: 'fail', reason: `duplicate partnerLeadOpportunityId: ${verdict.reason}` }
      : verdict,
    exchange,
  );
}

/** ERROR_048: an id this key never created. */
async function unknownId(ctx: ScenarioContext): Promise<void> {
  const { op, session } = ctx;
  const expected = documentedOutcome(op, 'unknown-id', '/path/id');
  if (!expected.statuses.some((s) => op.responses[String(s)])) {
    judge(
      ctx,
      CHECKS.errorCodes,
      skip(`no documented answer for an unknown id on ${op.operationId}`),
    );
    return;
  }
  const body =
    roleOf(op) === 'update' ? validSamples(session, op, 1, 'unknown-id')[0]?.body : undefined;
  const exchange = await exchangeFor(
    ctx,
    CHECKS.errorCodes,
    requestWithId(op, `ZZZZ-${session.config.runId.slice(-6).toUpperCase()}`, body),
  );
  if (!exchange) return;
  const verdict = documentedRejection({ spec: session.spec, op, exchange }, expected);
  judge(
    ctx,
    CHECKS.errorCodes,
    verdict.kind === 'fail' ? { kind: 'fail', reason: `unknown id: ${verdict.reason}` } : verdict,
    exchange,
  );
}

/** The error codes the spec documents, each provoked by the input it documents it for. */
export async function errorCodesScenario(ctx: ScenarioContext): Promise<void> {
  const role = roleOf(ctx.op);
  if (writesRefused(ctx, CHECKS.errorCodes)) return;
  if (role === 'create') await duplicatePartnerId(ctx);
  if (role === 'read' || role === 'update') await unknownId(ctx);
  if (role === 'read') return;
  const target =
    role === 'update' ? await anyCreated(ctx, CHECKS.errorCodes, ctx.op.version) : undefined;
  await codedInvalidInputs(ctx, target?.dsLeadOpportunityId);
}
