import type { SpecModel } from '../../model';

export type Severity = 'error' | 'warning' | 'info';

/** One problem (or remark) about the spec, located by a JSON pointer into the parsed document. */
export interface Finding {
  severity: Severity;
  /** The name of the check that produced it, e.g. `example-valid`. */
  rule: string;
  /** Canonical JSON pointer (URI-fragment form) of the offending node. */
  pointer: string;
  message: string;
}

/** One rule: a name, a one-line purpose, and a function of the spec model alone. */
export interface LintCheck {
  rule: string;
  description: string;
  run(spec: SpecModel): Finding[];
}
