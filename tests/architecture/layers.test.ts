import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * Dependencies point one way. The spec model at the bottom; generators, checks, the mock and the
 * spec analyses each stand on the model alone (none imports another of its rank); the engine
 * combines them; suites present the engine's results; reporting and the CLI sit on top.
 */
const RANK: Record<string, number> = {
  model: 0,
  analysis: 1,
  generators: 1,
  checks: 1,
  mock: 1,
  engine: 2,
  suites: 3,
  reporting: 4,
  cli: 5,
};

const ROOT = path.join(__dirname, '..', '..');
const IMPORT = /(?:\bfrom|\bimport|\brequire\(|\bimport\()\s*['"](\.{1,2}\/[^'"]*)['"]/g;

function importsAgainstTheLayers(): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => /\.(ts|cjs|mjs)$/.test(f) && f.split('/')[0] in RANK);
  const wrong: string[] = [];
  for (const file of files) {
    const from = file.split('/')[0];
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, spec] of text.matchAll(IMPORT)) {
      const to = path.posix
        .normalize(path.posix.join(path.posix.dirname(file), spec))
        .split('/')[0];
      if (to !== from && to in RANK && RANK[to] >= RANK[from])
        wrong.push(`${file} imports ${spec} (${from} may not depend on ${to})`);
    }
  }
  return wrong;
}

describe('the architecture', () => {
  it('nothing imports a layer above it or beside it', () => {
    expect(importsAgainstTheLayers()).toEqual([]);
  });
});
