import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../../model/errors';
import { readSummaryFile, renderReports } from '../../reporting';
import { exchanges, KEY_HEADER, SECRETS, summary } from './fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'summary-file-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function fileWith(content: unknown): string {
  const file = path.join(dir, `s${n++}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The UsageError readSummaryFile throws, checked to be one line with exit code 2. */
function problem(file: string): string {
  try {
    readSummaryFile(file);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    expect(err.exitCode).toBe(2);
    expect(err.message.split('\n')).toHaveLength(1);
    return err.message;
  }
  throw new Error(`${file} was accepted`);
}

test('reads back the summary.json the reports write', () => {
  const text = renderReports({
    summary: summary(),
    exchanges: exchanges(),
    keyHeader: KEY_HEADER,
    secrets: SECRETS,
  })['summary.json'];
  const file = fileWith(text);
  expect(readSummaryFile(file)).toEqual(JSON.parse(text));
});

test.each<[string, () => unknown, string]>([
  ['not an object', () => [1], '#: expected a run summary object, got an array'],
  ['null', () => null, '#: expected a run summary object, got null'],
  [
    'no checks (an older summary)',
    () => ({ ...summary(), checks: undefined }),
    '#/checks: expected an array, got undefined (a summary.json written by this version of the suite?)',
  ],
  [
    'no failures (an older summary)',
    () => ({ ...summary(), failures: undefined }),
    '#/failures: expected an array, got undefined (a summary.json written by this version of the suite?)',
  ],
  [
    'failures an object',
    () => ({ ...summary(), failures: {} }),
    '#/failures: expected an array, got object (a summary.json written by this version of the suite?)',
  ],
  [
    'a check that is not an object',
    () => ({ ...summary(), checks: [...summary().checks.slice(0, 2), 'passed'] }),
    '#/checks/2: expected a check, got string',
  ],
  [
    'a null check',
    () => ({ ...summary(), checks: [null] }),
    '#/checks/0: expected a check, got null',
  ],
  [
    'an operationId that is a number',
    () => ({ ...summary(), checks: [{ ...summary().checks[0], operationId: 7 }] }),
    '#/checks/0/operationId: expected a string, got number',
  ],
  [
    'a check without a message',
    () => ({ ...summary(), checks: [{ ...summary().checks[0], message: undefined }] }),
    '#/checks/0/message: expected a string, got undefined',
  ],
  [
    'an unknown status',
    () => ({
      ...summary(),
      checks: [summary().checks[0], { ...summary().checks[1], status: 'ok' }],
    }),
    '#/checks/1/status: expected one of passed|failed|skipped|error, got "ok"',
  ],
  [
    'a status with a line break',
    () => ({ ...summary(), checks: [{ ...summary().checks[0], status: 'pass\ned' }] }),
    '#/checks/0/status: expected one of passed|failed|skipped|error, got "pass\\ned"',
  ],
  [
    'a failure without an id',
    () => ({ ...summary(), failures: [{ ...summary().failures[0], id: undefined }] }),
    '#/failures/0/id: expected a string, got undefined',
  ],
  [
    'a failure whose expected is an array',
    () => ({ ...summary(), failures: [{ ...summary().failures[1], expected: ['x'] }] }),
    '#/failures/0/expected: expected a string, got an array',
  ],
])('a bad shape is one line naming the file and the JSON pointer: %s', (_, content, what) => {
  const file = fileWith(content());
  expect(problem(file)).toBe(`${file}: ${what}`);
});

// Was a bug (reporting/summary-file.ts): a failure that is not an object was reported as its id
// missing, "#/failures/1/id: expected a string, got undefined", where a check that is not an
// object is named as such ("#/checks/0: expected a check, got null").
it('a failure that is not an object is named as such, at its own pointer', () => {
  const file = fileWith({ ...summary(), failures: [summary().failures[0], null] });
  expect(problem(file)).toMatch(/: #\/failures\/1: .*got null$/);
  expect(problem(file)).toBe(`${file}: #/failures/1: expected a failure, got null`);
  const list = fileWith({ ...summary(), failures: [['x']] });
  expect(problem(list)).toBe(`${list}: #/failures/0: expected a failure, got an array`);
});

test('a file that is not there, a directory, or not JSON is one line naming it', () => {
  const missing = path.join(dir, 'nope.json');
  expect(problem(missing)).toBe(`${missing}: file not found`);
  const folder = path.join(dir, 'a-directory');
  mkdirSync(folder);
  expect(problem(folder)).toBe(`${folder}: is a directory, not a summary.json`);
  const broken = fileWith('{"checks": [\n  {"a": 1},\n');
  expect(problem(broken)).toMatch(
    new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(.+\\)$`),
  );
});
