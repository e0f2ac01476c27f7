import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFrom } from '../../engine/config';
import { runConformance } from '../../engine/run';
import { loadChecksFiles } from '../../cli/load-checks';
import { skipLongWaits } from '../fixtures/sleep';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'partner-checks.ts');

describe('--checks-file: a partner adds a check of their own', () => {
  it('the example check is registered like a built-in one: judged on every operation of the run', async () => {
    const extraChecks = loadChecksFiles([EXAMPLE]);
    expect(extraChecks.map((c) => c.name)).toEqual([
      'answers_within_two_seconds',
      'reset_within_the_hour',
    ]);
    const operations = ['getLeadsOpportunities_v1', 'searchPortfolioItems'];
    const config = configFrom({ seed: '5', runs: '1', operations }, (k) => k);
    const { summary } = await runConformance(config, { extraChecks, sleep: skipLongWaits });
    const mine = summary.checks.filter((c) => c.check === 'answers_within_two_seconds');
    expect(mine.map((c) => [c.operationId, c.status]).sort()).toEqual(
      operations.map((op) => [op, 'passed']).sort(),
    );
    expect(Math.min(...mine.map((c) => c.exchanges))).toBeGreaterThan(0);
    expect(summary.settings.customChecks).toEqual([
      'answers_within_two_seconds',
      'reset_within_the_hour',
    ]);
  }, 60_000);

  it('fails on the mock with a fault it sees, and the gate counts it', async () => {
    const extraChecks = loadChecksFiles([EXAMPLE]);
    const raw = { seed: '5', runs: '1', operations: ['searchPortfolioItems'] };
    const { summary } = await runConformance(
      configFrom(raw, (k) => k),
      {
        extraChecks,
        faults: ['rate-limit-epoch-reset'],
        sleep: skipLongWaits,
      },
    );
    const mine = summary.checks.find((c) => c.check === 'reset_within_the_hour');
    expect(mine?.status).toBe('failed');
    expect(summary.failures.find((f) => f.check === 'reset_within_the_hour')).toMatchObject({
      kind: 'reset-beyond-the-hour',
      pointer: '/headers/x-ratelimit-reset',
    });
    expect(summary.verdict).toBe('NOT CONFORMANT');
  }, 60_000);

  describe('a mistaken checks file is one line naming the file and what is wrong', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'checks-file-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string): string => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return file;
    };

    it.each([
      ['missing.ts', undefined, /--checks-file .*missing\.ts: file not found/],
      ['syntax.ts', 'export const = ;', /--checks-file .*syntax\.ts: cannot load/],
      [
        'no-asserts.ts',
        "export default { kind: 'response', name: 'x', judge: () => ({ kind: 'pass' }) };",
        /no-asserts\.ts: export 0: asserts must say/,
      ],
      [
        'bad-kind.ts',
        "export default { kind: 'other', name: 'x', asserts: 'y' };",
        /bad-kind\.ts: export 0: kind must be 'response' or 'scenario', got "other"/,
      ],
    ])('%s', (name, text, message) => {
      const file = text === undefined ? path.join(dir, name) : write(name, text);
      expect(() => loadChecksFiles([file])).toThrow(message);
      try {
        loadChecksFiles([file]);
      } catch (err) {
        expect((err as Error).message.split('\n')).toHaveLength(1);
        expect((err as Error).name).toBe('UsageError');
      }
    });
  });
});
