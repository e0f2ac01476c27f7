import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FAULTS } from '../mock';
import { FAULT_MATRIX } from './conformance/fault-matrix';

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it.each(FAULTS.map((f) => f.id))('lists fault %s with the check that catches it', (id) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row).toBeDefined();
    expect(row).toContain(`\`${FAULT_MATRIX[id].check}\``);
  });

  it('documents every npm script', () => {
    const scripts = Object.keys(
      (
        JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
          scripts: Record<string, string>;
        }
      ).scripts,
    );
    expect(scripts.filter((s) => !readme.includes(`npm run ${s}`) && s !== 'test')).toEqual([]);
  });
});
