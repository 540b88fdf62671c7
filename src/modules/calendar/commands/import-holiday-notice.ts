import type { Clock } from '../../../platform/clock.ts';
import { CALENDAR_TEXT } from '../strings.ts';
import { calendarEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, requireGlobalPermission, type Actor } from '../../access/index.ts';
import { isWholeYear, parseNoticeIcs, parseNoticeJson } from '../domain/holiday-notice.ts';
import type { CalendarStore } from '../ports.ts';

/** What an import changed. */
export type ImportSummary = { coveredYears: number[]; extraDays: number };

/**
 * Imports a year's holiday notice (ICS or JSON). A year whose 元旦 is in the file is replaced as a
 * whole and becomes covered; days of other years (a make-up day spilling over) are set one by one.
 * @throws DomainError `validation_failed` listing every problem in the file; `forbidden`.
 */
export async function importHolidayNotice(options: {
  uow: UnitOfWork<{ calendar: CalendarStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  fileName: string;
  text: string;
}): Promise<ImportSummary> {
  requireGlobalPermission(options.actor, 'calendar.manage');
  const isIcs = /^\s*BEGIN:VCALENDAR/.test(options.text);
  const parsed = isIcs ? parseNoticeIcs(options.text) : parseNoticeJson(options.text);
  if (!parsed.ok)
    throw new DomainError('validation_failed', { fields: parsed.issues, message: CALENDAR_TEXT.noticeRefused });
  const now = options.clock.now();
  const summary: ImportSummary = { coveredYears: [], extraDays: 0 };
  await options.uow.run(async ({ calendar, audit }) => {
    for (const [year, days] of parsed.notice) {
      if (isWholeYear(year, days)) {
        await calendar.replaceYear(year, days, `导入：${options.fileName}`, now);
        summary.coveredYears.push(year);
      } else {
        for (const day of days) await calendar.setDay(day.date, day);
        summary.extraDays += days.length;
      }
    }
    await audit.append(
      calendarEntry(auditActor(options.actor), now, {
        action: 'calendar.imported',
        entityType: 'calendar',
        entityId: summary.coveredYears.join(',') || null,
        after: { fileName: options.fileName, ...summary },
      }),
    );
  });
  return summary;
}
