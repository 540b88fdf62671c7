import { INTERPRETATION_TEXT } from '../strings.ts';

/**
 * The data of a chart in a graphic interpretation (图解), as staff paste it from a spreadsheet or type
 * it: a header row (the categories' name, then one name per data series) and one row per category,
 * cells separated by tabs (what a spreadsheet copies) or, when there is no tab, by commas (ASCII or
 * full-width). Numbers may use full-width digits, thousands separators (with tabs only) and a
 * trailing %; the unit is said once, beside the chart.
 *
 * Every problem is reported with its row and column, in words the person can act on, and nothing
 * they typed is dropped: the form shows their text again with the issues.
 */
export const CHART_TYPES = ['bar', 'line', 'pie', 'table'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** A chart of more categories is unreadable on a phone; the detail belongs in an attachment. */
export const MAX_CHART_ROWS = 200;
export const MAX_CHART_SERIES = 8;
/** Longest pasted text read at all (a bound on the work a request can ask for). */
export const MAX_CHART_TEXT = 500_000;
/** Issues listed before "and N more". */
const LISTED_ISSUES = 5;

export type ChartData = {
  /** The header's first cell (may be empty): what the categories are. */
  categoryName: string;
  series: string[];
  rows: { label: string; values: number[] }[];
};

export type ChartDataResult = { ok: true; data: ChartData } | { ok: false; issues: string[] };

const T = INTERPRETATION_TEXT.chart;
const NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)%?$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/;

/** Reads pasted chart data; `type` adds the pie's rules (one series, no negative values). */
export function parseChartData(text: string, type: ChartType): ChartDataResult {
  if (text.length > MAX_CHART_TEXT) return { ok: false, issues: [T.tooLong(MAX_CHART_TEXT)] };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  if (lines.length === 0) return { ok: false, issues: [T.empty] };

  const tabbed = lines.some((line) => line.includes('\t'));
  const split = (line: string) => (tabbed ? line.split('\t') : line.split(/[,，]/)).map((cell) => cell.trim());
  const header = split(lines[0]!);
  // A spreadsheet copies trailing empty cells as separators; they are not columns.
  while (header.length > 1 && header.at(-1) === '') header.pop();
  if (header.length < 2) return { ok: false, issues: [T.headerTooShort] };
  const series = header.slice(1);
  if (series.length > MAX_CHART_SERIES)
    return { ok: false, issues: [T.tooManySeries(MAX_CHART_SERIES, series.length)] };
  if (lines.length === 1) return { ok: false, issues: [T.headerOnly] };
  if (lines.length - 1 > MAX_CHART_ROWS)
    return { ok: false, issues: [T.tooManyRows(MAX_CHART_ROWS, lines.length - 1)] };
  if (type === 'pie' && series.length !== 1) return { ok: false, issues: [T.pieOneSeries(series.length)] };

  const issues: string[] = [];
  const rows: ChartData['rows'] = [];
  lines.slice(1).forEach((line, index) => {
    const rowNumber = index + 2;
    if (line.trim() === '') {
      issues.push(T.blankRow(rowNumber));
      return;
    }
    const cells = split(line);
    while (cells.length > header.length && cells.at(-1) === '') cells.pop();
    if (cells.length !== header.length) {
      issues.push(T.cellCount(rowNumber, cells.length, header.length));
      return;
    }
    if (cells[0] === '') issues.push(T.blankLabel(rowNumber));
    const values: number[] = [];
    cells.slice(1).forEach((cell, column) => {
      const value = numberOf(cell, tabbed);
      if (cell === '') issues.push(T.blankCell(rowNumber, column + 2));
      else if (value === undefined) issues.push(T.notNumber(rowNumber, column + 2, cell));
      else if (type === 'pie' && value < 0) issues.push(T.pieNegative(rowNumber));
      else values.push(value);
    });
    rows.push({ label: cells[0]!, values });
  });
  if (issues.length > 0) {
    const listed = issues.slice(0, LISTED_ISSUES);
    if (issues.length > LISTED_ISSUES) listed.push(T.moreIssues(issues.length - LISTED_ISSUES));
    return { ok: false, issues: listed };
  }
  return { ok: true, data: { categoryName: header[0]!, series, rows } };
}

/** A cell's number, or undefined; full-width digits and signs are read as their ASCII forms. */
function numberOf(cell: string, tabbed: boolean): number | undefined {
  const plain = cell.normalize('NFKC').replace(/\s/g, '');
  if (tabbed && GROUPED.test(plain)) return Number(plain.replace(/[,%]/g, ''));
  if (!NUMBER.test(plain)) return undefined;
  const value = Number(plain.replace('%', ''));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A worksheet's rows as the text a chart's data is pasted as: cells joined by tabs, rows by line
 * breaks, empty rows and columns at the end dropped (a workbook's used range often runs past its
 * table). What `parseChartData` then reads is what the form shows.
 */
export function sheetAsChartText(rows: readonly (readonly string[])[]): string {
  const trimmed = rows.map((row) => {
    const cells = row.map((cell) => cell.replace(/[\t\r\n]+/g, ' ').trim());
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (trimmed.length > 0 && trimmed[trimmed.length - 1]!.length === 0) trimmed.pop();
  const width = Math.max(0, ...trimmed.map((row) => row.length));
  return trimmed.map((row) => [...row, ...Array<string>(width - row.length).fill('')].join('\t')).join('\n');
}
