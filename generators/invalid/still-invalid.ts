import type { OperationModel } from '../../model';
import { AJV_KEYWORDS_OF } from '../labels';
import { requestFindings, type Finding } from '../request/findings';
import type { GeneratorOptions, InvalidSample } from '../types';

const isUnder = (pointer: string, root: string): boolean =>
  pointer === root || pointer.startsWith(`${root}/`);

/** The labelled reason is among the findings, at the labelled place. */
export function labelFound(
  sample: Pick<InvalidSample, 'violation' | 'pointer'>,
  findings: Finding[],
): boolean {
  const keywords = AJV_KEYWORDS_OF[sample.violation] ?? [sample.violation];
  return findings.some(
    (f) =>
      f.pointer === sample.pointer &&
      (f.kind === sample.violation || (f.source === 'schema' && keywords.includes(f.kind))),
  );
}

/** Findings elsewhere than at (or below) the labelled place: there must be none. */
export function strayFindings(
  sample: Pick<InvalidSample, 'pointer'>,
  findings: Finding[],
): Finding[] {
  const root = sample.pointer.startsWith('/headers') ? '/headers' : sample.pointer;
  return findings.filter((f) => !isUnder(f.pointer, root));
}

/**
 * Whether a (shrunk) request still breaks its labelled rule at its labelled place and nothing
 * else: what keeps a shrunk invalid request in the class of the original.
 */
export function breaksOnlyItsLabel(
  op: OperationModel,
  sample: InvalidSample,
  options: GeneratorOptions = {},
): boolean {
  const findings = requestFindings(op, sample, options);
  return labelFound(sample, findings) && strayFindings(sample, findings).length === 0;
}
