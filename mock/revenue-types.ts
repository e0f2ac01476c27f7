import { translateEnumValue } from '../model';
import { enumOf } from '../model/schema-access';
import type { SpecIndex } from './spec-index';

/**
 * Offer-line revenue types are stored in the newest version's read vocabulary (PxC, YxC, ...)
 * and translated for older versions (UPFRONT, RENTAL_BOOKING, ...) with the model's
 * description-based translation; tests/mock check it against the spec's HCRQ-F1LLDE pair.
 */
export interface RevenueTypes {
  /** A value from `version`'s create vocabulary, in the stored vocabulary. */
  toStored(version: string, value: string): string | undefined;
  /** A stored value in `version`'s read vocabulary. */
  forRead(version: string, stored: string): string | undefined;
  /** A value that belongs to another version's create vocabulary, in `version`'s one. */
  fromOtherVersion(version: string, value: string): string | undefined;
  /** Whether `version`'s create vocabulary has this value. */
  accepts(version: string, value: string): boolean;
}

export function revenueTypes(index: SpecIndex): RevenueTypes {
  const stored = index.readRevenueType(index.latest);
  const accepts = (version: string, value: string): boolean =>
    (enumOf(index.createRevenueType(version)) ?? []).includes(value);
  return {
    toStored: (version, value) =>
      translateEnumValue(value, index.createRevenueType(version), stored),
    forRead: (version, value) => translateEnumValue(value, stored, index.readRevenueType(version)),
    accepts,
    fromOtherVersion(version, value) {
      if (accepts(version, value)) return value;
      const other = index.versions.find((v) => v !== version && accepts(v, value));
      return other
        ? translateEnumValue(
            value,
            index.createRevenueType(other),
            index.createRevenueType(version),
          )
        : undefined;
    },
  };
}
