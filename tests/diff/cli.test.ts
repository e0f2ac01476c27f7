import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDiffCommand } from '../../cli/diff';
import { miniSpec, writeSpec } from '../lint/mini-spec';

async function capture(
  run: () => Promise<number>,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await run(), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('diff command', () => {
  const spec = writeSpec(miniSpec());
  const out = mkdtempSync(path.join(tmpdir(), 'diff-out-'));
  afterAll(() => {
    spec.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes deprecation-diff.md and .json to --out and prints the markdown', async () => {
    const dir = path.join(out, 'nested', 'reports');
    const { code, out: stdout } = await capture(() =>
      runDiffCommand(['--spec', spec.file, '--out', dir]),
    );
    expect(code).toBe(0);
    const markdown = readFileSync(path.join(dir, 'deprecation-diff.md'), 'utf8');
    expect(stdout).toBe(markdown);
    expect(markdown).toMatch(/^# Deprecation diff/);
    expect(markdown).toMatch(
      /\| \*\*breaking\*\* \| request \| enum-values-removed \| kind: enum values removed: "UPFRONT", "RENTAL"/,
    );
    expect(markdown).toContain('`GET /api/v0/things/search` (searchThings)');
    const json = JSON.parse(readFileSync(path.join(dir, 'deprecation-diff.json'), 'utf8'));
    expect(json.spec.title).toBe('Mini');
    expect(json.pairs[0].v0).toEqual({
      operationId: 'createThing',
      method: 'post',
      path: '/api/v0/things',
    });
    expect(json.currentV0).toEqual([
      { operationId: 'searchThings', method: 'get', path: '/api/v0/things/search' },
    ]);
  });

  it('--json prints the JSON document', async () => {
    const { code, out: stdout } = await capture(() =>
      runDiffCommand(['--spec', spec.file, '--out', out, '--json']),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(readFileSync(path.join(out, 'deprecation-diff.json'), 'utf8')),
    );
  });

  it('a missing spec is one usage line naming the file, exit 2, nothing written', async () => {
    const missing = path.join(out, 'absent.yaml');
    const dir = path.join(out, 'not-created');
    const {
      code,
      out: stdout,
      err,
    } = await capture(() => runDiffCommand(['--spec', missing, '--out', dir]));
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(err).toBe(`diff: ${missing}: file not found\n`);
    expect(existsSync(dir)).toBe(false);
  });

  it('an --out that cannot be written is one usage line, exit 2', async () => {
    const { code, err } = await capture(() =>
      runDiffCommand(['--spec', spec.file, '--out', path.join(spec.file, 'under-a-file')]),
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^diff: --out .*under-a-file: cannot write the reports \(\w+\)\n$/);
  });
});
