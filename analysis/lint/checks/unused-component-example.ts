import { child, type SpecModel } from '../../../model';
import type { Finding, LintCheck } from '../types';

function refsIn(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.add(value);
      else refsIn(value, out);
    }
  }
  return out;
}

function unused(spec: SpecModel): Finding[] {
  const components = (spec.parsed.components ?? {}) as Record<string, unknown>;
  const examples = (components.examples ?? {}) as Record<string, unknown>;
  const refs = refsIn(spec.parsed, new Set());
  return Object.keys(examples)
    .map((name) => child('#/components/examples', name))
    .filter((pointer) => !refs.has(pointer))
    .map((pointer) => ({
      severity: 'warning' as const,
      rule: unusedComponentExample.rule,
      pointer,
      message: 'component example is referenced nowhere: no schema checks it and no reader sees it',
    }));
}

export const unusedComponentExample: LintCheck = {
  rule: 'unused-component-example',
  description: 'every components/examples entry is used by some request or response',
  run: unused,
};
