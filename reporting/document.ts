import { escapeHtml, escapeMarkdown, markdownCodeBlock } from '../engine/http/escape';

/**
 * A small document model: the certification report is assembled once as blocks of plain text
 * and rendered twice, so the markdown and the HTML never disagree and every renderer escapes
 * in one place.
 */
export type Tone = 'passed' | 'failed' | 'skipped' | 'absent' | 'warning';

export interface Cell {
  text: string;
  /** Colours the cell in HTML and adds a symbol in markdown. */
  tone?: Tone;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; head: string[]; rows: Array<Array<string | Cell>> }
  | { kind: 'code'; text: string; language?: string }
  | { kind: 'list'; items: string[] };

const cellOf = (cell: string | Cell): Cell => (typeof cell === 'string' ? { text: cell } : cell);

const MARKDOWN_SYMBOL: Record<Tone, string> = {
  passed: '✅ ',
  failed: '❌ ',
  skipped: '⏭️ ',
  absent: '',
  warning: '⚠️ ',
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
          .map((c) => `${c.tone ? MARKDOWN_SYMBOL[c.tone] : ''}${escapeMarkdown(c.text)}`),
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
      return markdownCodeBlock(block.text, block.language);
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
  }
}

export function toMarkdown(blocks: Block[]): string {
  return `${blocks.map(blockMarkdown).join('\n\n')}\n`;
}

function tableHtml(head: string[], rows: Array<Array<string | Cell>>): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((row) => {
    const cells = row.map(cellOf).map((c) => {
      const cls = c.tone ? ` class="${c.tone}"` : '';
      return `<td${cls}>${escapeHtml(c.text)}</td>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  });
  // The operation x check matrix is wider than a page: it scrolls instead of squeezing.
  return `<div class="scroll"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${tr.join('\n')}\n</tbody>\n</table></div>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'table':
      return tableHtml(block.head, block.rows);
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case 'list':
      return `<ul>\n${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
  }
}

/* Inline and offline: the report is attached to certifications and opened anywhere. */
const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
  max-width: 72rem; padding: 0 1rem; color: #1d2430; line-height: 1.45; }
h1 { border-bottom: 3px solid #005386; padding-bottom: .3rem; }
h2 { border-bottom: 1px solid #c9d3de; padding-bottom: .2rem; margin-top: 2.2rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; }
.scroll { overflow-x: auto; }
th, td { border: 1px solid #c9d3de; padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
td.passed { background: #dff3e3; color: #14532d; }
td.failed { background: #fde2e1; color: #7f1d1d; font-weight: 600; }
td.skipped { background: #fff4d6; color: #713f12; }
td.absent { color: #8a94a3; text-align: center; }
td.warning { background: #fff4d6; }
pre { background: #f5f7f9; border: 1px solid #dde3ea; padding: .6rem; overflow-x: auto;
  white-space: pre-wrap; word-break: break-all; font-size: .85rem; }
@media print { pre { white-space: pre-wrap; } h2 { page-break-after: avoid; } }
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
