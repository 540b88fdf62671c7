import { isIsoDate, type Clock } from '../../../platform/clock.ts';
import { CALENDAR_TEXT } from '../strings.ts';
import { calendarEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, requireGlobalPermission, type Actor } from '../../access/index.ts';
import type { CalendarStore } from '../ports.ts';

/** What a day is set to: a day off, a make-up working day, or back to its plain weekday/weekend. */
export type DayKind = 'off' | 'work' | 'normal';

/**
 * Corrects one day of the calendar by hand (a late notice, a local arrangement).
 * @throws DomainError `validation_failed` for a bad date; `forbidden`.
 */
export async function setCalendarDay(options: {
  uow: UnitOfWork<{ calendar: CalendarStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  date: string;
  kind: DayKind;
  name: string;
}): Promise<void> {
  requireGlobalPermission(options.actor, 'calendar.manage');
  if (!isIsoDate(options.date)) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'date', message: CALENDAR_TEXT.dayShape }],
    });
  }
  const now = options.clock.now();
  await options.uow.run(async ({ calendar, audit }) => {
    const before =
      (await calendar.daysOf(Number(options.date.slice(0, 4)))).find((d) => d.date === options.date) ?? null;
    const after =
      options.kind === 'normal'
        ? null
        : { date: options.date, isOffDay: options.kind === 'off', name: options.name.trim() };
    await calendar.setDay(options.date, after);
    await audit.append(
      calendarEntry(auditActor(options.actor), now, {
        action: 'calendar.day_set',
        entityType: 'calendar',
        entityId: options.date,
        before,
        after,
      }),
    );
  });
}
