import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';
import { newId } from '../../platform/ids.ts';
import type { MailMessage, Mailer } from '../../platform/mail.ts';

/** Mail over SMTP (nodemailer), to the server of `GONGKAI_SMTP_URL` (smtp:// or smtps://). */
export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const transport = lazyTransport((nodemailer) => nodemailer.createTransport(options.url));
  const target = new URL(options.url);
  return {
    destination: `SMTP ${target.hostname}:${target.port || (target.protocol === 'smtps:' ? '465' : '587')}`,
    async send(message: MailMessage) {
      await (
        await transport()
      ).sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/**
 * Mail written to the outbox folder as .eml files, one per message, when no SMTP server is
 * configured: nothing is lost, and an administrator can read or forward it.
 */
export function createOutboxMailer(options: { dir: string; from: string }): Mailer {
  const transport = lazyTransport((nodemailer) =>
    nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
  );
  return {
    destination: options.dir,
    async send(message: MailMessage) {
      const info = await (
        await transport()
      ).sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      mkdirSync(options.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      writeFileSync(join(options.dir, `${stamp}-${newId()}.eml`), info.message as Buffer);
    },
  };
}

/** A transport made when the first message is sent: nodemailer is loaded only by a process that sends mail. */
function lazyTransport<T extends Transporter>(make: (nodemailer: typeof import('nodemailer')) => T): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= import('nodemailer').then((module) => make(module.default)));
}

/** The mailer of an application: SMTP when `GONGKAI_SMTP_URL` is set, else the data directory's outbox folder. */
export function mailerFor(config: { smtpUrl: string | undefined; mailFrom: string; dataDir: string }): Mailer {
  return config.smtpUrl
    ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
    : createOutboxMailer({ dir: join(config.dataDir, 'outbox'), from: config.mailFrom });
}
