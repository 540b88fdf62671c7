/**
 * Mail as a port: every module that writes to people (receipts, reminders, pushes) hands a message
 * to a `Mailer` and never knows whether it went to an SMTP server or to the outbox folder.
 */
export type MailMessage = {
  to: string;
  subject: string;
  /** Plain text; every message is readable without HTML. */
  text: string;
};

export interface Mailer {
  /** @throws Error when the message could not be handed over (the caller decides whether to retry). */
  send(message: MailMessage): Promise<void>;
  /** Where mail goes, for the start-up banner: "SMTP mail.example.gov.cn:465" or the outbox folder. */
  readonly destination: string;
}
