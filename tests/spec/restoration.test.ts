/**
 * spec/openapi.yaml is the restoration of spec/received/openapi.flattened.yaml.txt (a js-yaml 4 dump
 * whose indentation and blank lines were lost). See spec/RESTORATION.md and scripts/restore-spec.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import yaml from 'js-yaml';

const ROOT = path.join(__dirname, '..', '..');
const RECEIVED_PATH = path.join(ROOT, 'spec', 'received', 'openapi.flattened.yaml.txt');
const RESTORED_PATH = path.join(ROOT, 'spec', 'openapi.yaml');

const received = fs.readFileSync(RECEIVED_PATH, 'utf8');
const restored = fs.readFileSync(RESTORED_PATH, 'utf8');

type Doc = Record<string, unknown>;

/** What was done to the document we received: leading whitespace stripped, blank lines dropped. */
const flatten = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trimStart())
    .filter((line) => line !== '')
    .join('\n');

/**
 * The three block scalars whose received line breaks no js-yaml dump can produce: they sit at
 * column 6 (fold width 72) but were wrapped at about 60 columns, e.g. "...in the CRM system" is
 * followed by "of the 3DS partner." although "of" fits on the line, and no line of the text is
 * long enough to make js-yaml pick the folded style at all. The restored file keeps their received
 * line breaks (faithfulness first), so the js-yaml round-trip checks mask exactly these three.
 */
const REWRAPPED: { at: string[]; lines: string[] }[] = [
  {
    at: ['components', 'schemas', 'partnerLeadOpportunityId', 'description'],
    lines: ['Unique Identifier of the lead-opportunity in the CRM system', 'of the 3DS partner.'],
  },
  {
    at: ['components', 'schemas', 'dsOwnerEmail', 'description'],
    lines: [
      'email of the 3DS Partner Sales Manager (PSM).',
      'Note : It is defaulted to the primary 3DS PSM if not provided',
      'at creation time.',
    ],
  },
  {
    at: ['components', 'schemas', 'reason_won', 'description'],
    lines: [
      'Identification of the reason a lead or an opportunity is won.',
      'Note : At Creation time, if Value is Not provided, it will be',
      "defaulted to 'STRNG_VAL_PROP' (Stronger value proposition).",
    ],
  },
];
const placeholder = (n: number): string => `@@REWRAPPED_${n}@@`;

/** The document with each re-wrapped text replaced by its placeholder. */
function maskDoc(doc: Doc): Doc {
  const copy = structuredClone(doc);
  REWRAPPED.forEach(({ at }, n) => {
    let node = copy;
    at.slice(0, -1).forEach((key) => (node = node[key] as Doc));
    node[at[at.length - 1]] = placeholder(n);
  });
  return copy;
}

/** The text with each re-wrapped block (header line + its text lines) replaced the same way. */
function maskText(text: string): string {
  const lines = text.split('\n');
  REWRAPPED.forEach(({ lines: block }, n) => {
    const first = lines.findIndex(
      (line, i) => line.trimStart() === block[0] && /^ *description: >-$/.test(lines[i - 1] ?? ''),
    );
    expect(first).toBeGreaterThan(0);
    let last = first;
    for (const expected of block.slice(1)) {
      while (lines[last + 1] === '') last++;
      expect(lines[last + 1]?.trimStart()).toBe(expected);
      last++;
    }
    lines[first - 1] = lines[first - 1].replace(/>-$/, `'${placeholder(n)}'`);
    lines.splice(first, last - first + 1);
  });
  return lines.join('\n');
}

const restoredDoc = yaml.load(restored) as Doc;

describe('spec/openapi.yaml restoration', () => {
  it('(a) flattens back to exactly the received text', () => {
    expect(flatten(restored)).toBe(received);
  });

  it('(b) re-dumped by js-yaml (lineWidth 80) folds exactly like the received text', () => {
    const redump = yaml.dump(maskDoc(restoredDoc), { lineWidth: 80 });
    expect(flatten(redump)).toBe(maskText(received));
  });

  it('(c) is the js-yaml dump of itself', () => {
    expect(yaml.dump(maskDoc(restoredDoc))).toBe(maskText(restored));
  });

  it('(b/c) masks only texts that js-yaml really cannot reproduce, and keeps them verbatim', () => {
    REWRAPPED.forEach(({ at, lines }) => {
      const value = at.reduce<unknown>((node, key) => (node as Doc)[key], restoredDoc);
      expect(typeof value).toBe('string');
      // its js-yaml rendering at its column (fold width 72) breaks the lines elsewhere ...
      const rendered = flatten(yaml.dump(value, { lineWidth: 74 })).split('\n');
      expect(rendered.slice(1)).not.toEqual(lines);
      // ... while the restored file keeps the received lines (maskText finds them in order)
      expect(restored).toContain(`        ${lines[0]}\n`);
    });
  });

  it('(d) is a valid OpenAPI document with 8 operations and resolvable $refs', async () => {
    const api = (await SwaggerParser.validate(RESTORED_PATH)) as unknown as Doc;
    expect((api.openapi as string).startsWith('3.1')).toBe(true);
    const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
    const paths = restoredDoc.paths as Record<string, Doc>;
    const operations = Object.entries(paths).flatMap(([p, item]) =>
      methods.filter((m) => m in item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(operations).toHaveLength(8);
    for (const op of operations) expect(op).toMatch(/ \/sales\/api4partners\/v[01]\//);
  });
});
