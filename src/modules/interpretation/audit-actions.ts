import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the interpretation module records in the audit log, with the viewer's labels. */
export const INTERPRETATION_AUDIT_ACTIONS = {
  'interpretation.submitted': '政策解读提交审核',
  'concern.created': '登记公众关切',
  'concern.response_submitted': '关切回应提交审核',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the interpretation module's actions. */
export const interpretationEntry = entryBuilder(INTERPRETATION_AUDIT_ACTIONS);
