import type { AssembledReport } from './domain/assembly.ts';
import type { AnnualReportDraft } from './domain/report.ts';

/** The units' saved annual reports, one per unit and year. */
export interface AnnualReportStore {
  get(orgId: string, year: number): Promise<AnnualReportDraft | undefined>;
  /** Inserts the report, or replaces the unit's report of that year. */
  save(report: AnnualReportDraft): Promise<void>;
  /** The reports of these units for a year. */
  listForYear(year: number, orgIds: readonly string[]): Promise<AnnualReportDraft[]>;
}

/**
 * Writes a report as the files the public downloads: a Word document and an Excel workbook with
 * the three tables under their official titles. Setting them takes a while, so the composition root
 * hands over one that works off the request thread.
 */
export interface ReportFileRenderer {
  docx(report: AssembledReport): Promise<Buffer>;
  xlsx(report: AssembledReport): Promise<Buffer>;
}
