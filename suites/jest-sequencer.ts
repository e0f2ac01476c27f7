import Sequencer from '@jest/test-sequencer';
import type { Test } from '@jest/test-result';

/**
 * jest's default order, except that the rate-limit exhaustion probe runs last: against a
 * remote target it spends the quota window every other suite needs.
 */
export default class ConformanceSequencer extends Sequencer {
  override sort(tests: Array<Test>): Array<Test> {
    const sorted = [...(super.sort(tests) as Array<Test>)];
    const isProbe = (t: Test): boolean => /rate-limit-exhaustion\.suite\.ts$/.test(t.path);
    return [...sorted.filter((t) => !isProbe(t)), ...sorted.filter(isProbe)];
  }
}
