import { roleOf, type OperationModel, type OperationSummary } from '../model';

type OperationLike = Pick<
  OperationModel,
  'method' | 'path' | 'deprecated' | 'operationId' | 'version'
> &
  ({ statuses: string[] } | Pick<OperationModel, 'responses'>);

function statusesOf(op: OperationLike): string[] {
  return 'statuses' in op ? op.statuses : Object.keys(op.responses);
}

/** Checks judged on every exchange of every operation. */
export const RESPONSE_CHECKS = [
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'rate_limit_headers',
  'not_a_server_error',
] as const;

/** Named checks, each with the kind of operation it applies to. */
export const CHECKS = {
  rateLimitDecreasing: 'rate_limit_remaining_decreases',
  authMissingKey: 'auth_missing_key_401',
  authUnknownKey: 'auth_unknown_key_403',
  positive: 'positive_data_acceptance',
  negative: 'negative_data_rejection',
  errorCodes: 'documented_error_codes',
  roundTrip: 'stateful_round_trip',
  keyIsolation: 'key_isolation',
  defaults: 'creation_defaults',
  paging: 'paging_consistency',
  exhaustion: 'rate_limit_exhaustion',
  maintenance: 'maintenance_503',
  versions: 'version_differences',
  deprecation: 'deprecation_signalling',
} as const;

/**
 * The checks a suite registers for an operation, from what the model says about it. Works on
 * the light operation list so jest can name tests before the model loads.
 */
export function plannedChecks(op: OperationLike, all: OperationLike[]): string[] {
  const role = roleOf(op as OperationModel);
  const checks: string[] = [...RESPONSE_CHECKS, CHECKS.rateLimitDecreasing];
  checks.push(CHECKS.authMissingKey, CHECKS.authUnknownKey, CHECKS.positive);
  if (role !== 'read') checks.push(CHECKS.negative);
  checks.push(CHECKS.errorCodes);
  if (role === 'create' || role === 'read' || role === 'update' || role === 'search')
    checks.push(CHECKS.roundTrip);
  if (role === 'read' || role === 'search') checks.push(CHECKS.keyIsolation);
  if (role === 'create') checks.push(CHECKS.defaults);
  if (role === 'list') checks.push(CHECKS.paging);
  if (op.operationId === exhaustionOperation(all)?.operationId) checks.push(CHECKS.exhaustion);
  if (statusesOf(op).includes('503')) checks.push(CHECKS.maintenance);
  const hasVersionPeer = op.deprecated
    ? /\/v0\//.test(op.path)
    : all.some(
        (o) =>
          o.deprecated &&
          o.method === op.method &&
          o.path.replace(/\/v\d+\//, '/') === op.path.replace(/\/v\d+\//, '/'),
      );
  if (hasVersionPeer) checks.push(CHECKS.versions, CHECKS.deprecation);
  return checks;
}

/**
 * The probe spends a whole quota window, so it runs once per run, on a read-only operation
 * (the first `list`, else the first `read`), never on a write.
 */
export function exhaustionOperation<T extends OperationLike>(all: T[]): T | undefined {
  const candidates = all.filter((o) => statusesOf(o).includes('429'));
  return (
    candidates.find((o) => roleOf(o as unknown as OperationModel) === 'list') ??
    candidates.find((o) => roleOf(o as unknown as OperationModel) === 'read')
  );
}

export function selectOperations<T extends OperationSummary | OperationModel>(
  all: T[],
  only?: string[],
): T[] {
  return only ? all.filter((o) => only.includes(o.operationId)) : all;
}
