import { pilotField, PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import { CATALOG_TEXT } from '../strings.ts';
import {
  formatAudience,
  formatChannels,
  formatElements,
  formatFiveOpen,
  formatLegalBasis,
  formatLevels,
  formatMode,
  formatTimeLimit,
  parseAudience,
  parseChannels,
  parseFiveOpen,
  parseLegalBasis,
  parseLevels,
  parseMode,
  parseTimeLimit,
  splitItems,
} from './cell-text.ts';
import { fieldName, type CatalogEntry, type EntryContent, type LocalField } from './entry.ts';

/**
 * The spreadsheet layout local catalogs publish, one worksheet per field:
 * 序号 | 一级事项 | 二级事项 | 公开内容(要素) | 公开依据 | 公开时限 | 公开主体 | 公开渠道和载体 | 公开对象 |
 * 公开方式 | 公开层级, followed by two optional columns this product adds (五公开, 公开时长).
 */
export const SHEET_COLUMNS = [
  '序号',
  '一级事项',
  '二级事项',
  '公开内容(要素)',
  '公开依据',
  '公开时限',
  '公开主体',
  '公开渠道和载体',
  '公开对象',
  '公开方式',
  '公开层级',
  '五公开',
  '公开时长',
] as const;
type Column = (typeof SHEET_COLUMNS)[number];
const REQUIRED: Column[] = SHEET_COLUMNS.filter((c) => c !== '序号' && c !== '五公开' && c !== '公开时长');

/** A worksheet as plain text cells, row by row. */
export type Sheet = { name: string; rows: string[][] };

/** One problem in an imported file, by sheet, row and column. */
export type SheetIssue = { sheet: string; row: number | null; column: string | null; message: string };

/** The title a unit's worksheet carries above the header. */
export function sheetTitle(unitName: string, fieldLabel: string): string {
  return `${unitName}${fieldLabel}领域基层政务公开标准目录`;
}

/** Writes a catalog's entries as worksheets, one per field, in field order. */
export function catalogToSheets(
  entries: CatalogEntry[],
  unitName: string,
  localFields: readonly LocalField[],
): Sheet[] {
  const codes = [...new Set(entries.map((e) => e.fieldCode))].sort();
  return codes.map((code) => {
    const label = fieldName(code, localFields) ?? code;
    const rows = entries
      .filter((e) => e.fieldCode === code)
      .sort((a, b) => a.position - b.position)
      .map((e, i) => [
        String(i + 1),
        e.itemL1,
        e.itemL2,
        formatElements(e.contentElements),
        formatLegalBasis(e.legalBasis),
        formatTimeLimit(e.timeLimit),
        e.publisher,
        formatChannels(e.channels, e.otherChannels),
        formatAudience(e.audience),
        formatMode(e.mode),
        formatLevels(e.levels),
        formatFiveOpen(e.fiveOpen),
        e.retention ?? '',
      ]);
    return {
      name: `${code} ${label}`.slice(0, 31),
      rows: [[sheetTitle(unitName, label)], [...SHEET_COLUMNS], ...rows],
    };
  });
}

/** Column letters as spreadsheets show them (A, B, …, Z, AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Reads entries from worksheets. The field comes from the sheet's name (its code or its name); the
 * header row is found by its column names, wherever it is. Every problem is reported with its row
 * and column, and nothing is returned as entries when there is any problem.
 */
export function sheetsToEntries(
  sheets: Sheet[],
  localFields: readonly LocalField[],
): { entries: EntryContent[]; issues: SheetIssue[] } {
  const entries: EntryContent[] = [];
  const issues: SheetIssue[] = [];
  for (const sheet of sheets) {
    const nonEmpty = sheet.rows.some((row) => row.some((cell) => cell.trim() !== ''));
    if (!nonEmpty) continue;
    const fieldCode = fieldOfSheet(sheet.name, localFields);
    if (!fieldCode) {
      issues.push({
        sheet: sheet.name,
        row: null,
        column: null,
        message: CATALOG_TEXT.sheetFieldUnknown,
      });
      continue;
    }
    const headerIndex = sheet.rows.findIndex(
      (row) => row.some((c) => normalise(c) === '一级事项') || row.some((c) => normalise(c) === '公开方式'),
    );
    if (headerIndex < 0) {
      issues.push({
        sheet: sheet.name,
        row: null,
        column: null,
        message: CATALOG_TEXT.sheetHeaderMissing,
      });
      continue;
    }
    const header = sheet.rows[headerIndex]!.map(normalise);
    const index = new Map<Column, number>();
    for (const column of SHEET_COLUMNS) {
      const at = header.findIndex((h) => h === normalise(column) || (column === '公开内容(要素)' && h === '公开内容'));
      if (at >= 0) index.set(column, at);
    }
    const missing = REQUIRED.filter((c) => !index.has(c));
    for (const column of missing) {
      issues.push({
        sheet: sheet.name,
        row: headerIndex + 1,
        column: null,
        message: CATALOG_TEXT.sheetColumnMissing(column),
      });
    }
    if (missing.length > 0) continue;

    sheet.rows.slice(headerIndex + 1).forEach((row, offset) => {
      const rowNumber = headerIndex + 2 + offset;
      const cell = (column: Column) => (index.has(column) ? (row[index.get(column)!] ?? '').trim() : '');
      if (SHEET_COLUMNS.every((c) => c === '序号' || cell(c) === '')) return;
      const problem = (column: Column, message: string) =>
        issues.push({
          sheet: sheet.name,
          row: rowNumber,
          column: `${columnLetter(index.get(column)!)}列（${column}）`,
          message,
        });
      const itemL1 = cell('一级事项');
      if (itemL1 === '') problem('一级事项', '一级事项不能为空。');
      const elements = splitItems(cell('公开内容(要素)'));
      if (elements.length === 0) problem('公开内容(要素)', '请填写公开内容（要素）。');
      const basis = parseLegalBasis(cell('公开依据'));
      if (!basis.ok) problem('公开依据', basis.message);
      const limit = parseTimeLimit(cell('公开时限'));
      if (!limit.ok) problem('公开时限', limit.message);
      const publisher = cell('公开主体');
      if (publisher === '') problem('公开主体', '请填写公开主体。');
      const channels = parseChannels(cell('公开渠道和载体'));
      if (!channels.ok) problem('公开渠道和载体', channels.message);
      const audience = parseAudience(cell('公开对象'));
      if (!audience.ok) problem('公开对象', audience.message);
      const mode = parseMode(cell('公开方式'));
      if (!mode.ok) problem('公开方式', mode.message);
      const levels = parseLevels(cell('公开层级'));
      if (!levels.ok) problem('公开层级', levels.message);
      const fiveOpen = parseFiveOpen(cell('五公开'));
      if (!fiveOpen.ok) problem('五公开', fiveOpen.message);
      if (
        itemL1 === '' ||
        !basis.ok ||
        !limit.ok ||
        !channels.ok ||
        !audience.ok ||
        !mode.ok ||
        !levels.ok ||
        !fiveOpen.ok
      )
        return;
      if (elements.length === 0 || publisher === '') return;
      entries.push({
        fieldCode,
        itemL1,
        itemL2: cell('二级事项'),
        contentElements: elements,
        legalBasis: basis.value,
        timeLimit: limit.value,
        publisher,
        channels: channels.value.channels,
        otherChannels: channels.value.otherChannels,
        audience: audience.value,
        mode: mode.value,
        levels: levels.value,
        fiveOpen: fiveOpen.value,
        retention: cell('公开时长') || null,
      });
    });
  }
  if (issues.length === 0 && entries.length === 0) {
    issues.push({ sheet: '', row: null, column: null, message: CATALOG_TEXT.workbookEmpty });
  }
  return { entries: issues.length > 0 ? [] : entries, issues };
}

/** "第5行 J列（公开方式）：…", the way an error is read out to the person who made the file. */
export function describeSheetIssue(issue: SheetIssue): string {
  const where = [issue.sheet ? `工作表“${issue.sheet}”` : '', issue.row ? `第${issue.row}行` : '', issue.column ?? '']
    .filter(Boolean)
    .join(' ');
  return where ? `${where}：${issue.message}` : issue.message;
}

function fieldOfSheet(name: string, localFields: readonly LocalField[]): string | undefined {
  const trimmed = name.trim();
  const code = /^(\d{2}|L\d{2})(?!\d)/.exec(trimmed)?.[1];
  if (code && fieldName(code, localFields)) return code;
  const byName =
    PILOT_FIELDS.find((f) => trimmed.includes(f.name)) ?? localFields.find((f) => trimmed.includes(f.name));
  return byName?.code ?? (pilotField(trimmed) ? trimmed : undefined);
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}
