import Sequencer from '@jest/test-sequencer';
import type { Test } from '@jest/test-result';
import { partInShard } from '../../engine/run';

const PART = /operations-(\d+)\.suite\.ts$/;

/** Files of a few lines that run the longest: jest, with no timings yet, would start them last. */
const LONG_AND_SHORT = /fault-matrix-\d+\.test\.ts$/;

export default class ConformanceSequencer extends Sequencer {
  /**
   * jest starts the slowest files first by their last durations, and by file size when it has
   * none (a fresh clone, CI): the fault matrix's files, three lines each, would come last and
   * leave one core idle at the end. They go first either way.
   */
  override sort(tests: Array<Test>): Array<Test> | Promise<Array<Test>> {
    const sorted = super.sort(tests);
    const first = (list: Array<Test>) => [
      ...list.filter((t) => LONG_AND_SHORT.test(t.path)),
      ...list.filter((t) => !LONG_AND_SHORT.test(t.path)),
    ];
    return Array.isArray(sorted) ? first(sorted) : sorted.then(first);
  }

  /**
   * jest's own sharding, except for the conformance suite files: `operations-N.suite.ts` goes to
   * the shard the engine judged part N in (see partInShard), so each shard's tests are exactly
   * the checks its global setup ran.
   */
  override shard(
    tests: Array<Test>,
    options: { shardIndex: number; shardCount: number },
  ): Array<Test> {
    const suites = tests.filter((t) => PART.test(t.path));
    const others = tests.filter((t) => !PART.test(t.path));
    const mine = suites.filter((t) =>
      partInShard(Number(PART.exec(t.path)?.[1]), {
        index: options.shardIndex,
        count: options.shardCount,
      }),
    );
    return [...mine, ...(super.shard(others, options) as Array<Test>)];
  }
}
