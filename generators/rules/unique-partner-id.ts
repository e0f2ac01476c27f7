import fc from 'fast-check';
import { UsageError } from '../../model';
import { isValid, typesOf, type SchemaSite } from '../schema';
import type { DescriptionRule, RuleContext } from './types';

const source = '400 example ERR801: "Leverage with this Partner External ID ... already exists"';

/** The property whose reuse by the same key a create refuses (ERR801). */
export const PARTNER_ID_PROPERTY = 'partnerLeadOpportunityId';

const counters = new Map<string, number>();

/** Unique for this process: a time-and-random stamp. Callers wanting replayable ids pass idPrefix. */
const RUN_PREFIX = `GEN-${Date.now().toString(36).toUpperCase()}${Math.floor(
  Math.random() * 36 ** 3,
)
  .toString(36)
  .toUpperCase()}-`;

/** `prefix` + a counter kept per prefix: two generators with one prefix still never collide. */
export function nextPartnerId(prefix: string): string {
  const n = counters.get(prefix) ?? 0;
  counters.set(prefix, n + 1);
  return `${prefix}${n.toString(36).toUpperCase().padStart(4, '0')}`;
}

export function idPrefixOf(ctx: RuleContext): string {
  return ctx.options.idPrefix ?? RUN_PREFIX;
}

/**
 * Creates refuse a reused id (ERR801); an update that renames an object to another object's
 * id collides the same way, so valid updates get fresh ids too.
 */
export function isPartnerIdSite(site: SchemaSite, ctx: RuleContext): boolean {
  return (
    (ctx.role === 'create' || ctx.role === 'update') &&
    site.propertyName === PARTNER_ID_PROPERTY &&
    (typesOf(site.schema) ?? []).includes('string')
  );
}

export const uniquePartnerIdRule: DescriptionRule = {
  name: 'unique-partner-id',
  source,
  appliesAt: isPartnerIdSite,
  arbitrary: (site, _next, ctx) => {
    const prefix = idPrefixOf(ctx);
    if (!isValid(site.schema, `${prefix}0000`)) {
      throw new UsageError(`idPrefix '${prefix}' does not make ids valid at ${site.pointer}`);
    }
    // Drawn at generation time, not from the seed: uniqueness matters more than replaying the id.
    return fc.constant(null).map(() => nextPartnerId(prefix));
  },
};
