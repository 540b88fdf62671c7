import { DomainError } from '../../../platform/errors.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import type { GraphicBlock } from './graphic.ts';
import { dataHeadings, formatFigure, paragraphs } from './graphic-html.ts';
import { xmlText } from '../../../platform/xml-text.ts';
import { byline, citation, type NewMediaContent } from './new-media.ts';
import { CHART_BACKGROUND, CHART_SERIES_COLOURS, CHART_TEXT } from './palette.ts';
import { fitText, wrapText } from './text-layout.ts';

/**
 * The long poster (长图) of a graphic interpretation, for Weibo, WeChat Moments and other channels
 * that take a picture rather than an article (plan §三.5 new-media channels): one SVG document
 * 750 px wide — the width phone screenshots and article images are designed at — as tall as its
 * content, which the rasteriser turns into a PNG. Text is laid out here, line by line (SVG text does
 * not wrap); each chart's own SVG is nested in place.
 */
export const POSTER_WIDTH = 750;
/**
 * Taller than this and a poster is refused rather than cut: a picture that silently drops part of
 * an interpretation would misstate the policy, and image hosts shrink very long images until the text
 * cannot be read. Whoever needs it all has the article bundle.
 */
export const MAX_POSTER_HEIGHT = 20_000;

const MARGIN = 48;
const CONTENT = POSTER_WIDTH - 2 * MARGIN;
const BLOCK_GAP = 36;
const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif";
const ACCENT = CHART_SERIES_COLOURS[0];
const MUTED = '#52575d';
const ON_ACCENT = '#ffffff';
const ON_ACCENT_MUTED = '#dbe7f5';
const TINT = '#eef4fb';
const RULE = '#d0d7de';
const FOOTER = '#f2f4f7';
/** Where a CJK font's baseline sits in its em box (ideographic em box: 0.88 above, 0.12 below). */
const ASCENT = 0.88;

/** What one stretch of the poster holds, top to bottom (for tests and for finding a block). */
export type PosterRegion = {
  kind: 'header' | GraphicBlock['kind'] | 'policies' | 'footer';
  top: number;
  bottom: number;
};

export type PosterLayout = { svg: string; width: number; height: number; regions: PosterRegion[] };

type TextStyle = {
  size: number;
  lineHeight: number;
  fill: string;
  bold?: boolean;
  anchor?: 'start' | 'middle' | 'end';
};

/**
 * Lays a graphic interpretation out as the poster's SVG: a header in the accent colour (site, title,
 * 发布机构 and date), the blocks in order, the documents it interprets, and a footer with the
 * address of the interpretation on the portal.
 * @throws DomainError `poster_too_long` when the content needs more than MAX_POSTER_HEIGHT pixels.
 */
export function layoutPoster(content: NewMediaContent): PosterLayout {
  const parts: string[] = [];
  const regions: PosterRegion[] = [];
  let y = 0;

  /** Writes lines of text from `top`; returns the height they take. */
  const lines = (texts: readonly string[], x: number, top: number, style: TextStyle): number => {
    texts.forEach((text, index) => {
      const baseline = top + index * style.lineHeight + (style.lineHeight - style.size) / 2 + style.size * ASCENT;
      parts.push(
        `<text x="${x}" y="${round(baseline)}" font-size="${style.size}" fill="${style.fill}"` +
          `${style.bold ? ' font-weight="700"' : ''}${style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : ''}>` +
          `${xmlText(text)}</text>`,
      );
    });
    return texts.length * style.lineHeight;
  };
  const region = (kind: PosterRegion['kind'], top: number) => regions.push({ kind, top, bottom: y });

  // Header.
  const headerParts = parts.length;
  y += 56;
  y += lines([`${content.siteName} · ${INTERPRETATION_TEXT.media.posterKicker}`], MARGIN, y, {
    size: 24,
    lineHeight: 36,
    fill: ON_ACCENT_MUTED,
  });
  y += 20;
  y += lines(wrapText(content.title, CONTENT, 44), MARGIN, y, {
    size: 44,
    lineHeight: 64,
    fill: ON_ACCENT,
    bold: true,
  });
  y += 20;
  y += lines(wrapText(byline(content), CONTENT, 24), MARGIN, y, { size: 24, lineHeight: 36, fill: ON_ACCENT_MUTED });
  y += 48;
  parts.splice(headerParts, 0, `<rect x="0" y="0" width="${POSTER_WIDTH}" height="${y}" fill="${ACCENT}"/>`);
  region('header', 0);

  y += 48;
  for (const block of content.blocks) {
    const top = y;
    y += layoutBlock(block, y, parts, lines);
    region(block.kind, top);
    y += BLOCK_GAP;
  }

  if (content.policies.length > 0) {
    const top = y;
    parts.push(`<rect x="${MARGIN}" y="${y}" width="${CONTENT}" height="2" fill="${RULE}"/>`);
    y += 28;
    y += lines([INTERPRETATION_TEXT.media.interpreted], MARGIN, y, {
      size: 30,
      lineHeight: 46,
      fill: CHART_TEXT,
      bold: true,
    });
    for (const policy of content.policies) {
      y += 8;
      y += lines(wrapText(citation(policy), CONTENT, 26), MARGIN, y, { size: 26, lineHeight: 42, fill: CHART_TEXT });
    }
    region('policies', top);
    y += BLOCK_GAP;
  }

  // Footer.
  const footerTop = y;
  const footerParts = parts.length;
  y += 40;
  y += lines(wrapText(INTERPRETATION_TEXT.media.posterFooter, CONTENT, 24), MARGIN, y, {
    size: 24,
    lineHeight: 38,
    fill: MUTED,
  });
  y += lines(wrapText(content.portalUrl, CONTENT, 26), MARGIN, y, { size: 26, lineHeight: 40, fill: ACCENT });
  y += 8;
  y += lines(wrapText(content.siteName, CONTENT, 24), MARGIN, y, { size: 24, lineHeight: 38, fill: MUTED });
  y += 40;
  parts.splice(
    footerParts,
    0,
    `<rect x="0" y="${footerTop}" width="${POSTER_WIDTH}" height="${y - footerTop}" fill="${FOOTER}"/>`,
  );
  region('footer', footerTop);

  const height = Math.ceil(y);
  if (height > MAX_POSTER_HEIGHT) {
    throw new DomainError('poster_too_long', {
      message: INTERPRETATION_TEXT.media.posterTooLong(MAX_POSTER_HEIGHT),
      details: { height },
    });
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${height}" viewBox="0 0 ${POSTER_WIDTH} ${height}" font-family="${FONT}">` +
    `<rect x="0" y="0" width="${POSTER_WIDTH}" height="${height}" fill="${CHART_BACKGROUND}"/>${parts.join('')}</svg>`;
  return { svg, width: POSTER_WIDTH, height, regions };
}

type Lines = (texts: readonly string[], x: number, top: number, style: TextStyle) => number;

/** Draws one block from `top`; returns the height it takes. */
function layoutBlock(block: GraphicBlock, top: number, parts: string[], lines: Lines): number {
  switch (block.kind) {
    case 'heading': {
      const height = lines(wrapText(block.text, CONTENT - 24, 34), MARGIN + 24, top, {
        size: 34,
        lineHeight: 50,
        fill: ACCENT,
        bold: true,
      });
      parts.push(`<rect x="${MARGIN}" y="${top + 8}" width="8" height="${height - 16}" rx="4" fill="${ACCENT}"/>`);
      return height;
    }
    case 'text': {
      let height = 0;
      paragraphs(block.text).forEach((paragraph, index) => {
        if (index > 0) height += 20;
        height += lines(wrapText(paragraph, CONTENT, 30), MARGIN, top + height, {
          size: 30,
          lineHeight: 52,
          fill: CHART_TEXT,
        });
      });
      return height;
    }
    case 'figure': {
      const at = parts.length;
      let height = 28;
      const centre = POSTER_WIDTH / 2;
      const baseline = top + height + 72 * ASCENT + 8;
      parts.push(
        `<text x="${centre}" y="${round(baseline)}" font-size="72" font-weight="700" fill="${ACCENT}" text-anchor="middle">` +
          `${xmlText(formatFigure(block.value))}<tspan font-size="32" dx="6">${xmlText(block.unit)}</tspan></text>`,
      );
      height += 88;
      height += lines(wrapText(block.caption, CONTENT - 56, 28), centre, top + height, {
        size: 28,
        lineHeight: 44,
        fill: CHART_TEXT,
        anchor: 'middle',
      });
      height += 28;
      parts.splice(
        at,
        0,
        `<rect x="${MARGIN}" y="${top}" width="${CONTENT}" height="${height}" rx="16" fill="${TINT}"/>`,
      );
      return height;
    }
    case 'chart': {
      let height = 0;
      if (block.svg) {
        const nested = nestedSvg(block.svg, { x: MARGIN, y: top, width: CONTENT });
        parts.push(nested.svg);
        height += nested.height;
      } else {
        height += lines(wrapText(block.title, CONTENT, 30), MARGIN, top, {
          size: 30,
          lineHeight: 46,
          fill: CHART_TEXT,
          bold: true,
        });
        height += 12;
        height += dataTable(block, top + height, parts);
      }
      height += 16;
      height += lines(wrapText(block.description, CONTENT, 26), MARGIN, top + height, {
        size: 26,
        lineHeight: 42,
        fill: MUTED,
      });
      return height;
    }
    default: {
      const never: never = block;
      throw new TypeError(`unknown block ${JSON.stringify(never)}`);
    }
  }
}

/** A chart's data as a drawn table (charts of type 表格 have no picture); cells cut to fit. */
function dataTable(block: Extract<GraphicBlock, { kind: 'chart' }>, top: number, parts: string[]): number {
  const headings = dataHeadings(block);
  const column = CONTENT / headings.length;
  const row = 52;
  const size = 24;
  const cell = (text: string, index: number, rowTop: number, bold: boolean) => {
    const fitted = xmlText(fitText(text, column - 24, size));
    const baseline = round(rowTop + (row - size) / 2 + size * ASCENT);
    const x = index === 0 ? MARGIN + 12 : MARGIN + (index + 1) * column - 12;
    parts.push(
      `<text x="${round(x)}" y="${baseline}" font-size="${size}" fill="${CHART_TEXT}"${bold ? ' font-weight="700"' : ''}` +
        `${index === 0 ? '' : ' text-anchor="end"'}>${fitted}</text>`,
    );
  };
  parts.push(`<rect x="${MARGIN}" y="${top}" width="${CONTENT}" height="${row}" fill="${TINT}"/>`);
  headings.forEach((heading, index) => cell(heading, index, top, true));
  block.data.rows.forEach((dataRow, rowIndex) => {
    const rowTop = top + (rowIndex + 1) * row;
    parts.push(`<rect x="${MARGIN}" y="${rowTop}" width="${CONTENT}" height="1" fill="${RULE}"/>`);
    cell(dataRow.label, 0, rowTop, false);
    dataRow.values.forEach((value, index) => cell(formatFigure(value), index + 1, rowTop, false));
  });
  const height = (block.data.rows.length + 1) * row;
  parts.push(`<rect x="${MARGIN}" y="${top + height}" width="${CONTENT}" height="1" fill="${RULE}"/>`);
  return height;
}

/**
 * A chart's stored SVG nested in the poster at `x, y`, scaled to `width` (its viewBox kept). The
 * drawing is the platform's own (ECharts on the server); still, anything that could reach outside
 * the picture — images, scripts, foreign objects, links — is dropped before it is nested.
 */
export function nestedSvg(
  svg: string,
  place: { x: number; y: number; width: number },
): { svg: string; height: number } {
  const body = svg
    .replace(/<\?xml[\s\S]*?\?>|<!DOCTYPE[^>]*>/gi, '')
    .replace(/<script\b[\s\S]*?<\/script>|<foreignObject\b[\s\S]*?<\/foreignObject>/gi, '')
    .replace(/<image\b[^>]*?(\/>|>[\s\S]*?<\/image>)/gi, '')
    .replace(/\s(xlink:)?href="(?!#)[^"]*"/gi, '');
  const open = /<svg\b[^>]*>/i.exec(body);
  if (!open) return { svg: '', height: 0 };
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(open[0])?.[1];
  const viewBox = attribute('viewBox') ?? `0 0 ${attribute('width') ?? 720} ${attribute('height') ?? 400}`;
  const [, , boxWidth, boxHeight] = viewBox.split(/[\s,]+/).map(Number);
  const ratio = boxWidth && boxHeight ? boxHeight / boxWidth : 400 / 720;
  const height = Math.round(place.width * ratio);
  const kept = open[0].replace(/\s(width|height|x|y|viewBox|preserveAspectRatio)="[^"]*"/gi, '').replace(/\/?>$/, '');
  const tag = `${kept} x="${place.x}" y="${place.y}" width="${place.width}" height="${height}" viewBox="${viewBox}">`;
  return { svg: body.slice(0, open.index) + tag + body.slice(open.index + open[0].length), height };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
