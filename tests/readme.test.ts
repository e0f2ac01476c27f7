import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXIT } from '../reporting/gate';
import { TABLES } from '../scripts/readme-tables';

const ROOT = path.join(__dirname, '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The README's copy of a generated table, between its markers. */
function tableInReadme(name: string): string | undefined {
  const m = new RegExp(`<!-- table:${name} -->\\n([\\s\\S]*?)\\n<!-- /table:${name} -->`).exec(
    readme,
  );
  return m?.[1];
}

describe('README', () => {
  it.each(Object.keys(TABLES))(
    'its %s table is the one the code describes (npm run readme:tables prints it)',
    (name) => {
      expect(tableInReadme(name)).toBe(TABLES[name as keyof typeof TABLES]());
    },
  );

  it('documents every npm script', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const named = (s: string) => readme.includes(s === 'test' ? 'npm test' : `npm run ${s}`);
    expect(Object.keys(scripts).filter((s) => !named(s))).toEqual([]);
  });

  it('documents every exit code', () => {
    for (const [meaning, code] of Object.entries(EXIT))
      expect({ meaning, documented: readme.includes(`\`${code}\` ${meaning}`) }).toEqual({
        meaning,
        documented: true,
      });
  });
});
