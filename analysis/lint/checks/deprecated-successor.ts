import { roleOf, sibling, type OperationModel, type SpecModel } from '../../../model';
import type { Finding, LintCheck } from '../types';

const RULE = 'deprecated-successor';

/** The path a description names as the replacement: "Use `/sales/.../v1/...` instead". */
const NAMED_SUCCESSOR = /Use\s+`([^`]+)`\s+instead/i;

const versionNumber = (op: OperationModel): number =>
  Number(/^v(\d+)$/.exec(op.version)?.[1] ?? NaN);

function deprecatedWithoutSuccessor(op: OperationModel): Finding[] {
  if (!op.deprecated || op.successor) return [];
  const named = NAMED_SUCCESSOR.exec(op.description ?? '')?.[1];
  const message = named
    ? `deprecated ${op.operationId} names \`${named}\` as its successor, but no ${op.method.toUpperCase()} operation exists on that path`
    : `deprecated ${op.operationId} does not name a successor ("Use \`<path>\` instead")`;
  return [{ severity: 'error', rule: RULE, pointer: op.pointer, message }];
}

function successorAlsoDeprecated(spec: SpecModel, op: OperationModel): Finding[] {
  const next =
    op.successor && spec.operations.find((o) => o.operationId === op.successor?.operationId);
  if (!next?.deprecated) return [];
  return [
    {
      severity: 'warning',
      rule: RULE,
      pointer: op.pointer,
      message: `the successor of ${op.operationId}, ${next.operationId}, is itself deprecated`,
    },
  ];
}

/** Not deprecated, yet in an older version than the spec's newest, with no newer counterpart. */
function currentOldVersion(spec: SpecModel, op: OperationModel): Finding[] {
  const newest = Math.max(...spec.operations.map(versionNumber).filter(Number.isFinite));
  const mine = versionNumber(op);
  if (op.deprecated || !Number.isFinite(mine) || mine >= newest) return [];
  const newer = sibling(spec.operations, op, roleOf(op), `v${newest}`);
  const message = newer
    ? `${op.operationId} (${op.version}) is not deprecated although ${newer.operationId} (v${newest}) does the same`
    : `${op.operationId} (${op.version}) is current: not deprecated and no v${newest} successor`;
  return [{ severity: newer ? 'warning' : 'info', rule: RULE, pointer: op.pointer, message }];
}

/** Tools read the flag, people read the prose: a deprecation only in prose is missed by tools. */
function describedButNotFlagged(op: OperationModel): Finding[] {
  if (op.deprecated || !/\bdeprecated\b/i.test(op.description ?? '')) return [];
  return [
    {
      severity: 'warning',
      rule: RULE,
      pointer: op.pointer,
      message: `${op.operationId}'s description says it is deprecated but \`deprecated: true\` is not set`,
    },
  ];
}

/** Partners migrate by following "Use ... instead": the pointer must lead somewhere real. */
export const deprecatedSuccessor: LintCheck = {
  rule: RULE,
  description:
    'deprecated operations name an existing, non-deprecated successor; older current operations are listed',
  run: (spec) =>
    spec.operations.flatMap((op) => [
      ...deprecatedWithoutSuccessor(op),
      ...successorAlsoDeprecated(spec, op),
      ...currentOldVersion(spec, op),
      ...describedButNotFlagged(op),
    ]),
};
