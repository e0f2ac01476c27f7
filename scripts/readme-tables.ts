/**
 * The README's reference tables, rendered from the code they describe: the check registry, the
 * excuses the checks declare, the mock's faults with the checks each must fail, and the run's
 * settings. `tests/readme.test.ts` fails when the README's copy differs; `npm run readme:tables`
 * prints them to paste.
 */
import { CHECKS, excusesOf } from '../checks';
import { SETTINGS } from '../engine/config';
import { FAULTS, type FaultId } from '../mock';
import { FAULT_MATRIX } from '../tests/engine/fault-matrix';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function checkTable(): string {
  return [
    '| check | kind | what it asserts |',
    '| --- | --- | --- |',
    ...CHECKS.map((c) => `| \`${c.name}\` | ${c.kind} | ${cell(c.asserts)} |`),
  ].join('\n');
}

export function excuseTable(): string {
  return [
    '| check | excuse | what it lets through | when |',
    '| --- | --- | --- | --- |',
    ...excusesOf().map(
      ({ check, excuse }) =>
        `| \`${check}\` | \`${excuse.name}\` | ${cell(excuse.allows)} | ${cell(excuse.when)} |`,
    ),
  ].join('\n');
}

function failsOf(id: FaultId): string {
  return Object.entries(FAULT_MATRIX[id].fails)
    .map(([check, ops]) => `\`${check}\` (${ops.length} op${ops.length === 1 ? '' : 's'})`)
    .join(', ');
}

export function faultTable(): string {
  return [
    '| fault | the bug | checks that must fail, and nothing else |',
    '| --- | --- | --- |',
    ...FAULTS.map((f) => `| \`${f.id}\` | ${cell(f.description)} | ${failsOf(f.id)} |`),
  ].join('\n');
}

export function settingsTable(): string {
  return [
    '| flag | environment | meaning |',
    '| --- | --- | --- |',
    ...Object.values(SETTINGS).map((s) => `| \`--${s.flag}\` | \`${s.env}\` | ${cell(s.help)} |`),
  ].join('\n');
}

export const TABLES = {
  checks: checkTable,
  excuses: excuseTable,
  faults: faultTable,
  settings: settingsTable,
};

if (require.main === module) {
  for (const [name, render] of Object.entries(TABLES))
    process.stdout.write(`<!-- table:${name} -->\n${render()}\n<!-- /table:${name} -->\n\n`);
}
