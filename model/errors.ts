/** Exit code for usage and configuration errors (bad flag, bad spec, refused target). */
export const EXIT_USAGE = 2;

/**
 * A problem with the input the user gave us (a spec file, a flag, a target), reported as
 * one line that names what is wrong and where. CLIs print `message` and exit with `exitCode`.
 */
export class UsageError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = EXIT_USAGE) {
    super(message);
    this.name = 'UsageError';
    this.exitCode = exitCode;
  }
}

/** A spec that cannot be loaded: missing, not YAML, not OpenAPI 3.x, a broken $ref. */
export class SpecError extends UsageError {
  constructor(file: string, where: string | undefined, what: string) {
    super(where ? `${file}: ${where}: ${what}` : `${file}: ${what}`);
    this.name = 'SpecError';
  }
}
