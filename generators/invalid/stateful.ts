import fc from 'fast-check';
import type { OperationModel } from '../../model';
import { documentedOutcome, UsageError } from '../../model';
import { ruleContextOf } from '../request/context';
import { valueAtRequest, withValueAt } from '../request/pointer';
import { validRequestOf } from '../request/valid';
import { isPartnerIdSite } from '../rules';
import type { GeneratorOptions, InvalidSample, RequestSample } from '../types';
import { walkValue } from '../walk';

/**
 * Ids shaped like 3DS ids (`9YEL-Y3W56Q`) but under a prefix no server issues, so that only
 * their being unknown is wrong, not their shape.
 */
export const unknownId: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Z0-9]{6}$/)
  .map((s) => `ZZZZ-${s}`);

/** A valid request to an id that does not exist (read/update): ERROR_048 per the spec. */
export function unknownIdRequestOf(
  op: OperationModel,
  options: GeneratorOptions = {},
): fc.Arbitrary<InvalidSample> {
  const idParam = op.parameters.find((p) => p.in === 'path');
  if (!idParam)
    throw new UsageError(`${op.operationId}: has no path parameter to point at an unknown id`);
  const pointer = `/path/${idParam.name}`;
  return fc.tuple(validRequestOf(op, options), unknownId).map(([base, id]) => ({
    ...withValueAt(base, pointer, id),
    violation: 'unknown-id' as const,
    pointer,
    expected: documentedOutcome(op, 'unknown-id', pointer),
    reason: `${pointer}: ${id} was never created`,
    base,
  }));
}

/** Where the create body carries the id a server must see only once (e.g. /body/leadOpportunity/partnerLeadOpportunityId). */
export function partnerIdPointer(
  op: OperationModel,
  sample: RequestSample,
  options: GeneratorOptions = {},
): string | undefined {
  const media = op.requestBody?.json;
  if (!media || sample.body === undefined) return undefined;
  const ctx = ruleContextOf(op, options);
  let found: string | undefined;
  walkValue(media.schema, sample.body, { at: '/body', pointer: media.schemaPointer }, (site) => {
    if (found === undefined && site.present && isPartnerIdSite(site, ctx)) found = site.at;
  });
  return found;
}

/** A new, valid create request that reuses the partner id of an earlier one: ERR801 per the spec. */
export function duplicatePartnerIdRequestOf(
  op: OperationModel,
  previous: RequestSample,
  options: GeneratorOptions = {},
): fc.Arbitrary<InvalidSample> {
  const pointer = partnerIdPointer(op, previous, options);
  if (!pointer)
    throw new UsageError(
      `${op.operationId}: the earlier request carries no partner id to duplicate`,
    );
  const id = valueAtRequest(previous, pointer);
  return validRequestOf(op, options).map((base) => ({
    ...withValueAt(base, pointer, id),
    violation: 'duplicate-partner-id' as const,
    pointer,
    expected: documentedOutcome(op, 'duplicate-partner-id', pointer),
    reason: `${pointer}: ${JSON.stringify(id)} was already used by an earlier create`,
    base,
  }));
}
