import { runLintCommand } from '../../cli/lint-spec';
import { miniSpec, writeSpec, type Doc } from './mini-spec';

/** Runs the lint CLI in process on a copy of the mini spec; captures stdout. */
async function lintCli(
  edit: (doc: Doc) => void,
  flags: string[] = [],
): Promise<{ code: number; out: string }> {
  const doc = miniSpec();
  edit(doc);
  const { file, cleanup } = writeSpec(doc);
  let out = '';
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
  try {
    return { code: await runLintCommand(['--spec', file, ...flags]), out };
  } finally {
    spy.mockRestore();
    cleanup();
  }
}

const withInvalidExample = (doc: Doc): void => {
  doc.components.examples.thing.value.kind = 'UPFRONT';
  doc.components.examples.orphan = { value: {} };
};

describe('lint-spec output and exit code', () => {
  it('exits 0 when the only findings are info or warnings', async () => {
    const { code, out } = await lintCli((doc) => {
      doc.components.examples.orphan = { value: {} };
    });
    expect(code).toBe(0);
    expect(out).toMatch(
      /^warning #\/components\/examples\/orphan .*\[unused-component-example\]$/m,
    );
    expect(out.trim().split('\n').pop()).toBe(
      '2 findings (0 errors, 1 warnings, 1 info) in Mini 1.0.0',
    );
  });

  it('exits 1 when a finding is an error; lines are SEVERITY POINTER MESSAGE, sorted by pointer', async () => {
    const { code, out } = await lintCli(withInvalidExample);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    const findings = lines.slice(0, -1);
    expect(findings).toHaveLength(3);
    findings.forEach((l) => expect(l).toMatch(/^(error|warning|info) #\/\S* \S.*\[[a-z-]+\]$/));
    const pointers = findings.map((l) => l.split(' ')[1]);
    expect(pointers).toEqual([...pointers].sort());
    expect(lines[1]).toMatch(/^error #\/components\/examples\/thing\/value\/kind /);
  });

  it('--json gives the spec identity and the findings', async () => {
    const { code, out } = await lintCli(withInvalidExample, ['--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.spec).toEqual({
      path: expect.stringMatching(/openapi\.yaml$/),
      title: 'Mini',
      version: '1.0.0',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(report.findings).toContainEqual({
      severity: 'error',
      rule: 'example-valid',
      pointer: '#/components/examples/thing/value/kind',
      message: expect.stringContaining('must be equal to one of the allowed values'),
    });
  });
});
