import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxMailer, createSmtpMailer } from '../../src/adapters/mail/mailers.ts';
import { decode, startSmtpServer } from './smtp-kit.ts';

const MESSAGE = {
  to: 'zhang.demo@example.cn',
  subject: '政府信息公开申请回执（查询码 YS-23456-23456）',
  text: '张示范（演示）：\n您的申请已保存。申请查询码：YS-23456-23456',
};

/** The mail port's two adapters: SMTP to a real server on loopback, and the outbox folder. */
describe('mailers', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-outbox-'));
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends over SMTP with the Chinese subject and text intact', async () => {
    const mailer = createSmtpMailer({ url: smtp.url, from: '示范区政务公开 <noreply@example.cn>' });
    expect(mailer.destination).toBe(`SMTP 127.0.0.1:${new URL(smtp.url).port}`);
    await mailer.send(MESSAGE);
    const mail = await smtp.waitFor((m) => m.to.includes('zhang.demo@example.cn'));
    expect(mail.from).toBe('noreply@example.cn');
    expect(mail.subject).toBe(MESSAGE.subject);
    expect(mail.text.trim()).toBe(MESSAGE.text);
  });

  it('refuses loudly when the server is not there', async () => {
    const mailer = createSmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'noreply@example.cn' });
    await expect(mailer.send(MESSAGE)).rejects.toThrow();
  });

  it('writes each message to the outbox folder as an .eml file when no server is configured', async () => {
    const mailer = createOutboxMailer({ dir: join(dir, 'outbox'), from: 'noreply@example.cn' });
    await mailer.send(MESSAGE);
    await mailer.send({ ...MESSAGE, to: 'li.demo@example.cn' });
    const files = readdirSync(join(dir, 'outbox'));
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true);
    const decoded = files.map((f) => decode(readFileSync(join(dir, 'outbox', f), 'utf8')));
    expect(decoded.map((d) => d.subject)).toEqual([MESSAGE.subject, MESSAGE.subject]);
    expect(decoded[0]!.text.trim()).toBe(MESSAGE.text);
  });
});
