import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the orgs module records in the audit log, with the viewer's labels. */
export const ORG_AUDIT_ACTIONS = {
  'org.created': '创建单位',
  'org.updated': '修改单位',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the orgs module's actions. */
export const orgEntry = entryBuilder(ORG_AUDIT_ACTIONS);
