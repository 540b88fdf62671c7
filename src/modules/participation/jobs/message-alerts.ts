import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { mailOnce } from '../../../platform/mail.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { WorkingCalendar } from '../../../platform/working-days.ts';
import { auditActor, systemActor } from '../../access/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { participationEntry } from '../audit-actions.ts';
import type { MessageStores } from '../commands/message-stores.ts';
import { messageAlerts, type AlertRecipient, type MessageAlertOptions } from '../domain/message-clock.ts';
import type { AlertRecipientRow } from '../ports.ts';
import { messageAlertMail } from '../views/alert-mail.ts';

/** The job that looks for due message alerts; the composition root runs it every few minutes. */
export const MESSAGE_ALERTS_JOB = 'message-alerts';

/** Who is mailed: the unit's interaction officers and administrator, or the district's. */
const UNIT_ROLES = ['interaction_officer', 'unit_admin'] as const;
const DISTRICT_ROLES = ['interaction_officer', 'district_admin'] as const;

/**
 * Sends the message alerts whose time has come (domain/message-clock.ts): the reminder to the unit,
 * the escalation and the three-month warnings to the district office (the root unit). Each alert is
 * recorded with its mails queued in one transaction, once per (message, key), so running this again,
 * or in two processes at once, sends nothing twice, and a run missed is made up by the next. An
 * alert with nobody to mail is tried again next time. Returns how many alerts were sent.
 */
export async function sendMessageAlerts(options: {
  stores: Pick<MessageStores, 'messages' | 'orgs'>;
  uow: UnitOfWork<MessageStores>;
  clock: Clock;
  calendar: WorkingCalendar;
  alertOptions: Partial<MessageAlertOptions>;
  /** The configured public origin the back-office link is built from. */
  adminUrl: string;
}): Promise<number> {
  const now = options.clock.now();
  const today = chinaDate(now);
  const orgs = await listOrgs(options.stores);
  const district = orgs.find((org) => org.parentId === null);
  // Each unit's (and the district's) recipients are read once per sweep, not once per alert.
  const recipientsByUnit = new Map<string, Promise<AlertRecipientRow[]>>();
  const recipientsOf = (orgId: string, recipient: AlertRecipient) => {
    const key = `${recipient}:${orgId}`;
    let found = recipientsByUnit.get(key);
    if (!found) {
      found = options.stores.messages.alertRecipients(orgId, recipient === 'unit' ? UNIT_ROLES : DISTRICT_ROLES);
      recipientsByUnit.set(key, found);
    }
    return found;
  };
  let sent = 0;
  for (const message of await options.stores.messages.unanswered()) {
    const due = messageAlerts(message, options.calendar, today, options.alertOptions);
    if (due.length === 0) continue;
    const unit = orgs.find((org) => org.id === message.orgId);
    for (const alert of due) {
      const to = alert.recipient === 'unit' ? unit : district;
      if (!to) continue;
      const recipients = await recipientsOf(to.id, alert.recipient);
      if (recipients.length === 0) continue;
      const recorded = await mailOnce(options.uow, {
        record: ({ messages }) =>
          messages.recordAlert({
            messageId: message.id,
            key: alert.key,
            sentAt: now.toISOString(),
            recipients: recipients.map((r) => r.id),
          }),
        mails: recipients.map((recipient) =>
          messageAlertMail({
            to: recipient.email,
            recipientName: recipient.name,
            message,
            unitName: unit?.name ?? '',
            alert,
            adminUrl: options.adminUrl,
          }),
        ),
        audit: ({ audit }) =>
          audit.append(
            participationEntry(auditActor(systemActor('message-alerts')), now, {
              action: 'message.alert_sent',
              entityType: 'message',
              entityId: message.id,
              orgId: message.orgId,
              after: { key: alert.key, dueOn: alert.dueOn, recipients: recipients.map((r) => r.id) },
            }),
          ),
      });
      if (recorded) sent++;
    }
  }
  return sent;
}
