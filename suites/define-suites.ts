import type { CheckRecord, JudgedOperation, RunSummary } from '../engine/summary';
import { attachFailure, labelCheck } from './allure';
import { readResults } from './results';

function title(op: JudgedOperation): string {
  return `${op.operationId} (${op.method.toUpperCase()} ${op.path}${op.deprecated ? ', deprecated' : ''})`;
}

/**
 * A failed check's error. Its name says "assertion" so Allure files the test as failed (a defect of
 * the target), not broken; unlike node's AssertionError, jest prints just its message.
 */
class ConformanceAssertion extends Error {
  override name = 'ConformanceAssertion';
  constructor(message: string) {
    super(message);
    // The suite's own frames say nothing about the target's defect: keep the report to the message.
    this.stack = `${this.name}: ${message}`;
  }
}

/** The suite's own error while judging: Allure files it as broken, the trace is in errors.log. */
class SuiteDefect extends Error {
  override name = 'SuiteDefect';
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

/** A failed check fails its test, every failure signature in the message. */
async function failed(
  summary: RunSummary,
  op: JudgedOperation,
  record: CheckRecord,
): Promise<void> {
  const failures = summary.failures.filter((f) => record.failures?.includes(f.id));
  for (const f of failures) await attachFailure(f);
  const lines = failures.map((f) => {
    const curl = f.shrunk?.curl ?? f.curl;
    return `  [${f.id}] ${f.kind}${f.pointer ? ` at ${f.pointer}` : ''}: expected ${f.expected}; got ${f.actual}${curl ? `\n    reproduce: ${curl}` : ''}`;
  });
  throw new ConformanceAssertion(
    `${op.operationId} > ${record.check} failed:\n${lines.join('\n')}\n  seed ${summary.seed} (replay with --seed ${summary.seed}, or: npm run conformance -- replay ID)`,
  );
}

/**
 * One describe per operation and one test per check, derived from the run's summary: a check
 * skipped at run time is a skipped test, a failure a failed one, the suite's own error a broken
 * one. The counts of jest, Allure, junit.xml and summary.json are therefore the same.
 * Operations are dealt over `SUITE_PARTS` files so `jest --shard` can split a run.
 */
export function defineOperationSuites(part: number): void {
  const summary = readResults();
  if (typeof summary === 'string') {
    it(`conformance results (part ${part})`, () => {
      throw new Error(summary);
    });
    return;
  }
  const mine = summary.operations.filter((op) => op.part === part);
  if (mine.length === 0) {
    it.skip(`no operation in part ${part}`, () => undefined);
    return;
  }
  for (const op of mine) {
    describe(title(op), () => {
      for (const record of summary.checks.filter((c) => c.operationId === op.operationId)) {
        const name = `${op.operationId} > ${record.check}`;
        if (record.status === 'skipped') {
          it.skip(name, () => undefined);
          continue;
        }
        it(name, async () => {
          await labelCheck(op, record.check, summary);
          if (record.status === 'failed') await failed(summary, op, record);
          if (record.status === 'error')
            throw new SuiteDefect(
              `${name}: the suite's own error: ${record.message} (trace in errors.log)`,
            );
        });
      }
    });
  }
}
