import { escapeHtml, escapeMarkdown, markdownCodeBlock } from '../engine/http/escape';

/**
 * A small document model: the certification report is assembled once as blocks of plain text
 * and rendered twice, so the markdown and the HTML never disagree and every renderer escapes
 * in one place.
 */
export type Tone = 'passed' | 'failed' | 'skipped' | 'error' | 'absent' | 'warning';

export interface Cell {
  text: string;
  /** Colours the cell in HTML and adds a symbol in markdown. */
  tone?: Tone;
}

export interface MatrixBlock {
  kind: 'matrix';
  /** Columns: a short heading, with the full name in the legend and as the heading's title. */
  columns: Array<{ short: string; full: string }>;
  rows: Array<{ label: string; cells: Array<Tone | undefined> }>;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; head: string[]; rows: Array<Array<string | Cell>> }
  | { kind: 'code'; text: string; language?: string; label?: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'banner'; verdict: string; tone: Tone; line: string; facts: Array<[string, string]> }
  | MatrixBlock
  /** A section a reader opens when needed (folded on screen, unfolded in print). */
  | { kind: 'details'; summary: string; blocks: Block[] };

const cellOf = (cell: string | Cell): Cell => (typeof cell === 'string' ? { text: cell } : cell);

const SYMBOL: Record<Tone, string> = {
  passed: '✅',
  failed: '❌',
  skipped: '⏭️',
  error: '💥',
  absent: '',
  warning: '⚠️',
};

/**
 * The HTML's icons: plain symbols any system font has (DejaVu, Liberation), so a report opened
 * on a machine without a colour-emoji font still shows them, and they print in black and white.
 */
const GLYPH: Record<Tone, string> = {
  passed: '✔',
  failed: '✘',
  skipped: '○',
  error: '‼',
  absent: '',
  warning: '⚠',
};

/** What a cell's icon means, for screen readers and for the legend. */
const WORD: Record<Tone, string> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  error: 'internal error',
  absent: 'does not apply',
  warning: 'warning',
};

function tableMarkdown(head: string[], rows: Array<Array<string | Cell>>): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(head.map(escapeMarkdown)),
    line(head.map(() => '---')),
    ...rows.map((row) =>
      line(
        row
          .map(cellOf)
          .map(
            (c) =>
              `${c.tone && SYMBOL[c.tone] ? `${SYMBOL[c.tone]} ` : ''}${escapeMarkdown(c.text)}`,
          ),
      ),
    ),
  ].join('\n');
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'table':
      return tableMarkdown(block.head, block.rows);
    case 'code':
      return `${block.label ? `${escapeMarkdown(block.label)}\n\n` : ''}${markdownCodeBlock(block.text, block.language)}`;
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
    case 'banner':
      return [
        `## ${SYMBOL[block.tone]} ${escapeMarkdown(block.verdict)}`,
        escapeMarkdown(block.line),
        tableMarkdown(['Fact', 'Value'], block.facts),
      ].join('\n\n');
    case 'matrix':
      return [
        tableMarkdown(
          ['Check', ...block.columns.map((c) => c.short)],
          block.rows.map((r) => [
            r.label,
            ...r.cells.map((t): Cell => (t ? { text: '', tone: t } : { text: '–' })),
          ]),
        ),
        `Columns: ${block.columns.map((c) => `${escapeMarkdown(c.short)} = ${escapeMarkdown(c.full)}`).join('; ')}. ✅ passed, ❌ failed, ⏭️ skipped, 💥 internal error, – does not apply.`,
      ].join('\n\n');
    case 'details':
      return [`### ${escapeMarkdown(block.summary)}`, ...block.blocks.map(blockMarkdown)].join(
        '\n\n',
      );
  }
}

export function toMarkdown(blocks: Block[]): string {
  return `${blocks.map(blockMarkdown).join('\n\n')}\n`;
}

function tableHtml(head: string[], rows: Array<Array<string | Cell>>): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((row) => {
    const cells = row
      .map(cellOf)
      .map((c) => `<td${c.tone ? ` class="${c.tone}"` : ''}>${escapeHtml(c.text)}</td>`);
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${tr.join('\n')}\n</tbody>\n</table>`;
}

function matrixHtml(block: MatrixBlock): string {
  const head = block.columns
    .map(
      (c) =>
        `<th scope="col" title="${escapeHtml(c.full)}"><abbr title="${escapeHtml(c.full)}">${escapeHtml(c.short)}</abbr></th>`,
    )
    .join('');
  const rows = block.rows.map((r) => {
    const cells = r.cells.map((tone, i) => {
      const t = tone ?? 'absent';
      const label = `${r.label} on ${block.columns[i].full}: ${WORD[t]}`;
      return `<td class="cell ${t}" title="${escapeHtml(label)}"><span aria-hidden="true">${GLYPH[t] || '–'}</span><span class="sr">${escapeHtml(WORD[t])}</span></td>`;
    });
    return `<tr><th scope="row">${escapeHtml(r.label)}</th>${cells.join('')}</tr>`;
  });
  const legend = block.columns
    .map((c) => `<li><b>${escapeHtml(c.short)}</b> ${escapeHtml(c.full)}</li>`)
    .join('');
  const keys = (['passed', 'failed', 'skipped', 'error', 'absent'] as Tone[])
    .map((t) => `<li><span aria-hidden="true">${GLYPH[t] || '–'}</span> ${WORD[t]}</li>`)
    .join('');
  return [
    '<div class="matrix-wrap">',
    `<table class="matrix"><thead><tr><th scope="col">Check</th>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
    `<div class="legend"><ul class="ops">${legend}</ul><ul class="keys">${keys}</ul></div>`,
    '</div>',
  ].join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}${block.id ? ` id="${escapeHtml(block.id)}"` : ''}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return tableHtml(block.head, block.rows);
    case 'code':
      return `${block.label ? `<p class="label">${escapeHtml(block.label)}</p>` : ''}<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'list':
      return `<ul>\n${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'banner':
      return [
        `<section class="banner ${block.tone}" role="status" aria-label="Verdict: ${escapeHtml(block.verdict)}">`,
        `<div class="verdict"><span aria-hidden="true">${GLYPH[block.tone]}</span> ${escapeHtml(block.verdict)}</div>`,
        `<p class="line">${escapeHtml(block.line)}</p>`,
        `<dl>${block.facts.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`,
        '</section>',
      ].join('\n');
    case 'matrix':
      return matrixHtml(block);
    case 'details':
      return `<details><summary>${escapeHtml(block.summary)}</summary>\n${block.blocks.map(blockHtml).join('\n')}\n</details>`;
  }
}

/* Inline and offline: the report is attached to certifications and opened anywhere. */
const STYLE = `
:root { --fg: #1d2430; --muted: #5b6575; --line: #c9d3de; --head: #eef2f6; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.2rem auto;
  max-width: 78rem; padding: 0 1rem; color: var(--fg); line-height: 1.45; }
h1 { font-size: 1.35rem; margin: 0 0 .6rem; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; font-size: 1.15rem; }
h3 { font-size: 1rem; margin-bottom: .3rem; }
.banner { border-radius: 8px; padding: .8rem 1rem; border: 2px solid; }
.banner.passed { background: #e7f6ea; border-color: #2f855a; }
.banner.failed { background: #fdecea; border-color: #c53030; }
.banner.warning, .banner.skipped, .banner.error { background: #fff6db; border-color: #b7791f; }
.verdict { font-size: 1.9rem; font-weight: 800; letter-spacing: .02em; }
.banner .line { margin: .2rem 0 .5rem; font-weight: 600; }
.banner dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .25rem 1rem; margin: 0; }
.banner dt { font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.banner dd { margin: 0; font-size: .9rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .6rem 0; font-size: .88rem; max-width: 100%; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--head); }
td.passed { background: #dff3e3; color: #14532d; }
td.failed, td.error { background: #fde2e1; color: #7f1d1d; font-weight: 600; }
td.skipped, td.warning { background: #fff4d6; color: #713f12; }
td.absent { color: #8a94a3; }
.matrix-wrap { display: flex; gap: 1.2rem; align-items: flex-start; flex-wrap: wrap; }
table.matrix td.cell { text-align: center; width: 3.2rem; padding: .2rem; }
table.matrix th[scope=row] { font-weight: 500; font-family: ui-monospace, Menlo, monospace; font-size: .82rem; white-space: nowrap; }
table.matrix thead th { text-align: center; font-family: ui-monospace, Menlo, monospace; font-size: .8rem; white-space: nowrap; }
abbr { text-decoration: none; }
.legend ul { list-style: none; padding: 0; margin: .4rem 0; font-size: .82rem; }
.legend b { font-family: ui-monospace, Menlo, monospace; display: inline-block; min-width: 3.6rem; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
pre { background: #f5f7f9; border: 1px solid #dde3ea; padding: .5rem; overflow-x: auto;
  white-space: pre-wrap; word-break: break-all; font-size: .8rem; margin: .2rem 0 .6rem; }
p.label { margin: .5rem 0 0; font-size: .82rem; color: var(--muted); font-weight: 600; }
details { border: 1px solid var(--line); border-radius: 6px; padding: .3rem .8rem; margin: .6rem 0; }
summary { cursor: pointer; font-weight: 600; }
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; }
  .banner { break-inside: avoid; }
  details { border: none; padding: 0; }
  details::details-content { content-visibility: visible; display: contents; }
  summary { list-style: none; font-size: 1.05rem; border-bottom: 1px solid var(--line); }
  h2, h3 { break-after: avoid; }
  pre, table.matrix { break-inside: avoid; }
  td.passed, td.failed, td.skipped, td.error, .banner { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

export function toHtml(blocks: Block[], title: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load from anywhere, even if an escaped value were ever mis-rendered.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...blocks.map(blockHtml),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
