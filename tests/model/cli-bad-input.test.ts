import { spawn } from 'node:child_process';
import path from 'node:path';
import { miniSpec, writeSpec, type Doc } from '../lint/mini-spec';
import { NODE, TS_LOADER } from '../fixtures/node-ts';

const ROOT = path.join(__dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [...TS_LOADER, path.join(ROOT, script), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One line on stderr, no stack frame, exit code 2. */
function expectUsageFailure(result: Run, ...mentions: string[]): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.split('\n').filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  for (const m of mentions) expect(lines[0]).toContain(m);
}

describe('CLIs on bad spec input and bad flags', () => {
  const files: Array<() => void> = [];
  afterAll(() => files.forEach((cleanup) => cleanup()));

  const spec = (doc: unknown): string => {
    const { file, cleanup } = writeSpec(doc);
    files.push(cleanup);
    return file;
  };

  it('lint-spec: missing file, YAML error, broken $ref, not OpenAPI, unknown flag', async () => {
    const brokenRef: Doc = miniSpec();
    brokenRef.components.schemas.thing.properties.kind.$ref = '#/components/schemas/nope';
    const missing = path.join(ROOT, 'no-such-dir', 'openapi.yaml');
    const yamlError = spec('openapi: 3.1.1\ninfo: title: x\n');
    const ref = spec(brokenRef);
    const swagger = spec({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} });
    // Spawned together: each start costs about half a second.
    const [r1, r2, r3, r4, r5] = await Promise.all([
      run('cli/lint-spec.ts', ['--spec', missing]),
      run('cli/lint-spec.ts', ['--spec', yamlError]),
      run('cli/lint-spec.ts', ['--spec', ref]),
      run('cli/lint-spec.ts', ['--spec', swagger]),
      run('cli/lint-spec.ts', ['--sepc', 'x.yaml']),
    ]);
    expectUsageFailure(r1, missing, 'file not found');
    expectUsageFailure(r2, yamlError, 'line 2');
    expectUsageFailure(r3, ref, '#/components/schemas/thing/properties/kind/$ref');
    expectUsageFailure(r4, swagger, '#/openapi');
    expectUsageFailure(r5, '--sepc');
    expect([r1, r2, r3, r4, r5].map((r) => r.stdout)).toEqual(['', '', '', '', '']);
  }, 60_000);

  it('diff: an unknown flag', async () => {
    expectUsageFailure(await run('cli/diff.ts', ['--format', 'md']), '--format');
  }, 60_000);
});
