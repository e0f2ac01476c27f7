import { enumTranslations, type OperationModel } from '../../model';
import { project } from '../projection';
import { isRecord, itemsOf, propertiesOf, type SchemaObject } from '../../model/schema-access';
import { FIELDS } from '../spec-fields';
import type { MockState } from '../types';

/** What create and update share: reading the request into the stored shape. */

export function resourceOf(body: unknown): Record<string, unknown> {
  return isRecord(body) && isRecord(body[FIELDS.resource])
    ? (body[FIELDS.resource] as Record<string, unknown>)
    : {};
}

export function partnerIdOf(body: unknown): string | undefined {
  const id = resourceOf(body)[FIELDS.partnerId];
  return typeof id === 'string' ? id : undefined;
}

/** The rental-reads-quarterly fault: of the stored values a description matches, the last one (QxC for Rental Booking). */
function lastTranslation(state: MockState, version: string, value: string): string | undefined {
  const candidates = enumTranslations(
    value,
    state.index.createRevenueType(version),
    state.index.readRevenueType(state.index.latest),
  );
  return candidates[candidates.length - 1];
}

/** Offer lines in the stored vocabulary, with the version's documented default revenue type. */
function storedOfferLines(
  state: MockState,
  version: string,
  lines: unknown,
  schema: SchemaObject | undefined,
): unknown {
  if (!Array.isArray(lines)) return lines;
  const revenueSchema = propertiesOf(itemsOf(schema))[FIELDS.revenueType];
  return lines.map((line) => {
    if (!isRecord(line)) return line;
    const given = line[FIELDS.revenueType] ?? revenueSchema?.default;
    const revenueType =
      typeof given === 'string'
        ? state.faults.has('rental-reads-quarterly')
          ? (lastTranslation(state, version, given) ?? given)
          : (state.revenue.toStored(version, given) ?? given)
        : undefined;
    return revenueType === undefined ? line : { ...line, [FIELDS.revenueType]: revenueType };
  });
}

/**
 * The request body as stored: only what the operation's schema describes, the resource's
 * attributes flattened next to the body's other members (offerLines, customerLegalEntity...).
 */
export function storedFields(
  state: MockState,
  op: OperationModel,
  body: unknown,
): Record<string, unknown> {
  const schema = op.requestBody?.json?.schema as SchemaObject | undefined;
  const projected = project(schema, body, { fillNulls: false, translate: () => undefined });
  const { [FIELDS.resource]: resource, ...rest } = isRecord(projected) ? projected : {};
  const fields: Record<string, unknown> = { ...rest, ...(isRecord(resource) ? resource : {}) };
  if (FIELDS.offerLines in fields) {
    fields[FIELDS.offerLines] = storedOfferLines(
      state,
      op.version,
      fields[FIELDS.offerLines],
      propertiesOf(schema)[FIELDS.offerLines],
    );
  }
  return fields;
}

/** v0 revenue types on a newer version's create, mapped as if valid (the fault's bug). */
export function acceptOtherVocabulary(state: MockState, version: string, body: unknown): unknown {
  if (!isRecord(body) || !Array.isArray(body[FIELDS.offerLines])) return body;
  const lines = (body[FIELDS.offerLines] as unknown[]).map((line) => {
    if (!isRecord(line) || typeof line[FIELDS.revenueType] !== 'string') return line;
    const mapped = state.revenue.fromOtherVersion(version, line[FIELDS.revenueType] as string);
    return mapped ? { ...line, [FIELDS.revenueType]: mapped } : line;
  });
  return { ...body, [FIELDS.offerLines]: lines };
}

/** The first string longer than `max` anywhere in a JSON value. */
export function hasLongString(value: unknown, max: number): boolean {
  if (typeof value === 'string') return value.length > max;
  if (Array.isArray(value)) return value.some((v) => hasLongString(v, max));
  if (isRecord(value)) return Object.values(value).some((v) => hasLongString(v, max));
  return false;
}
