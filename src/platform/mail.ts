import { MAIL_JOB, type JobPayload, type JobSender } from './jobs.ts';
import type { UnitOfWork } from './unit-of-work.ts';

/**
 * Mail as a port: every module that writes to people (receipts, reminders, pushes) hands a message
 * to a `Mailer` and never knows whether it went to an SMTP server or to the outbox folder.
 */
export type MailMessage = {
  to: string;
  subject: string;
  /** Plain text; every message is readable without HTML. */
  text: string;
  /** Extra header fields (List-Unsubscribe, List-Unsubscribe-Post …). */
  headers?: Record<string, string> | undefined;
  /** The Message-ID, `<…@…>`: a message sent again after a crash carries the same one. */
  messageId?: string | undefined;
};

export interface Mailer {
  /** @throws Error when the message could not be handed over (the caller decides whether to retry). */
  send(message: MailMessage): Promise<void>;
  /** Where mail goes, for the start-up banner: "SMTP mail.example.gov.cn:465" or the outbox folder. */
  readonly destination: string;
}

/**
 * Hands a message to the mail job in the caller's transaction: it goes out once the change that
 * wrote it is committed, and a mail server that is down gets it later (the queue retries with
 * backoff) instead of losing it.
 */
export function sendMailLater(jobs: JobSender, message: MailMessage): Promise<void> {
  return jobs.send(MAIL_JOB, { ...message });
}

/**
 * Mails a reminder or an alert at most once. In one transaction, `record` claims it (false when it
 * was recorded before: nothing is sent), the mails are queued and `audit` writes the entry; so a
 * sweep run again, or by two processes at once, sends nothing twice. Returns whether it was sent.
 */
export function mailOnce<S extends { jobs: JobSender }>(
  uow: UnitOfWork<S>,
  step: { record: (stores: S) => Promise<boolean>; mails: MailMessage[]; audit: (stores: S) => Promise<unknown> },
): Promise<boolean> {
  return uow.run(async (stores) => {
    if (!(await step.record(stores))) return false;
    for (const mail of step.mails) await sendMailLater(stores.jobs, mail);
    await step.audit(stores);
    return true;
  });
}

/** The message of a mail job, checked: a payload that is not one is an error, not a send. */
export function mailOfJob(payload: JobPayload): MailMessage {
  const { to, subject, text, headers, messageId } = payload;
  if (typeof to !== 'string' || typeof subject !== 'string' || typeof text !== 'string' || to === '') {
    throw new Error('mail job without to, subject and text');
  }
  return {
    to,
    subject,
    text,
    ...(isStringRecord(headers) ? { headers } : {}),
    ...(typeof messageId === 'string' ? { messageId } : {}),
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}
