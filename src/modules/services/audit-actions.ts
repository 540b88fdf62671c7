import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the services module records in the audit log, with the viewer's labels. */
export const SERVICE_AUDIT_ACTIONS = {
  'service_guide.submitted': '办事指南提交审核',
  'service_bundle.submitted': '“一件事”提交审核',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the services module's actions. */
export const serviceEntry = entryBuilder(SERVICE_AUDIT_ACTIONS);
