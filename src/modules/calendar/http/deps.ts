import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditLog } from '../../audit/index.ts';
import type { CalendarStore } from '../ports.ts';
import type { CalendarCache } from '../queries/load-calendar.ts';

/** What the calendar's back office needs, built by the composition root. */
export type CalendarWebDeps = {
  stores: { calendar: CalendarStore };
  uow: UnitOfWork<{ calendar: CalendarStore; audit: AuditLog }>;
  clock: Clock;
  /** Forgotten after every change, so deadlines use the new days at once. */
  calendarCache: CalendarCache;
  shell: PageShell;
};
