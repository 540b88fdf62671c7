import { escapeHtml as escape } from '../../../platform/html-text.ts';
import type { GraphicBlock } from './graphic.ts';

/** A number as Chinese government text writes it: thousands grouped, decimals kept. */
export function formatFigure(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/**
 * A graphic interpretation as plain HTML: the edition's body, which search indexes and the API and
 * printed copies show. Headings, paragraphs (a blank line starts a new one), each key figure with its
 * caption, and each chart as its title, its description and its data as a table — every number of the
 * picture is in the text. The public page shows the charts themselves (see `GraphicBody`).
 */
export function graphicBodyHtml(blocks: readonly GraphicBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<h2>${escape(block.text)}</h2>`;
        case 'text':
          return paragraphs(block.text)
            .map((p) => `<p>${escape(p)}</p>`)
            .join('');
        case 'figure':
          return `<p><strong>${escape(formatFigure(block.value))}${escape(block.unit)}</strong> ${escape(block.caption)}</p>`;
        case 'chart':
          return `<h3>${escape(block.title)}</h3><p>${escape(block.description)}</p>${dataTableHtml(block)}`;
        default: {
          const never: never = block;
          throw new TypeError(`unknown block ${JSON.stringify(never)}`);
        }
      }
    })
    .join('\n');
}

/** The paragraphs of a text block: a blank line separates them. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** A chart's column headings: the categories' name, then each series with the unit. */
export function dataHeadings(block: Extract<GraphicBlock, { kind: 'chart' }>): string[] {
  const unit = block.unit ? `（${block.unit}）` : '';
  return [block.data.categoryName || '项目', ...block.data.series.map((name) => `${name}${unit}`)];
}

function dataTableHtml(block: Extract<GraphicBlock, { kind: 'chart' }>): string {
  const head = dataHeadings(block)
    .map((h) => `<th scope="col">${escape(h)}</th>`)
    .join('');
  const rows = block.data.rows
    .map(
      (row) =>
        `<tr><th scope="row">${escape(row.label)}</th>${row.values.map((v) => `<td>${escape(formatFigure(v))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
