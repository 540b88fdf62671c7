import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the reports module records in the audit log, with the viewer's labels. */
export const REPORT_AUDIT_ACTIONS = {
  'report.saved': '保存年度报告',
  'report.submitted': '年度报告提交审核',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the reports module's actions. */
export const reportEntry = entryBuilder(REPORT_AUDIT_ACTIONS);
