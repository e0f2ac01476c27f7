import Sequencer from '@jest/test-sequencer';
import type { Test } from '@jest/test-result';
import { partInShard } from '../../engine/run';

const PART = /operations-(\d+)\.suite\.ts$/;

/**
 * jest's own sharding, except for the conformance suite files: `operations-N.suite.ts` goes to
 * the shard the engine judged part N in (see partInShard), so each shard's tests are exactly
 * the checks its global setup ran.
 */
export default class ConformanceSequencer extends Sequencer {
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
