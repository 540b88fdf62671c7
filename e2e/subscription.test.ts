import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import { startSmtpServer, type ReceivedMail } from '../test/mail/smtp-kit.ts';
import {
  axeFindings,
  documentIdFrom,
  flashText,
  follow,
  launchChromium,
  logIn,
  newProfile,
  startDemoSite,
  type DemoSite,
} from './helpers.ts';

const ADDRESS = 'caiwu@qiye.example.cn';
/** Another subscriber, to 减税降费 and 民生 for anyone: proof that a publication was pushed at all. */
const WITNESS = 'jumin@example.cn';

/** A subscriber's own page, /dingyue/s/<id>/<signed token>. */
const SUBSCRIBER_LINK = /\/dingyue\/s\/[0-9a-z]{16}\/[0-9]+\.[A-Za-z0-9_-]{43}/;

/** The value of a header of a received message, unfolded. */
function header(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim();
}

// Pages a resident reaches from the mail work with JavaScript off, so the resident browses without it.
describe.skipIf(!HAS_CHROMIUM)('subscribing to pushes by e-mail in the browser', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const profile = async (options: { javaScriptEnabled?: boolean; bypassCSP?: boolean }): Promise<Page> => {
    const context = await newProfile(browser, site, options);
    contexts.push(context);
    return context.newPage();
  };
  const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  /** The path of the first link in the mail's text that starts with the site's address and then `path`. */
  const linkIn = (mail: ReceivedMail, path: RegExp): string => {
    const origin = site.baseUrl.replace(/[.:/]/g, '\\$&');
    const match = new RegExp(`${origin}(${path.source})`).exec(mail.text);
    if (!match) throw new Error(`no link ${path.source} in: ${mail.text}`);
    return match[1]!;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    site = await startDemoSite({ env: { GONGKAI_SMTP_URL: smtp.url }, ownPublicUrl: true });
    browser = await launchChromium();
    // What the demo seed left queued (search index, reminders…) runs now, so later runs only push.
    await site.app.jobs.runner.runDue();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
    await smtp?.close();
  });

  it('a resident subscribes to 减税降费 for 企业, confirms from the mail, is pushed a matching document and unsubscribes', async () => {
    expect(site.app.config.publicUrl).toBe(site.baseUrl);
    const auditor = await profile({ bypassCSP: true });
    const audit = async (path: string) => {
      await auditor.goto(path);
      expect({ path, findings: await axeFindings(auditor) }).toEqual({ path, findings: [] });
    };

    // Staff of 区财政局 publish through the back office: the editor drafts and submits, the reviewer publishes.
    const editor = await profile({ javaScriptEnabled: false });
    await logIn(editor, 'czj.editor');
    const reviewer = await profile({ javaScriptEnabled: false });
    await logIn(reviewer, 'czj.reviewer');
    const finance = (await site.app.stores.orgs.getByCode('sfq-czj'))!;
    const publish = async (title: string, audience: string, policyTag: string): Promise<string> => {
      await editor.goto('/admin/documents/new');
      await editor.getByLabel('发布单位').selectOption(finance.id);
      await editor.getByLabel('标题（必填）').fill(title);
      await editor.getByLabel('主题分类').selectOption('财政、金融、审计');
      await editor.getByLabel('体裁').selectOption('通知');
      await editor
        .getByRole('group', { name: /^服务对象/ })
        .getByLabel(audience, { exact: true })
        .check();
      await editor.getByRole('group', { name: '政策标签' }).getByLabel(policyTag, { exact: true }).check();
      await editor.getByLabel('正文（必填）').fill(`${title}。\n现将有关事项通知如下。`);
      await follow(editor, editor.getByRole('button', { name: '保存草稿' }));
      expect(await flashText(editor)).toBe('草稿已保存。');
      const documentId = documentIdFrom(editor.url());
      await follow(editor, editor.getByRole('button', { name: '提交审核' }));
      expect(await flashText(editor)).toBe('已提交审核。');
      await reviewer.goto(`/admin/documents/${documentId}`);
      await follow(reviewer, reviewer.getByRole('button', { name: '审核发布' }));
      expect(await flashText(reviewer)).toBe('已审核发布。');
      await site.app.jobs.runner.runDue();
      return documentId;
    };

    // The witness subscribes and confirms first.
    const witness = await profile({ javaScriptEnabled: false });
    await witness.goto('/dingyue/');
    await witness.locator('#policy-减税降费').check();
    await witness.locator('#policy-民生').check();
    await witness.locator('input[name="frequency"][value="immediate"]').check();
    await witness.getByLabel('电子邮箱').fill(WITNESS);
    await follow(witness, witness.getByRole('button', { name: '订阅', exact: true }));
    await site.app.jobs.runner.runDue();
    await witness.goto(linkIn(await smtp.waitFor((m) => m.to.includes(WITNESS)), SUBSCRIBER_LINK));
    await follow(witness, witness.getByRole('button', { name: '确认订阅' }));
    expect(await witness.getByRole('status').innerText()).toContain('订阅已确认');

    // 1. The subscribe form passes axe; the resident picks 减税降费 and 企业, pushed at once, by e-mail.
    await audit('/dingyue/');
    const resident = await profile({ javaScriptEnabled: false });
    await resident.goto('/dingyue/');
    expect(await resident.getByRole('heading', { level: 1 }).innerText()).toBe('订阅信息推送');
    const policies = resident.getByRole('group', { name: '政策标签' });
    await policies.locator('#policy-减税降费').check();
    expect(await policies.getByLabel('减税降费', { exact: true }).isChecked()).toBe(true);
    const audiences = resident.getByRole('group', { name: '服务对象' });
    await audiences.locator('#audience-企业').check();
    await resident
      .getByRole('group', { name: '推送频率' })
      .locator('input[name="frequency"][value="immediate"]')
      .check();
    expect(await resident.getByLabel('有新信息立即推送').isChecked()).toBe(true);
    await resident.getByLabel('电子邮箱').fill(ADDRESS);
    await follow(resident, resident.getByRole('button', { name: '订阅', exact: true }));
    expect(await resident.locator('main').innerText()).toContain('请查收确认邮件');

    // 2. The confirmation mail links to the subscriber's page: pending, with a button that confirms.
    await site.app.jobs.runner.runDue();
    const confirmation = await smtp.waitFor((m) => m.to.includes(ADDRESS));
    // Mail is signed with the site's name, the demo's 示范区人民政府门户网站（演示）.
    const { siteName } = await site.app.siteSettings.get();
    expect(confirmation.subject).toBe(`【${siteName}】请确认您的订阅`);
    expect(confirmation.text).toContain('政策标签：减税降费');
    expect(confirmation.text).toContain('服务对象：企业');
    const manage = linkIn(confirmation, SUBSCRIBER_LINK);
    await audit(manage);
    await resident.goto(manage);
    expect(await resident.getByRole('heading', { level: 1 }).innerText()).toBe('管理我的订阅');
    expect(await resident.locator('main').innerText()).toContain('尚未确认');
    await follow(resident, resident.getByRole('button', { name: '确认订阅' }));
    expect(await resident.getByRole('status').innerText()).toContain('订阅已确认');
    expect(await resident.locator('main').innerText()).toContain('订阅中');
    expect(await resident.getByRole('button', { name: '确认订阅' }).count()).toBe(0);
    await audit(manage);

    // 3. Something the resident did not choose is published first: no mail.
    const unchosen = '关于开展2026年冬季老年人免费体检的通知';
    await publish(unchosen, '老年人', '民生');
    await smtp.waitFor((m) => m.to.includes(WITNESS) && m.subject.includes(unchosen));
    expect(mailsTo(ADDRESS)).toHaveLength(1);

    // 4. A matching document is published; the push mail links to it and says how to unsubscribe in one click.
    const title = '示范区财政局关于落实小微企业减税降费政策的通知';
    const documentId = await publish(title, '企业', '减税降费');
    const push = await smtp.waitFor((m) => m.to.includes(ADDRESS) && m.subject.includes(title));
    expect(push.subject).toBe(`【${siteName}】${title}`);
    expect(mailsTo(ADDRESS)).toHaveLength(2);
    const documentPath = linkIn(push, /\/xxgk\/doc\/[0-9a-z]{16}/);
    expect(documentPath).toBe(`/xxgk/doc/${documentId}`);
    const listUnsubscribe = header(push, 'list-unsubscribe') ?? '';
    expect(listUnsubscribe).toMatch(/^<http:\/\/127\.0\.0\.1:[0-9]+\/dingyue\/s\/[0-9a-z]{16}\/\S+\/unsubscribe>$/);
    expect(listUnsubscribe.slice(1, -1).startsWith(site.baseUrl)).toBe(true);
    expect(header(push, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    await resident.goto(documentPath);
    expect(await resident.getByRole('heading', { level: 1 }).innerText()).toBe(title);
    const meta = resident.locator('main table').first();
    expect(await meta.getByRole('row', { name: /^服务对象/ }).innerText()).toMatch(/^服务对象\s+企业$/);
    expect(await meta.getByRole('row', { name: /^政策标签/ }).innerText()).toMatch(/^政策标签\s+减税降费$/);

    // 5. The mail's unsubscribe link opens a page with one button; after it, a matching document sends nothing.
    const unsubscribePath = linkIn(push, new RegExp(`${SUBSCRIBER_LINK.source}/unsubscribe`));
    expect(unsubscribePath).toBe(`${manage}/unsubscribe`);
    expect(`${site.baseUrl}${unsubscribePath}`).toBe(listUnsubscribe.slice(1, -1));
    await audit(unsubscribePath);
    await resident.goto(unsubscribePath);
    expect(await resident.getByRole('heading', { level: 1 }).innerText()).toBe('退订');
    await follow(resident, resident.getByRole('button', { name: '确认退订' }));
    expect(await resident.locator('main').innerText()).toContain('您已退订');
    await audit(unsubscribePath);

    const after = '示范区财政局关于阶段性减免小微企业房租的通知';
    await publish(after, '企业', '减税降费');
    await smtp.waitFor((m) => m.to.includes(WITNESS) && m.subject.includes(after));
    expect(mailsTo(ADDRESS)).toHaveLength(2);
  }, 120_000);
});
