import { DIMENSIONS, type Dimension } from '../engine/coverage';
import type { CheckStatus, RunSummary } from '../engine/summary';

const MARK: Record<CheckStatus, string> = {
  passed: 'ok',
  failed: 'FAIL',
  skipped: 'skip',
  error: 'ERR',
};
const WIDTH = 100;

const clip = (line: string, width = WIDTH): string =>
  line.length > width ? `${line.slice(0, width - 1)}…` : line;

/** `get1` for getLeadsOpportunities_v1: what it does and its version, short enough for a column. */
export function shortNames(operationIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of operationIds) {
    const version = /_v(\d+)$/.exec(id)?.[1] ?? '0';
    const verb =
      /^(create|get|update|search)/i.exec(id)?.[1]?.toLowerCase() ?? id.slice(0, 3).toLowerCase();
    const noun = /Portfolio/i.test(id) ? 'P' : '';
    let name = `${verb.slice(0, 3)}${noun}${version}`;
    for (let i = 2; used.has(name); i++) name = `${verb.slice(0, 3)}${noun}${version}.${i}`;
    used.add(name);
    out.set(id, name);
  }
  return out;
}

/** The narrowest the check column gets: a name cut shorter than this says nothing. */
const MIN_CHECK_WIDTH = 12;

/**
 * Check names as the first column shows them, within `width`: a longer name is cut and numbered
 * (`acme_house_rule_lead_co…1`), so two names cut alike still read apart and the legend can give
 * each cut name in full by its number.
 */
export function checkLabels(checks: string[], width: number): Map<string, string> {
  const out = new Map<string, string>();
  let cut = 0;
  for (const check of checks) {
    if (check.length <= width) {
      out.set(check, check);
      continue;
    }
    const tag = `…${++cut}`;
    out.set(check, `${check.slice(0, Math.max(1, width - tag.length))}${tag}`);
  }
  return out;
}

/** Words packed into lines no wider than the terminal. */
function wrap(words: string[], indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 2 + word.length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line}  ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** One line: each coverage dimension's percentage. */
export function coverageLine(summary: RunSummary): string | undefined {
  const totals = summary.coverage?.totals;
  if (!totals) return undefined;
  const short: Record<Dimension, string> = {
    statuses: 'statuses',
    errorCodes: 'error codes',
    requestProperties: 'request props',
    invalidPlaces: 'invalid props',
    enumValues: 'enum values',
    parameters: 'parameters',
    responseProperties: 'response props',
    responseHeaders: 'headers',
  };
  return `coverage: ${(Object.keys(DIMENSIONS) as Dimension[]).map((d) => `${short[d]} ${totals[d].percent}%`).join(', ')}`;
}

/**
 * The table a run ends with, in 100 columns: checks as rows, operations as short columns with a
 * legend, then each failure on a line of its own, the run's facts, totals and coverage.
 */
export function renderMatrix(summary: RunSummary): string {
  const checks = [...new Set(summary.checks.map((c) => c.check))];
  const ops = [...new Set(summary.checks.map((c) => c.operationId))];
  const names = shortNames(ops);
  const cell = new Map(summary.checks.map((c) => [`${c.operationId}>${c.check}`, MARK[c.status]]));
  const colWidth = Math.max(4, ...[...names.values()].map((n) => n.length));
  // What the operation columns leave of the 100: a longer check name is cut to fit.
  const room = Math.max(MIN_CHECK_WIDTH, WIDTH - ops.length * (colWidth + 1));
  const labels = checkLabels(checks, room);
  const checkWidth = Math.max(5, ...[...labels.values()].map((l) => l.length));
  // Clipped only when even the narrowest check column leaves no room for every operation.
  const row = (first: string, cells: string[]): string =>
    clip([first.padEnd(checkWidth), ...cells.map((c) => c.padEnd(colWidth))].join(' ').trimEnd());
  const lines = [
    row(
      'check',
      ops.map((o) => names.get(o) as string),
    ),
  ];
  for (const check of checks)
    lines.push(
      row(
        labels.get(check) as string,
        ops.map((o) => cell.get(`${o}>${check}`) ?? '.'),
      ),
    );
  lines.push(...wrap(['legend:', ...ops.map((o) => `${names.get(o)} ${o}`), '. n/a'], '        '));
  const cut = checks.filter((c) => labels.get(c) !== c);
  if (cut.length > 0)
    lines.push(
      ...wrap(
        [
          'cut short:',
          ...cut.map((c) => {
            const label = labels.get(c) as string;
            return `${label.slice(label.lastIndexOf('…'))} ${c}`;
          }),
        ],
        '        ',
      ).map((line) => clip(line)),
    );
  lines.push('');
  for (const f of summary.failures) {
    lines.push(
      clip(
        `FAIL [${f.id}] ${names.get(f.operationId) ?? f.operationId} ${f.check}: ${f.kind}${f.pointer ? ` at ${f.pointer}` : ''}; expected ${f.expected}; got ${f.actual}`,
      ),
    );
  }
  for (const c of summary.checks.filter((x) => x.status === 'error'))
    lines.push(clip(`ERROR ${c.operationId} > ${c.check}: ${c.message}`));
  const { passed, failed, skipped, errors } = summary.totals;
  lines.push(
    clip(
      `target ${summary.target.name}${summary.target.baseUrl ? ` (${summary.target.baseUrl})` : ''} · seed ${summary.seed} · runs ${summary.runs} · ${summary.requests} requests`,
    ),
  );
  lines.push(
    `${summary.verdict} · checks: ${passed} passed, ${failed} failed, ${skipped} skipped${errors ? `, ${errors} errors` : ''}`,
  );
  const coverage = coverageLine(summary);
  if (coverage)
    lines.push(
      ...wrap(coverage.split(', ').map((p, i, all) => (i < all.length - 1 ? `${p},` : p))),
    );
  return lines.join('\n');
}
