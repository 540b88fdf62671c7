import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the calendar module records in the audit log, with the viewer's labels. */
export const CALENDAR_AUDIT_ACTIONS = {
  'calendar.imported': '导入节假日安排',
  'calendar.day_set': '设置工作日历单日',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the calendar module's actions. */
export const calendarEntry = entryBuilder(CALENDAR_AUDIT_ACTIONS);
