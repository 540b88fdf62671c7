import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the requests module records in the audit log, with the viewer's labels. */
export const REQUEST_AUDIT_ACTIONS = {
  'request.submitted': '收到依申请公开申请',
  'request.registered': '确认收到申请（登记）',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the requests module's actions. */
export const requestEntry = entryBuilder(REQUEST_AUDIT_ACTIONS);
