import fc from 'fast-check';
import { dateString, timeString, utcDateTimeString } from '../realistic/dates';
import { realisticEmail } from '../realistic/text';
import { matchesFormat } from './validators';

/** Only values the spec's own format checker accepts: fast-check's generators are RFC-broad. */
const accepted = (format: string) => (value: string) => matchesFormat(format, value);

const STRING_FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  'date-time': () => utcDateTimeString,
  date: () => dateString,
  time: () => timeString,
  email: () =>
    fc.oneof(
      { weight: 3, arbitrary: realisticEmail },
      { weight: 1, arbitrary: fc.emailAddress().filter(accepted('email')) },
    ),
  uri: () =>
    fc.oneof(
      fc.constantFrom(
        'https://www.3ds.com/',
        'https://example.com/a/b?c=d#e',
        'urn:isbn:0451450523',
      ),
      fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(accepted('uri')),
    ),
  uuid: () => fc.uuid(),
  // OpenAPI formats on strings that ajv treats as annotations.
  password: () => fc.string({ minLength: 8, maxLength: 32 }),
  binary: () => fc.string(),
};

export function isStringFormat(format: string): boolean {
  return format in STRING_FORMATS;
}

export function stringFormatArbitrary(format: string): fc.Arbitrary<string> | undefined {
  return STRING_FORMATS[format]?.();
}

/** Numeric formats: OpenAPI's integer/float widths. */
export const NUMBER_FORMAT_BOUNDS: Record<string, { min: number; max: number; integer: boolean }> =
  {
    int32: { min: -(2 ** 31), max: 2 ** 31 - 1, integer: true },
    int64: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, integer: true },
    float: { min: -3.4e38, max: 3.4e38, integer: false },
    double: { min: -Number.MAX_VALUE, max: Number.MAX_VALUE, integer: false },
  };
