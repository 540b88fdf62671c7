import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import type { SendMailOptions, Transporter } from 'nodemailer';
import { newId } from '../../platform/ids.ts';
import type { MailMessage, Mailer } from '../../platform/mail.ts';

/** How many connections to the SMTP server a process keeps open for pushes sent in bulk. */
const SMTP_CONNECTIONS = 5;

/**
 * Mail over SMTP (nodemailer), to the server of `GONGKAI_SMTP_URL` (smtp:// or smtps://), over a
 * small pool of kept connections, so a push to many subscribers does not open one connection a
 * message. The pool is built from the URL with its options beside it (nodemailer's
 * `createTransport({ url, … })` would read the URL alone and never pool). On smtp:// the sockets
 * send without Nagle's delay: a message on a kept connection otherwise waits about 40 ms for the
 * server's delayed acknowledgement.
 */
export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const target = new URL(options.url);
  const secure = target.protocol === 'smtps:';
  const port = Number(target.port || (secure ? 465 : 587));
  const transport = lazyTransport(async (nodemailer) => {
    const { default: SMTPPool } = await import('nodemailer/lib/smtp-pool/index.js');
    return nodemailer.createTransport(
      new SMTPPool({
        url: options.url,
        pool: true,
        maxConnections: SMTP_CONNECTIONS,
        maxMessages: 1000,
        ...(secure
          ? {}
          : {
              // The connection opened here, without Nagle's delay; nodemailer speaks SMTP on it
              // (STARTTLS when the server offers it, as usual).
              getSocket: (
                _options: unknown,
                callback: (error: Error | null, socket?: { connection: Socket }) => void,
              ) => {
                const socket = connect(port, target.hostname);
                const failed = (error: Error) => callback(error);
                socket.once('error', failed);
                socket.once('connect', () => {
                  socket.off('error', failed);
                  socket.setNoDelay(true);
                  callback(null, { connection: socket });
                });
              },
            }),
      }),
    );
  });
  return {
    destination: `SMTP ${target.hostname}:${port}`,
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
function lazyTransport<T extends Transporter>(
  make: (nodemailer: typeof import('nodemailer')) => T | Promise<T>,
): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= import('nodemailer').then((module) => make(module.default)));
}

/** The mailer of an application: SMTP when `GONGKAI_SMTP_URL` is set, else the data directory's outbox folder. */
export function mailerFor(config: { smtpUrl: string | undefined; mailFrom: string; dataDir: string }): Mailer {
  return config.smtpUrl
    ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
    : createOutboxMailer({ dir: join(config.dataDir, 'outbox'), from: config.mailFrom });
}
