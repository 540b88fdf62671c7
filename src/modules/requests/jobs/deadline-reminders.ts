import { chinaDate, type Clock } from '../../../platform/clock.ts';
import type { JobSender } from '../../../platform/jobs.ts';
import { mailOnce } from '../../../platform/mail.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { auditActor, systemActor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { requestEntry } from '../audit-actions.ts';
import { remindersDue } from '../domain/reminders.ts';
import type { RequestStore } from '../ports.ts';
import { reminderMail } from '../views/reminder-mail.ts';

/** The job that looks for due reminders; the composition root runs it every few minutes. */
export const DEADLINE_REMINDERS_JOB = 'foi-deadline-reminders';

/**
 * Sends the deadline reminders that are due (domain/reminders.ts) by e-mail to the request's
 * officer and the unit head. Each reminder is recorded with its mails queued in one transaction, and
 * a (request, kind, due date) is recorded once, so running this again, or in two instances at once,
 * sends nothing twice; a unit where nobody has an e-mail address is tried again next time. Returns
 * how many reminders were sent.
 */
export async function sendDeadlineReminders(options: {
  stores: { requests: RequestStore; orgs: OrgStore };
  uow: UnitOfWork<{ requests: RequestStore; audit: AuditLog; jobs: JobSender }>;
  clock: Clock;
  calendar: WorkingCalendar;
  /** Working days before the due date the first reminder goes out. */
  daysBefore: number;
  /** The configured public origin the back-office link is built from. */
  adminUrl: string;
}): Promise<number> {
  const now = options.clock.now();
  const today = chinaDate(now);
  let sent = 0;
  for (const request of await options.stores.requests.openRequests()) {
    const due = remindersDue(request, options.calendar, today, options.daysBefore);
    if (due.length === 0) continue;
    const recipients = await options.stores.requests.reminderRecipients(request.orgId, request.assigneeId);
    if (recipients.length === 0) continue;
    const agency = await options.stores.orgs.getById(request.orgId);
    for (const reminder of due) {
      const recorded = await mailOnce(options.uow, {
        record: ({ requests }) =>
          requests.recordReminder({
            requestId: request.id,
            kind: reminder.kind,
            dueOn: reminder.dueOn,
            sentAt: now.toISOString(),
            recipients: recipients.map((r) => r.id),
          }),
        mails: recipients.map((recipient) =>
          reminderMail({
            to: recipient.email,
            recipientName: recipient.name,
            request,
            agencyName: agency?.name ?? '',
            reminder,
            adminUrl: options.adminUrl,
          }),
        ),
        audit: ({ audit }) =>
          audit.append(
            requestEntry(auditActor(systemActor('reminders')), now, {
              action: 'request.reminder_sent',
              entityType: 'foi_request',
              entityId: request.id,
              orgId: request.orgId,
              after: { kind: reminder.kind, dueOn: reminder.dueOn, recipients: recipients.map((r) => r.id) },
            }),
          ),
      });
      if (recorded) sent++;
    }
  }
  return sent;
}
