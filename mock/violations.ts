import type { ErrorObject } from 'ajv';
import {
  documentedOutcome,
  roleOf,
  SCHEMA_VIOLATIONS,
  type DocumentedOutcome,
  type JsonSchema,
  type OperationModel,
  type ViolationKind,
} from '../model';
import { formatOf, itemsOf, propertiesOf, type SchemaObject } from '../model/schema-access';

/** One way a request is wrong, located by a pointer into the request (`/body/...`, `/query/top`). */
export interface Violation {
  kind: ViolationKind;
  pointer: string;
  format?: string;
  message: string;
}

const SCHEMA_KINDS: ReadonlySet<string> = new Set<ViolationKind>(SCHEMA_VIOLATIONS);

const KEYWORD_ALIASES: Record<string, ViolationKind> = {
  exclusiveMinimum: 'minimum',
  exclusiveMaximum: 'maximum',
};

const DATE_TIME = 'date-time';

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The (dereferenced) schema that applies at an instance path such as `/data/0/modifiedDate`. */
export function schemaAtInstance(root: JsonSchema, instancePath: string): SchemaObject | undefined {
  let node: SchemaObject | undefined = root as SchemaObject;
  for (const raw of instancePath.split('/').slice(1)) {
    if (!node) return undefined;
    const segment = unescape(raw);
    node = /^\d+$/.test(segment) && itemsOf(node) ? itemsOf(node) : propertiesOf(node)[segment];
  }
  return node;
}

function kindOf(
  op: OperationModel,
  error: ErrorObject,
  missingFormat: string | undefined,
): ViolationKind {
  // A search criterion's date bound left out is its own documented case (ERROR_043).
  if (error.keyword === 'required' && roleOf(op) === 'search' && missingFormat === DATE_TIME) {
    return 'search-missing-bound';
  }
  if (SCHEMA_KINDS.has(error.keyword)) return error.keyword as ViolationKind;
  return KEYWORD_ALIASES[error.keyword] ?? 'type';
}

/** Ajv's findings about one part of the request, as violations. */
export function violationsFromAjv(
  op: OperationModel,
  errors: ErrorObject[] | null | undefined,
  prefix: string,
  schema: JsonSchema,
): Violation[] {
  return (errors ?? []).map((error) => {
    const missing =
      error.keyword === 'required'
        ? String((error.params as { missingProperty?: string }).missingProperty)
        : undefined;
    const path = missing !== undefined ? `${error.instancePath}/${missing}` : error.instancePath;
    const format =
      error.keyword === 'format'
        ? String((error.params as { format?: string }).format)
        : missing !== undefined
          ? formatOf(schemaAtInstance(schema, path))
          : undefined;
    return {
      kind: kindOf(op, error, missing !== undefined ? format : undefined),
      pointer: prefix + path,
      format: error.keyword === 'format' ? format : undefined,
      message: `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
    };
  });
}

export interface Decision {
  status: number;
  outcome: DocumentedOutcome;
  violation: Violation;
}

/** The status to answer with: the documented one, else the operation's documented 400. */
export function documentedStatusFor(op: OperationModel, outcome: DocumentedOutcome): number {
  const documented = outcome.answers.find((a) => op.responses[String(a.status)] !== undefined);
  if (documented !== undefined) return documented.status;
  return op.responses['400'] ? 400 : outcome.answers[0].status;
}

/** The error code of the answer the mock gives for an outcome. */
export function documentedCodeFor(
  op: OperationModel,
  outcome: DocumentedOutcome,
): string | undefined {
  const status = documentedStatusFor(op, outcome);
  return outcome.answers.find((a) => a.status === status)?.code;
}

/**
 * Several violations at once: a documented error code wins, then any 400, then 406 (a date
 * format is only worth reporting once the body is otherwise well formed).
 */
export function decide(op: OperationModel, violations: Violation[]): Decision | undefined {
  let best: Decision | undefined;
  let bestRank = -1;
  for (const violation of violations) {
    const outcome = documentedOutcome(op, violation.kind, violation.pointer, violation.format);
    const status = documentedStatusFor(op, outcome);
    const rank = status === 406 ? 1 : documentedCodeFor(op, outcome) !== undefined ? 3 : 2;
    if (rank > bestRank) [best, bestRank] = [{ status, outcome, violation }, rank];
  }
  return best;
}
