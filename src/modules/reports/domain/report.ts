import type { FieldIssue } from '../../../platform/errors.ts';
import { stripInvisibleControls } from '../../../platform/text.ts';
import type { Permission } from '../../access/index.ts';
import { REPORT_TEXT } from '../strings.ts';

/**
 * The annual report on government information disclosure (政府信息公开工作年度报告, 条例 Art. 49–50,
 * format 国办公开办函〔2021〕30号) as a unit writes it: the figures of table 二 that no other part of
 * the system records, and the text of sections 一, 五 and 六. Tables 三 and 四 and the first block
 * of table 二 are always computed, never typed.
 */

/**
 * Table 二's figures that staff enter (条例 Art. 20 (5), (6), (8)): decisions on licences, penalties
 * and enforcement measures in the year, and administrative fees collected, in 万元 as text so no
 * binary fraction creeps in ("12.5").
 */
export type ReportFigures = { licensing: number; penalties: number; enforcement: number; feesWan: string };

/** Sections 一 (总体情况), 五 (存在的主要问题及改进情况) and 六 (其他需要报告的事项), as plain text, one paragraph a line. */
export type ReportSections = { overview: string; problems: string; other: string };

/** A unit's report for one year, as saved. */
export type AnnualReportDraft = {
  id: string;
  orgId: string;
  year: number;
  figures: ReportFigures;
  sections: ReportSections;
  /** The document in 公开年报 the first submission created; later submissions are its next editions. */
  documentId: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
};

export const FIGURE_FIELDS = [
  { key: 'licensing', label: '行政许可本年处理决定数量' },
  { key: 'penalties', label: '行政处罚本年处理决定数量' },
  { key: 'enforcement', label: '行政强制本年处理决定数量' },
] as const;

export const SECTION_FIELDS = [
  { key: 'overview', label: '一、总体情况' },
  { key: 'problems', label: '五、存在的主要问题及改进情况' },
  { key: 'other', label: '六、其他需要报告的事项' },
] as const;

/** Longest section accepted, in characters; a whole report of the State Council's runs to about 8,000. */
export const MAX_SECTION_CHARACTERS = 20_000;
const MAX_COUNT = 999_999_999;

export const EMPTY_FIGURES: ReportFigures = { licensing: 0, penalties: 0, enforcement: 0, feesWan: '0' };
export const EMPTY_SECTIONS: ReportSections = { overview: '', problems: '', other: '' };

/** Digits typed on a Chinese keyboard (０-９, ．) read as ASCII; thousands separators dropped. */
function normaliseNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[,，\s]/g, '')
    .trim();
}

/**
 * Reads the entered figures: whole numbers of decisions and a fee amount in 万元 with at most four
 * decimals (one 元); a blank field is 0. Returns every problem, tied to its field.
 */
export function parseFigures(input: Partial<Record<keyof ReportFigures, string>>): {
  figures: ReportFigures;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  const figures: ReportFigures = { ...EMPTY_FIGURES };
  for (const { key, label } of FIGURE_FIELDS) {
    const text = normaliseNumber(input[key] ?? '');
    if (text === '') continue;
    if (!/^\d{1,9}$/.test(text) || Number(text) > MAX_COUNT) {
      issues.push({ field: key, message: REPORT_TEXT.countShape(label) });
      continue;
    }
    figures[key] = Number(text);
  }
  const fees = normaliseNumber(input.feesWan ?? '');
  if (fees !== '') {
    if (!/^\d{1,10}(\.\d{1,4})?$/.test(fees)) issues.push({ field: 'feesWan', message: REPORT_TEXT.feeShape });
    // Stored as written, without leading zeros ("007.50" → "7.50").
    else figures.feesWan = fees.replace(/^0+(?=\d)/, '');
  }
  return { figures, issues };
}

/** Reads the sections' text: invisible controls removed, line ends unified, length bounded. */
export function parseSections(input: Partial<Record<keyof ReportSections, string>>): {
  sections: ReportSections;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  const sections: ReportSections = { ...EMPTY_SECTIONS };
  for (const { key, label } of SECTION_FIELDS) {
    const text = stripInvisibleControls((input[key] ?? '').replace(/\r\n?/g, '\n')).trim();
    if (text.length > MAX_SECTION_CHARACTERS) {
      issues.push({ field: key, message: REPORT_TEXT.sectionTooLong(label, MAX_SECTION_CHARACTERS) });
    }
    sections[key] = text;
  }
  return { sections, issues };
}

/** Sections a report must have before it is published: all three of the format's written parts. */
export function missingSections(sections: ReportSections): FieldIssue[] {
  return SECTION_FIELDS.filter(({ key }) => sections[key].trim() === '').map(({ key, label }) => ({
    field: key,
    message: REPORT_TEXT.sectionRequired(label),
  }));
}

/**
 * The permission a unit's report needs: the district's own report covers the whole district and is
 * compiled by the district office (条例 Art. 49: the people's government's report); every other
 * organ's by its disclosure officer or administrator.
 */
export function reportPermission(org: { parentId: string | null }): Permission {
  return org.parentId === null ? 'report.district' : 'report.edit';
}

/** The report's title, as units publish it. */
export function reportTitle(unitName: string, year: number): string {
  return `${unitName}${year}年政府信息公开工作年度报告`;
}
