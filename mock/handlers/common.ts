import { documentedOutcome, ERROR_CODES, type OperationModel } from '../../model';
import { FIELDS } from '../spec-fields';
import { resourceOf } from './write';
import type { MockReply } from '../http-io';
import type { JsonSchema } from '../../model';
import {
  decide,
  documentedCodeFor,
  documentedStatusFor,
  violationsFromAjv,
  type Decision,
  type Violation,
} from '../violations';
import type { MockState } from '../types';

/** Violations of the operation's request-body schema, found by the model's compiled validator. */
export function bodyViolations(op: OperationModel, body: unknown): Violation[] {
  const media = op.requestBody?.json;
  if (!media || media.validate(body)) return [];
  return violationsFromAjv(op, media.validate.errors, '/body', media.schema as JsonSchema);
}

/** The documented answer to a rejected request, in the operation's body shape for that status. */
export function reject(
  state: MockState,
  op: OperationModel,
  decision: Decision,
  info?: Record<string, unknown>,
): MockReply {
  let { status } = decision;
  let code = documentedCodeFor(op, decision.outcome);
  const schemaBroken =
    decision.violation.pointer.startsWith('/body') &&
    !['duplicate-partner-id', 'unknown-id'].includes(decision.violation.kind);
  if (state.faults.has('invalid-bodies-406') && schemaBroken && op.responses['406']) {
    status = 406;
    code = ERROR_CODES.dateFormat;
  }
  if (status === 406 && state.faults.has('date-format-400') && op.responses['400']) {
    status = 400;
    code = undefined;
  }
  const message =
    (code && state.envelopes.messageFor(code)) || `Invalid request: ${decision.violation.message}`;
  return { status, body: state.envelopes.failure(op, status, { code, message }, { info }) };
}

/** The first violation's documented answer, or undefined when there is none. */
export function rejectAny(
  state: MockState,
  op: OperationModel,
  violations: Violation[],
  info?: Record<string, unknown>,
): MockReply | undefined {
  const decision = decide(op, violations);
  return decision ? reject(state, op, decision, info) : undefined;
}

/** A single rule broken (duplicate partner id, unknown id, search window): its documented answer. */
export function rejectRule(state: MockState, op: OperationModel, violation: Violation): MockReply {
  const outcome = documentedOutcome(op, violation.kind, violation.pointer, violation.format);
  return reject(state, op, { status: documentedStatusFor(op, outcome), outcome, violation });
}

export function unknownId(
  state: MockState,
  op: OperationModel,
  id: string,
  param: string,
): MockReply {
  if (state.faults.has('unknown-id-404'))
    return { status: 404, body: { message: `No object with id ${id}` } };
  if (state.faults.has('unknown-id-wrong-code') && op.responses['500']) {
    return {
      status: 500,
      body: state.envelopes.failure(op, 500, { code: 'INTERNAL_ERROR', message: 'Internal error' }),
    };
  }
  return rejectRule(state, op, {
    kind: 'unknown-id',
    pointer: `/path/${param}`,
    message: `unknown id ${id}`,
  });
}

/** The operation's single path parameter (the object's id) and its value. */
export function idParam(
  op: OperationModel,
  pathParams: Record<string, string>,
): { name: string; id: string } {
  const name =
    op.parameters.find((p) => p.in === 'path')?.name ?? Object.keys(pathParams)[0] ?? 'id';
  return { name, id: pathParams[name] ?? '' };
}

/** The non-ascii-name-rejected fault: a name beyond ASCII is refused as if invalid. */
export function nonAsciiName(
  state: MockState,
  op: OperationModel,
  body: unknown,
): MockReply | undefined {
  const name = resourceOf(body)[FIELDS.name];
  if (
    !state.faults.has('non-ascii-name-rejected') ||
    typeof name !== 'string' ||
    !/[^ -~]/.test(name)
  )
    return undefined;
  return rejectRule(state, op, {
    kind: 'pattern',
    pointer: `/body/${FIELDS.resource}/${FIELDS.name}`,
    message: 'name must be ASCII',
  });
}
