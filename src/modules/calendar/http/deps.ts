import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import type { AuditLog } from '../../audit/index.ts';
import type { CalendarStore } from '../ports.ts';

/** What the calendar's back office needs, built by the composition root. */
export type CalendarWebDeps = {
  stores: { calendar: CalendarStore };
  uow: UnitOfWork<{ calendar: CalendarStore; audit: AuditLog }>;
  clock: Clock;
  /**
   * Called after every change of the calendar: forgets the cached calendar and moves the kept due
   * dates of open requests, so deadlines use the new days at once.
   */
  calendarChanged: () => Promise<void>;
  shell: PageShell;
};
