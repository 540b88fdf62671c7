import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the site module records in the audit log, with the viewer's labels. */
export const SITE_AUDIT_ACTIONS = {
  'settings.updated': '修改站点设置',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the site module's actions. */
export const siteEntry = entryBuilder(SITE_AUDIT_ACTIONS);
