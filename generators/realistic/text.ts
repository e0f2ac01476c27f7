import fc from 'fast-check';

/**
 * What partner CRMs put in free-text fields, chosen by property name. These are sample data,
 * not spec content: every value is checked against the field's schema before it is used.
 */
const FIRST_NAMES = [
  'John',
  'Robert',
  'Marie',
  'José',
  'Zoë',
  'Øyvind',
  'Ayşe',
  'Nguyễn',
  '美咲',
  'Anne-Sophie',
];
const LAST_NAMES = [
  'Doe',
  'Johnson',
  "O'Brien",
  'Müller',
  'García Márquez',
  'Smith',
  'Łukasiewicz',
  '山田',
  'van der Berg',
];
const CITIES = [
  'Paris',
  'Stockdorf',
  'San Francisco',
  'München',
  'São Paulo',
  'Tōkyō',
  'Vélizy-Villacoublay',
  'Bengaluru',
];
const COUNTRIES = [
  'France',
  'Germany',
  'United States',
  'Japan',
  'India',
  'Brasil',
  'Côte d’Ivoire',
  'FRANCE',
];
const COMPANIES = [
  'World Company Limited',
  'NEW CUSTOMER CORPORATION',
  'Bäckerei Schmidt GmbH',
  'Acme & Sons',
  'Société Générale d’Ingénierie',
];
const DOMAINS = [
  'customer.com',
  'partner.co.uk',
  'world-company.com',
  'mail.example.org',
  'bäckerei.de',
];
const CURRENCIES = ['EUR', 'USD', 'INR', 'JPY', 'GBP', 'CHF', 'CNY', 'BRL', 'KRW', 'SEK'];
const PHONES = [
  '(555) 555-1234',
  '+33 1 61 62 61 62',
  '+49 89 1234567',
  '987654321',
  '+1-800-555-0199',
];
const SALUTATIONS = ['Mr', 'Ms', 'Dr.', 'M.', 'Mme', 'Prof.'];
const JOB_TITLES = [
  'R&D Director',
  'Head of Engineering',
  'CAD Manager',
  'Directeur des achats',
  'CTO',
];
const WEBSITES = [
  'www.world-company-limited.com',
  'https://www.3ds.com/',
  'http://bäckerei.de',
  'customer.com',
];

const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[^a-zA-Z0-9]/g, '');

const email: fc.Arbitrary<string> = fc
  .record({
    first: fc.constantFrom(...FIRST_NAMES),
    last: fc.constantFrom(...LAST_NAMES),
    tag: fc.option(fc.constantFrom('+crm', '+test', '_2'), { nil: '' }),
    domain: fc.constantFrom(...DOMAINS.filter((d) => /^[\x20-\x7e]+$/.test(d))),
  })
  .map(({ first, last, tag, domain }) => {
    const local = `${ascii(first) || 'x'}.${ascii(last) || 'y'}${tag}`.toLowerCase();
    return `${local}@${domain}`;
  });

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ID_WORDS = [
  'PARTNER',
  'CRM',
  'LEAD',
  'OPPY',
  'CLASS',
  'ONPR',
  'PRTF',
  'SOL',
  'OC2DE',
  'ACME',
];

/** `length` characters of base 36 read off an integer: cheap, and shrinking towards zeros. */
function alnum(n: number, length: number): string {
  let out = '';
  for (let i = 0, rest = n; i < length; i++, rest = Math.floor(rest / 36)) out += ALNUM[rest % 36];
  return out;
}

/** Ids as CRMs print them: `PARTNER-CRM-LEAD-1A8R`, `CLASS00002_ONPR_SOL001277`. */
const idLike: fc.Arbitrary<string> = fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => {
  const sep = a & 1 ? '-' : '_';
  const head = [ID_WORDS[(a >>> 1) % ID_WORDS.length], ID_WORDS[(a >>> 5) % ID_WORDS.length]].slice(
    0,
    1 + ((a >>> 9) & 1),
  );
  return [...head, alnum(b, 4 + ((a >>> 10) & 3))].join(sep);
});

/** 3DS object ids: `9YEL-Y3W56Q`. */
const dsId: fc.Arbitrary<string> = fc
  .tuple(fc.nat(), fc.nat())
  .map(([a, b]) => `${alnum(a, 4)}-${alnum(b, 6)}`);

/** `min`..`max` decimal digits (first one non-zero), read off two integers. */
const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => {
    const length = min + (a % (max - min + 1));
    const pool = `${1 + (b % 9)}${String(a).padStart(10, '0')}${String(b).padStart(10, '0')}`;
    return pool.slice(0, length);
  });

/** Property-name patterns, first match wins. */
const BY_NAME: Array<[RegExp, fc.Arbitrary<string>]> = [
  [/e-?mail/i, email],
  [/first-?name/i, fc.constantFrom(...FIRST_NAMES)],
  [/last-?name/i, fc.constantFrom(...LAST_NAMES)],
  [/^city$/i, fc.constantFrom(...CITIES)],
  [/^country$/i, fc.constantFrom(...COUNTRIES)],
  [/currency/i, fc.constantFrom(...CURRENCIES)],
  [/phone/i, fc.constantFrom(...PHONES)],
  [/salutation/i, fc.constantFrom(...SALUTATIONS)],
  [/job-?title/i, fc.constantFrom(...JOB_TITLES)],
  [/url|website/i, fc.constantFrom(...WEBSITES)],
  [/^partnerId$|duns/i, digits(9, 15)],
  [/vat/i, fc.tuple(fc.constantFrom('DE', 'FR', 'IT', 'GB'), digits(9, 11)).map(([c, n]) => c + n)],
  [/zip|postal/i, digits(4, 5)],
  [/^name$/i, fc.constantFrom(...COMPANIES)],
  [/^id$/i, dsId],
  [/[a-z]Id$|Code$/, idLike],
];

/** A realistic value for a string property with this name, when we know what such fields hold. */
export function realisticText(propertyName: string | undefined): fc.Arbitrary<string> | undefined {
  if (!propertyName) return undefined;
  return BY_NAME.find(([pattern]) => pattern.test(propertyName))?.[1];
}

export const realisticEmail = email;

/** Words people type in names and comments, mostly plain, some accented or from other scripts. */
const WORDS = [
  'Projekt',
  'demo',
  'Customer',
  'budget',
  'renewal',
  'upgrade',
  'pilot',
  'phase',
  'Design',
  'Simulation',
  'Manufacturing',
  'PLM',
  'rollout',
  'licence',
  'seats',
  'training',
  'Q3',
  'Q4',
  '2025',
  'MBSE',
  'STEP',
  '1+2',
  'Big-Picture',
  'Topic',
  'follow-up',
  'call',
  'meeting',
  'next',
  'week',
  'signed',
  'quote',
  'sent',
  'Müller',
  'Straße',
  'Société',
  'Générale',
  'café',
  'naïve',
  'São',
  'Paulo',
  'Zürich',
  '東京',
  'プロジェクト',
  'проект',
  'مشروع',
  'emoji',
  '🚀',
  '✅',
  '&',
  '/',
  '(draft)',
  '#42',
  'v2',
  'R&D',
  "O'Neil",
  'x',
  'A',
  'B',
  'C',
  'test',
  'temp',
  'TBD',
  'N/A',
  '-',
];

/**
 * One to four words drawn from a single integer: as cheap as a number to generate, and it
 * shrinks with the number, towards the first word alone.
 */
export const words: fc.Arbitrary<string> = fc.nat().map((n) => {
  const count = 1 + (n & 3);
  const out: string[] = [];
  let rest = n >>> 2;
  for (let i = 0; i < count; i++) {
    out.push(WORDS[rest % WORDS.length]);
    rest = Math.floor(rest / WORDS.length);
  }
  return out.join(' ');
});

/** A long string of exactly `min`..`max` code points, built by repeating a short unicode chunk. */
export function longText(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 12 }),
      fc.integer({ min, max }),
    )
    .map(([chunk, n]) => {
      // The chunk's code points, cycled to n of them: whole repeats, then the first n % k.
      const units = [...chunk];
      return chunk.repeat(Math.floor(n / units.length)) + units.slice(0, n % units.length).join('');
    });
}
