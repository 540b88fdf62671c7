import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import { startSmtpServer } from '../test/mail/smtp-kit.ts';
import {
  axeFindings,
  flashText,
  follow,
  launchChromium,
  logIn,
  newProfile,
  scrollWidth,
  startDemoSite,
  type DemoSite,
  PHONE,
} from './helpers.ts';

const UNIT = '示范区民政局';
const TITLE = '示范区社区议事会代表意向调查（示范）';
const QUESTION = '您是否愿意担任社区议事会代表？';
const EMAIL = 'li.si@example.cn';

/**
 * Verified identity in a browser: the interaction officer publishes a survey answered once per
 * verified person (the back-office form's 答卷限制). A resident on a phone is asked to verify
 * before the form, mistypes the address and then the code (told so in Chinese each time), reads
 * the code from the mail a real SMTP server on loopback received, comes back to the survey and
 * answers. The same person verifying again on another phone is refused a second sheet in Chinese.
 * The verification pages, with and without their errors, have no axe violations and do not scroll
 * sideways on a 360 px phone.
 */
describe.skipIf(!HAS_CHROMIUM)('verified identity for a one-per-person survey', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let site: DemoSite;
  let browser: Browser;
  let officer: Page;
  let resident: Page;
  let otherPhone: Page;
  let surveyPath = '';
  const contexts: BrowserContext[] = [];

  const check = async (page: Page) => ({
    path: new URL(page.url()).pathname,
    findings: await axeFindings(page),
    width: await scrollWidth(page),
  });
  const fits = (page: Page) => ({ path: new URL(page.url()).pathname, findings: [], width: 360 });
  /** The code of the `nth` mail to the resident, once the mail job ran. */
  const mailedCode = async (nth: number) => {
    await site.app.jobs.runner.runDue();
    await smtp.waitFor(() => smtp.received.filter((m) => m.to.includes(EMAIL)).length >= nth);
    const mail = smtp.received.filter((m) => m.to.includes(EMAIL))[nth - 1]!;
    return /验证码是：(\d{6})/.exec(mail.text)![1]!;
  };
  /** Verifies the resident's address on `page`, from the survey's page; the page ends on the survey. */
  const verify = async (page: Page, nth: number, withErrors: boolean) => {
    await page.goto(surveyPath);
    expect(await page.locator('.verify-required').innerText()).toContain('答卷前请先验证电子邮箱或手机号码');
    expect(await page.locator('form.survey-form').count()).toBe(0);
    await follow(page, page.getByRole('link', { name: '验证身份后答卷' }));
    expect(new URL(page.url()).pathname).toBe('/hdjl/yz/');
    if (withErrors) {
      expect(await check(page)).toEqual(fits(page));
      // Passes the browser's own check of an e-mail field, not the server's (no dot in the domain).
      await page.getByLabel('电子邮箱').fill('li.si@example');
      await follow(page, page.getByRole('button', { name: '获取验证码' }));
      expect(await page.locator('#contact-error').innerText()).toContain('电子邮箱地址格式不对');
      expect(await check(page)).toEqual(fits(page));
    }
    await page.getByLabel('电子邮箱').fill(EMAIL);
    await follow(page, page.getByRole('button', { name: '获取验证码' }));
    expect(new URL(page.url()).pathname).toMatch(/^\/hdjl\/yz\/[0-9a-z]{16}$/);
    expect(await page.locator('.notice').innerText()).toContain('验证码已发送到 l***@example.cn');
    const code = await mailedCode(nth);
    if (withErrors) {
      expect(await check(page)).toEqual(fits(page));
      await page.getByLabel('验证码').fill(code === '000000' ? '111111' : '000000');
      await follow(page, page.getByRole('button', { name: '验证', exact: true }));
      expect(await page.locator('#code-error').innerText()).toBe('验证码不对，还可以再试4次。');
      expect(await check(page)).toEqual(fits(page));
    }
    await page.getByLabel('验证码').fill(code);
    await follow(page, page.getByRole('button', { name: '验证', exact: true }));
    expect(new URL(page.url()).pathname).toBe(surveyPath);
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    site = await startDemoSite({ env: { GONGKAI_SMTP_URL: smtp.url } });
    browser = await launchChromium();
    // axe arrives as an inline script, which the site's CSP refuses.
    const desk = await newProfile(browser, site, { bypassCSP: true });
    const phone = await newProfile(browser, site, { ...PHONE, bypassCSP: true });
    const other = await newProfile(browser, site, { ...PHONE, bypassCSP: true });
    contexts.push(desk, phone, other);
    for (const context of contexts) context.setDefaultTimeout(8_000);
    officer = await desk.newPage();
    resident = await phone.newPage();
    otherPhone = await other.newPage();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
    await smtp?.close();
  });

  it('the interaction officer publishes a survey answered once per verified person', async () => {
    await logIn(officer, 'district.hudong');
    await officer.goto('/admin/participation/surveys/new');
    await officer.getByLabel('发起单位').selectOption({ label: UNIT });
    await officer.getByLabel('调查标题').fill(TITLE);
    await officer.getByLabel('调查说明').fill('每人限答一次，答卷前请验证电子邮箱。');
    await officer.getByLabel('开始时间').fill('2026-11-20T10:00');
    await officer.getByLabel('结束时间').fill('2026-12-20T18:00');
    await officer.getByLabel('每人限答一次（验证电子邮箱或手机号码）').check();
    const first = officer.getByRole('group', { name: '第1题（新增，不填题目则忽略）', exact: true });
    await first.getByLabel('题型').selectOption({ label: '单选题' });
    await first.getByLabel('题目', { exact: true }).fill(QUESTION);
    await first.getByLabel('选项（每行一个）').fill('愿意\n不愿意');
    await follow(officer, officer.getByRole('button', { name: '保存', exact: true }));
    expect(await flashText(officer)).toBe('调查已保存。');
    await follow(officer, officer.getByRole('button', { name: '发布调查' }));
    expect(await flashText(officer)).toBe('调查已发布。');
    const id = /\/admin\/participation\/surveys\/([0-9a-z]{16})/.exec(officer.url())![1]!;
    surveyPath = `/hdjl/wldc/${id}`;
  }, 60_000);

  it('a resident on a phone verifies by e-mail, with a mistyped address and code on the way, and answers', async () => {
    await verify(resident, 1, true);
    expect(await resident.locator('.verified-note').innerText()).toContain('您已验证身份');
    expect(await check(resident)).toEqual(fits(resident));
    await resident.getByLabel('愿意', { exact: true }).check();
    await follow(resident, resident.getByRole('button', { name: '提交答卷' }));
    expect(await resident.locator('h1').innerText()).toBe('答卷已提交');
  }, 60_000);

  it('the same person verifying again on another phone may not answer twice', async () => {
    // The resend limit: a second code to the same address after a minute.
    site.app.clock.set(new Date(site.app.clock.now().getTime() + 61_000));
    await verify(otherPhone, 2, false);
    await otherPhone.getByLabel('不愿意', { exact: true }).check();
    const [response] = await Promise.all([
      otherPhone.waitForResponse((r) => r.url().endsWith(surveyPath) && r.request().method() === 'POST'),
      follow(otherPhone, otherPhone.getByRole('button', { name: '提交答卷' })),
    ]);
    expect(response.status()).toBe(409);
    expect(await otherPhone.locator('.error-summary').innerText()).toContain('您已参加过本次调查，每人只能提交一次。');
    const id = surveyPath.split('/').at(-1)!;
    expect(await site.app.stores.surveys.countAnswers(id)).toBe(1);
  }, 60_000);
});
