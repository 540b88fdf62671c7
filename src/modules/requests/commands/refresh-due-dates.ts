import { chinaDate, type Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import type { RequestStore } from '../ports.ts';
import { storedDueOn } from '../domain/handling.ts';

/**
 * Recomputes the kept due date of every open request on the calendar as it now stands, after a
 * holiday notice was imported or a day corrected: pages always compute due dates afresh, and this
 * keeps the inbox's due-soon and overdue filters in step (Alaveteli #7292: cached due dates that
 * did not move). Returns how many changed.
 */
export async function refreshDueDates(options: {
  uow: UnitOfWork<{ requests: RequestStore }>;
  clock: Clock;
  calendar: WorkingCalendar;
}): Promise<number> {
  const today = chinaDate(options.clock.now());
  return options.uow.run(async ({ requests }) => {
    let changed = 0;
    for (const request of await requests.openRequests()) {
      const dueOn = storedDueOn(request, options.calendar, today);
      if (dueOn === request.dueOn) continue;
      await requests.setDueOn(request.id, dueOn);
      changed++;
    }
    return changed;
  });
}
