import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  axeFindings,
  follow,
  launchChromium,
  newProfile,
  scrollWidth,
  startDemoSite,
  type DemoSite,
} from './helpers.ts';

/** A small phone, JavaScript off: the resident the application form is built for. */
const RESIDENT = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  javaScriptEnabled: false,
};

/**
 * A resident applies for government information without an account (条例 Art. 29), on a phone with
 * JavaScript off, gets a tracking code and tracks the application; the form, its errors, the
 * receipt and the tracking pages have no axe violations.
 */
describe.skipIf(!HAS_CHROMIUM)('disclosure on application, the resident’s side', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let trackingCode = '';

  const profile = async (options: Parameters<typeof newProfile>[2]): Promise<Page> => {
    const context = await newProfile(browser, site, options);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('applies from the 依申请公开 page with JavaScript off, on a 360px phone, and gets a tracking code', async () => {
    const page = await profile(RESIDENT);
    await page.goto('/xxgk/ysqgk');
    await follow(page, page.getByRole('link', { name: '在线提交申请' }));
    expect(new URL(page.url()).pathname).toBe('/ysqgk/apply');
    expect(await scrollWidth(page)).toBe(360);

    // First without a description and with a mistyped ID number: both problems shown, input kept.
    await page.getByLabel('向哪个机关申请 *').selectOption({ label: '示范区教育局' });
    await page.getByLabel('自然人', { exact: true }).check();
    await page.getByLabel('姓名或名称 *').fill('王示范');
    await page.getByLabel('身份证明类型 *').selectOption({ label: '居民身份证' });
    await page.getByLabel('证件号码 *').fill('330106199003071235');
    await page.getByLabel('联系电话 *').fill('13900139000');
    await page.getByLabel('电子', { exact: true }).check();
    await page.getByLabel('网上获取').check();
    await follow(page, page.getByRole('button', { name: '提交申请' }));
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain('居民身份证号码不正确');
    expect(summary).toContain('第二十九条');
    expect(await page.getByLabel('姓名或名称 *').inputValue()).toBe('王示范');
    expect(await scrollWidth(page)).toBe(360);

    await page.getByLabel('证件号码 *').fill('330106199003071236');
    await page.getByLabel('所需信息的名称或特征描述 *').fill('示范区2026年义务教育阶段学校划片招生范围');
    await follow(page, page.getByRole('button', { name: '提交申请' }));
    expect(page.url()).toMatch(/\/ysqgk\/receipt\/YS-/);
    trackingCode = (await page.locator('.tracking-code').innerText()).trim();
    expect(trackingCode).toMatch(/^YS-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(await page.locator('main').innerText()).toContain('示范区教育局');

    await follow(page, page.getByRole('link', { name: '查询办理进度' }));
    await page.getByLabel('申请查询码').fill(trackingCode.toLowerCase());
    await page.getByLabel('手机号码后4位，或申请时填写的电子邮箱').fill('9000');
    await follow(page, page.getByRole('button', { name: '查询' }));
    const result = await page.locator('main').innerText();
    expect(result).toContain(trackingCode);
    expect(result).toContain('待确认收到');
    expect(result).toContain('提交申请');
    expect(await scrollWidth(page)).toBe(360);
  });

  it('has no axe violations on the form, the form with errors, the receipt and the tracking pages', async () => {
    expect(trackingCode).not.toBe('');
    const page = await profile({ bypassCSP: true });
    const report: Record<string, unknown> = {};
    await page.goto('/ysqgk/apply');
    report.form = await axeFindings(page);
    await follow(page, page.getByRole('button', { name: '提交申请' }));
    expect(await page.locator('.error-summary').count()).toBe(1);
    report.formWithErrors = await axeFindings(page);
    await page.goto(`/ysqgk/receipt/${trackingCode}`);
    report.receipt = await axeFindings(page);
    await page.goto('/ysqgk/track');
    report.trackForm = await axeFindings(page);
    await page.getByLabel('申请查询码').fill(trackingCode);
    await page.getByLabel('手机号码后4位，或申请时填写的电子邮箱').fill('9000');
    await follow(page, page.getByRole('button', { name: '查询' }));
    expect(await page.locator('main').innerText()).toContain(trackingCode);
    report.trackResult = await axeFindings(page);
    expect(report).toEqual({ form: [], formWithErrors: [], receipt: [], trackForm: [], trackResult: [] });
  });
});
