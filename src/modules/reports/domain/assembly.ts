import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import { TABLE3 } from '../../../reference/annual-report.ts';
import type { RegulatoryCounts } from '../../documents/index.ts';
import type { Table3, Table3Column, Table3Problem, Table4 } from '../../requests/index.ts';
import { REPORT_TEXT } from '../strings.ts';
import { missingSections, reportTitle, type ReportFigures, type ReportSections } from './report.ts';

/**
 * A whole annual report put together for one unit and year: the text the unit wrote, table 二 from
 * the published documents and the entered figures, tables 三 and 四 from the requests, and the
 * problems table 三's checks found. Plain data, so it can be sent to the worker that writes files.
 */
export type AssembledReport = {
  title: string;
  unitName: string;
  year: number;
  /** The district's report covers every unit of the district. */
  isDistrictWide: boolean;
  sections: ReportSections;
  table2: { documents: RegulatoryCounts; figures: ReportFigures };
  table3: Table3;
  table4: Table4;
  problems: Table3Problem[];
};

/** Puts a report together from its parts. */
export function assembleReport(parts: Omit<AssembledReport, 'title'>): AssembledReport {
  return { ...parts, title: reportTitle(parts.unitName, parts.year) };
}

const COLUMN_LABELS: Record<Table3Column, string> = {
  natural: TABLE3.columns[0]!,
  business: TABLE3.columns[1]!,
  research: TABLE3.columns[2]!,
  nonprofit: TABLE3.columns[3]!,
  legal_service: TABLE3.columns[4]!,
  other: TABLE3.columns[5]!,
  total: TABLE3.columns[6]!,
};

/** One failed check of table 三, as the equation it breaks, in Chinese. */
export function describeProblem(problem: Table3Problem): string {
  const column = COLUMN_LABELS[problem.column].replace('/', '·');
  switch (problem.check) {
    case 'balance':
      return REPORT_TEXT.balanceProblem(column, problem.left, problem.right);
    case 'results':
      return REPORT_TEXT.resultsProblem(column, problem.left, problem.right);
    case 'total': {
      const label =
        TABLE3.rows
          .find((row) => row.id === problem.row)
          ?.label.split('/')
          .at(-1) ?? problem.row;
      return REPORT_TEXT.totalProblem(label, problem.left, problem.right);
    }
    default: {
      const unreachable: never = problem.check;
      return unreachable;
    }
  }
}

/**
 * Stops a report that may not be published: a year that has not ended, a written section left
 * empty, or table 三 failing its checks (勾稽关系: 一 + 二 = 三(七) + 四 in every column, 三(七) the
 * sum of the results, 总计 the sum of the applicants) — the format's own consistency rules, which
 * the district office and the public check a published report against.
 * @throws DomainError `validation_failed`, each problem tied to its field (`table3` for the checks).
 */
export function requirePublishable(report: AssembledReport, today: string): void {
  const issues: FieldIssue[] = [];
  if (report.year >= Number(today.slice(0, 4))) {
    issues.push({ field: 'year', message: REPORT_TEXT.yearNotOver(report.year) });
  }
  issues.push(...missingSections(report.sections));
  if (report.problems.length > 0) {
    issues.push({ field: 'table3', message: REPORT_TEXT.checkFailed(report.problems.map(describeProblem)) });
  }
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
}
