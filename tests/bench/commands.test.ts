import { runTs as run } from '../fixtures/node-ts';

describe('the benchmark commands', () => {
  it.concurrent.each(['bench/conformance.ts', 'bench/mock.ts', 'bench/generators.ts'])(
    '%s: an unknown flag is one line naming it, exit 2',
    async (script) => {
      const done = await run([script, '--bogus']);
      expect(done.code).toBe(2);
      expect(done.stderr.trim().split('\n')).toHaveLength(1);
      expect(done.stderr).toContain('--bogus');
    },
    30_000,
  );

  // jest maps json-schema-faker's ES module for the tests; a command must load it on its own.
  it('bench:generators loads json-schema-faker as the command runs, outside jest', async () => {
    const script =
      "console.log(typeof require('./bench/json-schema-faker').loadJsonSchemaFaker().createGeneratorSync)";
    expect(await run(['-e', script])).toEqual({ code: 0, stdout: 'function\n', stderr: '' });
  }, 30_000);
});
