/**
 * The reports module's door: the annual report on government information disclosure (政府信息公开
 * 工作年度报告, 条例 Art. 49–50). Nothing else in the module is imported from outside it.
 */
export { saveReport } from './commands/save-report.ts';
export { submitReport } from './commands/submit-report.ts';
export type { SubmitReportStores } from './commands/submit-report.ts';
export { getReport } from './queries/get-report.ts';
export type { AssembledReport } from './domain/assembly.ts';
export type { AnnualReportDraft, ReportFigures, ReportSections } from './domain/report.ts';
export { reportGrids } from './domain/report-grids.ts';
export type { ReportGrid } from './domain/report-grids.ts';
export type { AnnualReportStore, ReportFileRenderer } from './ports.ts';
export { registerReportAdminRoutes } from './http/admin-routes.tsx';
export { REPORT_AUDIT_ACTIONS } from './audit-actions.ts';
