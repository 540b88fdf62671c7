import { TABLE3 } from '../../../reference/annual-report.ts';
import type { ApplicantKind, OrganisationKind } from './application.ts';
import { OUTCOMES, type Outcome } from './outcomes.ts';

/**
 * Table 三 of the annual report (国办公开办函〔2021〕30号): requests received and handled in a
 * year, by applicant category, computed from the stored requests alone, with its built-in checks
 * (勾稽关系: 一 + 二 = 三(七) + 四 in every column).
 */

/** The columns of table 三, in the report's order: 自然人, the five kinds of 法人或其他组织, 总计. */
export const TABLE3_COLUMNS = [
  'natural',
  'business',
  'research',
  'nonprofit',
  'legal_service',
  'other',
  'total',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];

/** The rows of table 三 by id: "1", "2", every outcome, "3.7", "4". */
export const TABLE3_ROW_IDS = TABLE3.rows.map((row) => row.id);

/** What the table needs of one request. */
export type ReportFact = {
  receivedOn: string;
  closedOn: string | null;
  outcome: Outcome | null;
  applicantKind: ApplicantKind;
  organisationKind: OrganisationKind | null;
};

/** Each row's numbers per column. */
export type Table3 = { year: number; cells: Record<string, Record<Table3Column, number>> };

const emptyRow = (): Record<Table3Column, number> =>
  Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0])) as Record<Table3Column, number>;

/**
 * Counts a year's table 三 from the facts of the requests that touch it:
 * - 一 (row 1): received in the year;
 * - 二 (row 2): received before the year and still open when it began;
 * - 三 (rows 3.1–3.6.3): closed in the year, by outcome; 三(七) (row 3.7) their total;
 * - 四 (row 4): received by the year's end and still open at its end.
 * A request received in time (条例 Art. 31) counts by its original receipt, however corrected.
 */
export function computeTable3(facts: readonly ReportFact[], year: number): Table3 {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const cells: Table3['cells'] = Object.fromEntries(TABLE3_ROW_IDS.map((id) => [id, emptyRow()]));
  const add = (row: string, fact: ReportFact) => {
    const column: Table3Column = fact.applicantKind === 'natural' ? 'natural' : (fact.organisationKind ?? 'other');
    cells[row]![column]++;
    cells[row]!.total++;
  };
  for (const fact of facts) {
    if (fact.receivedOn > last) continue;
    const openAtStart = fact.closedOn === null || fact.closedOn >= first;
    if (!openAtStart) continue;
    if (fact.receivedOn >= first) add('1', fact);
    else add('2', fact);
    if (fact.closedOn !== null && fact.closedOn <= last && fact.outcome) {
      // An outcome the format does not know (a damaged row) still closed the request in the year: it
      // counts in 三(七), and the results check shows the gap instead of the report failing.
      if (OUTCOMES.includes(fact.outcome)) add(fact.outcome, fact);
      add('3.7', fact);
    } else {
      add('4', fact);
    }
  }
  return { year, cells };
}

/** A check of table 三 that does not hold: which row and column, and the two sides. */
export type Table3Problem = {
  check: 'balance' | 'results' | 'total';
  row: string;
  column: Table3Column;
  left: number;
  right: number;
};

/**
 * The table's built-in checks, as the format states them: row 1 + row 2 = row 3.7 + row 4 in every
 * column (勾稽关系); row 3.7 = the sum of rows 3.1 … 3.6.3; 总计 = the sum of the six columns.
 */
export function checkTable3(table: Table3): Table3Problem[] {
  const problems: Table3Problem[] = [];
  const cell = (row: string, column: Table3Column) => table.cells[row]?.[column] ?? 0;
  for (const column of TABLE3_COLUMNS) {
    const left = cell('1', column) + cell('2', column);
    const right = cell('3.7', column) + cell('4', column);
    if (left !== right) problems.push({ check: 'balance', row: '1+2', column, left, right });
    const results = OUTCOMES.reduce((sum, outcome) => sum + cell(outcome, column), 0);
    if (results !== cell('3.7', column))
      problems.push({ check: 'results', row: '3.7', column, left: cell('3.7', column), right: results });
  }
  for (const row of TABLE3_ROW_IDS) {
    const parts = TABLE3_COLUMNS.filter((c) => c !== 'total').reduce((sum, c) => sum + cell(row, c), 0);
    if (parts !== cell(row, 'total'))
      problems.push({ check: 'total', row, column: 'total', left: cell(row, 'total'), right: parts });
  }
  return problems;
}
