import { getSpec, UsageError, type SpecModel } from '../model';
import { createMock, DEFAULT_MOCK_API_KEY } from '../mock';
import { parseCli } from '../mock/cli-options';

/** Keys given on the command line may be real ones: say how many, never what they are. */
function describeKeys(spec: SpecModel, keys: string[] | undefined): string {
  const header = spec.securitySchemes.find((s) => s.type === 'apiKey')?.paramName;
  if (!keys) return `API key: ${DEFAULT_MOCK_API_KEY}${header ? ` (header ${header})` : ''}`;
  return `API keys: the ${keys.length} given with --api-key (not printed)`;
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  const spec = await getSpec(options.specPath);
  const mock = createMock(spec, {
    apiKeys: options.apiKeys,
    rateLimit: options.rateLimit,
    maintenance: options.maintenance,
    faults: options.faults,
    seed: options.seed,
  });
  let listening;
  try {
    listening = await mock.listen(options.port, options.host);
  } catch (err) {
    throw new UsageError(
      `--port/--host: cannot listen on ${options.host}:${options.port}: ${(err as Error).message}`,
    );
  }
  const keyLine = describeKeys(spec, options.apiKeys);
  const faultLine = options.faults.length > 0 ? `\nFaults: ${options.faults.join(', ')}` : '';
  const maintenanceLine = options.maintenance
    ? '\nMaintenance: on (operations that document a 503 answer it)'
    : '';
  process.stdout.write(
    `Mock listening on ${listening.url}\n${keyLine}${faultLine}${maintenanceLine}\n`,
  );

  const stop = (): void => {
    listening.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    process.stderr.write(`mock: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`mock: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});
