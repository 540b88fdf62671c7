import { INTERPRETATION_TEXT } from '../strings.ts';
import { parseChartData, type ChartData, type ChartType } from './chart-data.ts';

/**
 * A graphic interpretation (图解) as its author builds it: an ordered list of blocks — headings,
 * plain text, key figures (a number with its unit and caption) and charts. Text is plain (no markup),
 * so nothing here needs sanitising; the page escapes it. A chart keeps the text its data was pasted
 * as, so the form shows exactly what was typed; `checkGraphic` reads it and says what is wrong, block
 * by block and field by field.
 */
export type GraphicBlockInput =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'figure'; value: string; unit: string; caption: string }
  | { kind: 'chart'; chartType: ChartType; title: string; unit: string; description: string; dataText: string };

export type GraphicBlock =
  | Exclude<GraphicBlockInput, { kind: 'figure' | 'chart' }>
  | { kind: 'figure'; value: number; unit: string; caption: string }
  | {
      kind: 'chart';
      chartType: ChartType;
      title: string;
      unit: string;
      description: string;
      dataText: string;
      data: ChartData;
      /** The chart drawn as SVG when the edition was saved (bar, line and pie; a table has none). */
      svg?: string;
    };

export const MAX_GRAPHIC_BLOCKS = 40;
export const GRAPHIC_LIMITS = {
  heading: 60,
  text: 2000,
  figureUnit: 10,
  caption: 40,
  title: 60,
  unit: 10,
  description: 500,
};
/** A text alternative shorter than this says nothing ("图表", "见图"). */
export const MIN_DESCRIPTION = 10;

/** One problem: the block (0-based), the field it is in, and what to do. */
export type GraphicIssue = { block: number | null; field: string; message: string };

export type GraphicCheck = { ok: true; blocks: GraphicBlock[] } | { ok: false; issues: GraphicIssue[] };

const T = INTERPRETATION_TEXT.graphic;
const FIGURE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Reads a block's text fields, trimmed, noting on `issues` a required one left blank or one longer
 * than its limit (counted in characters, not UTF-16 units).
 */
export function textReader(issues: GraphicIssue[], index: number) {
  return (field: string, label: string, value: string, max: number, required = true): string => {
    const trimmed = value.trim();
    if (required && trimmed === '') issues.push({ block: index, field, message: T.required(label) });
    else if ([...trimmed].length > max) issues.push({ block: index, field, message: T.tooLong(label, max) });
    return trimmed;
  };
}

export function checkGraphic(input: readonly GraphicBlockInput[]): GraphicCheck {
  if (input.length === 0) return { ok: false, issues: [{ block: null, field: 'blocks', message: T.noBlocks }] };
  if (input.length > MAX_GRAPHIC_BLOCKS) {
    return { ok: false, issues: [{ block: null, field: 'blocks', message: T.tooManyBlocks(MAX_GRAPHIC_BLOCKS) }] };
  }
  const issues: GraphicIssue[] = [];
  const blocks: GraphicBlock[] = [];
  input.forEach((block, index) => {
    const text = textReader(issues, index);
    switch (block.kind) {
      case 'heading':
        blocks.push({ kind: 'heading', text: text('text', '小标题', block.text, GRAPHIC_LIMITS.heading) });
        return;
      case 'text':
        blocks.push({ kind: 'text', text: text('text', '文字', block.text, GRAPHIC_LIMITS.text) });
        return;
      case 'figure': {
        const raw = block.value.normalize('NFKC').replace(/\s/g, '');
        if (raw === '') issues.push({ block: index, field: 'value', message: T.required('关键数字') });
        else if (!FIGURE.test(raw))
          issues.push({ block: index, field: 'value', message: T.figureNotNumber(block.value.trim()) });
        blocks.push({
          kind: 'figure',
          value: Number(raw.replace(/,/g, '')),
          unit: text('unit', '单位', block.unit, GRAPHIC_LIMITS.figureUnit, false),
          caption: text('caption', '说明', block.caption, GRAPHIC_LIMITS.caption),
        });
        return;
      }
      case 'chart': {
        const title = text('title', '图表标题', block.title, GRAPHIC_LIMITS.title);
        const unit = text('unit', '计量单位', block.unit, GRAPHIC_LIMITS.unit, false);
        const description = text('description', '图表说明', block.description, GRAPHIC_LIMITS.description);
        if (description !== '' && [...description].length < MIN_DESCRIPTION) {
          issues.push({ block: index, field: 'description', message: T.descriptionTooShort(MIN_DESCRIPTION) });
        }
        const parsed = parseChartData(block.dataText, block.chartType);
        if (!parsed.ok) {
          for (const message of parsed.issues) issues.push({ block: index, field: 'dataText', message });
          return;
        }
        blocks.push({
          kind: 'chart',
          chartType: block.chartType,
          title,
          unit,
          description,
          dataText: block.dataText,
          data: parsed.data,
        });
        return;
      }
      default: {
        const never: never = block;
        throw new TypeError(`unknown block ${JSON.stringify(never)}`);
      }
    }
  });
  if (!input.some((block) => block.kind === 'chart' || block.kind === 'figure')) {
    issues.push({ block: null, field: 'blocks', message: T.noChart });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, blocks };
}
