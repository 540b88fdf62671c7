import { INTERPRETATION_TEXT } from '../strings.ts';
import type { GraphicBlock } from './graphic.ts';
import { dataHeadings, formatFigure, paragraphs } from './graphic-html.ts';
import { xmlText as text } from '../../../platform/xml-text.ts';
import { byline, citation, type NewMediaContent } from './new-media.ts';
import { CHART_SERIES_COLOURS, CHART_TEXT } from './palette.ts';

/**
 * The article bundle of a graphic interpretation for the editors of WeChat official accounts and
 * Weibo articles (plan §三.5 new-media channels): one self-contained HTML file to open and paste.
 * Those editors drop `<style>`, classes, scripts and anything fetched from elsewhere, and WeChat
 * takes no inline SVG, so every element carries its look in a `style` attribute, each chart is a PNG
 * inside the file (a `data:` URL) with its description as `alt` and its data as a table below, and
 * the portal's address is plain text (an article may not link out). Laid out for the 677 px column
 * of an article, in a font stack of the fonts phones and desktops already have (no web fonts).
 */

const FONTS =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const ACCENT = CHART_SERIES_COLOURS[0];
const MUTED = '#52575d';
const TINT = '#eef4fb';
const RULE = '#d0d7de';

/** Every element's look, written on the element itself. */
const STYLE = {
  body: 'margin:0;padding:0;background-color:#ffffff;',
  article: `max-width:677px;margin:0 auto;padding:16px;box-sizing:border-box;font-family:${FONTS};font-size:16px;line-height:1.75;color:${CHART_TEXT};background-color:#ffffff;`,
  title: `margin:0 0 8px;font-size:24px;line-height:1.4;font-weight:bold;color:${CHART_TEXT};`,
  byline: `margin:0 0 24px;font-size:14px;line-height:1.6;color:${MUTED};`,
  heading: `margin:32px 0 16px;padding:0 0 0 12px;border-left:4px solid ${ACCENT};font-size:20px;line-height:1.5;font-weight:bold;color:${ACCENT};`,
  paragraph: `margin:0 0 16px;font-size:16px;line-height:1.8;color:${CHART_TEXT};text-align:justify;`,
  figure: `margin:24px 0;padding:20px 16px;border-radius:8px;background-color:${TINT};text-align:center;`,
  figureValue: `margin:0;font-size:40px;line-height:1.2;font-weight:bold;color:${ACCENT};`,
  figureUnit: `margin:0 0 0 4px;font-size:18px;font-weight:bold;color:${ACCENT};`,
  figureCaption: `margin:8px 0 0;font-size:15px;line-height:1.6;color:${CHART_TEXT};`,
  chart: 'margin:24px 0;padding:0;',
  chartTitle: `margin:0 0 8px;font-size:17px;line-height:1.5;font-weight:bold;color:${CHART_TEXT};text-align:center;`,
  image: 'display:block;width:100%;max-width:100%;height:auto;margin:0 auto;border:0;',
  chartDescription: `margin:8px 0 12px;font-size:14px;line-height:1.7;color:${MUTED};`,
  tableCaption: `margin:0 0 4px;font-size:14px;line-height:1.5;font-weight:bold;color:${CHART_TEXT};`,
  table: `width:100%;margin:0;border-collapse:collapse;border:1px solid ${RULE};font-size:14px;line-height:1.5;color:${CHART_TEXT};`,
  thead: `background-color:${TINT};`,
  tbody: 'background-color:#ffffff;',
  row: `border-bottom:1px solid ${RULE};`,
  columnHeading: `padding:6px 8px;border:1px solid ${RULE};font-weight:bold;text-align:center;color:${CHART_TEXT};`,
  rowHeading: `padding:6px 8px;border:1px solid ${RULE};font-weight:normal;text-align:left;color:${CHART_TEXT};`,
  cell: `padding:6px 8px;border:1px solid ${RULE};text-align:right;color:${CHART_TEXT};`,
  policies: `margin:32px 0 16px;padding:16px 0 0;border-top:1px solid ${RULE};`,
  policiesHeading: `margin:0 0 8px;font-size:15px;line-height:1.6;font-weight:bold;color:${CHART_TEXT};`,
  policy: `margin:0 0 4px;font-size:15px;line-height:1.6;color:${CHART_TEXT};`,
  portal: `margin:16px 0 0;font-size:14px;line-height:1.6;color:${MUTED};word-break:break-all;`,
} as const;

/**
 * The bundle's HTML. `chartImages` holds, by block index, each drawn chart as a PNG in base64; a
 * chart without one (type 表格) is its table only.
 */
export function articleHtml(content: NewMediaContent, chartImages: ReadonlyMap<number, string>): string {
  const T = INTERPRETATION_TEXT.media;
  const blocks = content.blocks.map((block, index) => blockHtml(block, chartImages.get(index))).join('\n');
  const policies =
    content.policies.length === 0
      ? ''
      : `<section style="${STYLE.policies}"><p style="${STYLE.policiesHeading}">${text(T.interpreted)}</p>` +
        content.policies.map((p) => `<p style="${STYLE.policy}">${text(citation(p))}</p>`).join('') +
        '</section>';
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text(content.title)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<section style="${STYLE.article}">`,
    `<h1 style="${STYLE.title}">${text(content.title)}</h1>`,
    `<p style="${STYLE.byline}">${text(byline(content))}</p>`,
    blocks,
    policies,
    `<p style="${STYLE.portal}">${text(`${T.portal}：${content.portalUrl}`)}</p>`,
    '</section>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function blockHtml(block: GraphicBlock, png: string | undefined): string {
  switch (block.kind) {
    case 'heading':
      return `<h2 style="${STYLE.heading}">${text(block.text)}</h2>`;
    case 'text':
      return paragraphs(block.text)
        .map((p) => `<p style="${STYLE.paragraph}">${text(p)}</p>`)
        .join('\n');
    case 'figure':
      return (
        `<section style="${STYLE.figure}"><p style="${STYLE.figureValue}">${text(formatFigure(block.value))}` +
        `<span style="${STYLE.figureUnit}">${text(block.unit)}</span></p>` +
        `<p style="${STYLE.figureCaption}">${text(block.caption)}</p></section>`
      );
    case 'chart': {
      const picture = png
        ? `<img src="data:image/png;base64,${png}" alt="${text(block.description)}" width="677" style="${STYLE.image}">` +
          `<p style="${STYLE.chartDescription}">${text(block.description)}</p>`
        : `<p style="${STYLE.chartDescription}">${text(block.description)}</p>`;
      const caption = png ? `${block.title}（${INTERPRETATION_TEXT.media.dataTable}）` : block.title;
      return (
        `<section style="${STYLE.chart}"><p style="${STYLE.chartTitle}">${text(block.title)}</p>${picture}` +
        `<p style="${STYLE.tableCaption}">${text(caption)}</p>${dataTable(block)}</section>`
      );
    }
    default: {
      const never: never = block;
      throw new TypeError(`unknown block ${JSON.stringify(never)}`);
    }
  }
}

function dataTable(block: Extract<GraphicBlock, { kind: 'chart' }>): string {
  const head = dataHeadings(block)
    .map((h) => `<th scope="col" style="${STYLE.columnHeading}">${text(h)}</th>`)
    .join('');
  const rows = block.data.rows
    .map(
      (row) =>
        `<tr style="${STYLE.row}"><th scope="row" style="${STYLE.rowHeading}">${text(row.label)}</th>` +
        row.values.map((v) => `<td style="${STYLE.cell}">${text(formatFigure(v))}</td>`).join('') +
        '</tr>',
    )
    .join('');
  return (
    `<table style="${STYLE.table}"><thead style="${STYLE.thead}"><tr style="${STYLE.row}">${head}</tr></thead>` +
    `<tbody style="${STYLE.tbody}">${rows}</tbody></table>`
  );
}
