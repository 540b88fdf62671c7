import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SendMailOptions, Transporter } from 'nodemailer';
import { newId } from '../../platform/ids.ts';
import type { MailMessage, Mailer } from '../../platform/mail.ts';

/** How many connections to the SMTP server a process keeps open for pushes sent in bulk. */
const SMTP_CONNECTIONS = 5;

/**
 * Mail over SMTP (nodemailer), to the server of `GONGKAI_SMTP_URL` (smtp:// or smtps://), over a
 * small pool of kept connections: a push to many subscribers does not open one connection a message.
 */
export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const transport = lazyTransport((nodemailer) =>
    nodemailer.createTransport({ url: options.url, pool: true, maxConnections: SMTP_CONNECTIONS, maxMessages: 1000 }),
  );
  const target = new URL(options.url);
  return {
    destination: `SMTP ${target.hostname}:${target.port || (target.protocol === 'smtps:' ? '465' : '587')}`,
    async send(message: MailMessage) {
      await (await transport()).sendMail(mailOptions(options.from, message));
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
      const info = await (await transport()).sendMail(mailOptions(options.from, message));
      mkdirSync(options.dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      writeFileSync(join(options.dir, `${stamp}-${newId()}.eml`), info.message as Buffer);
    },
  };
}

/** nodemailer's options for a message: UTF-8 subject and text, extra headers, a stable Message-ID when given. */
function mailOptions(from: string, message: MailMessage): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.headers ? { headers: message.headers } : {}),
    ...(message.messageId ? { messageId: message.messageId } : {}),
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
