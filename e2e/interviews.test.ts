import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
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

const TOPIC = '示范区中小学课后服务怎么安排';
const QUESTION = '课后服务有没有科学实验类的课程？（示范居民午）';
const ANSWER = '有的，今年起每所小学每周至少安排一次科学实验课（示范）。';

/**
 * 在线访谈 in a browser: a resident on a phone opens the live interview, asks a question and keeps
 * the interview's page open; the district's interaction officer shows the question and answers it
 * live; the resident's open page receives the question and the answer without reloading (the
 * event stream and the page's small script). The list, the page and the back-office page have no
 * axe violations, and no phone page scrolls sideways.
 */
describe.skipIf(!HAS_CHROMIUM)('a resident’s question answered live in an online interview', () => {
  let site: DemoSite;
  let browser: Browser;
  let resident: Page;
  let officer: Page;
  const contexts: BrowserContext[] = [];

  const check = async (page: Page) => ({
    path: new URL(page.url()).pathname,
    findings: await axeFindings(page),
    width: await scrollWidth(page),
  });

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
    // axe arrives as an inline script, which the site's CSP refuses.
    const phone = await newProfile(browser, site, { ...PHONE, bypassCSP: true });
    contexts.push(phone);
    resident = await phone.newPage();
    const desk = await newProfile(browser, site, { bypassCSP: true });
    contexts.push(desk);
    officer = await desk.newPage();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('a resident on a phone finds the live interview and asks a question', async () => {
    await resident.goto('/hdjl/');
    await follow(resident, resident.getByRole('link', { name: '在线访谈', exact: true }));
    expect(new URL(resident.url()).pathname).toBe('/hdjl/zxft/');
    expect(await check(resident)).toMatchObject({ findings: [], width: 360 });
    await follow(resident, resident.getByRole('link', { name: TOPIC }));
    expect(await check(resident)).toMatchObject({ findings: [], width: 360 });
    await follow(resident, resident.getByRole('link', { name: '我要提问' }));
    expect(await check(resident)).toMatchObject({ findings: [], width: 360 });
    // The browser's own check stops an empty question before it is sent.
    await resident.getByRole('button', { name: '提交问题' }).click();
    expect(new URL(resident.url()).pathname).toMatch(/\/tiwen$/);
    expect(
      await resident
        .getByLabel('您的问题')
        .evaluate((e) => (e as unknown as { validity: { valueMissing: boolean } }).validity.valueMissing),
    ).toBe(true);
    await resident.getByLabel('您的问题').fill(QUESTION);
    await resident.getByLabel('昵称（选填）').fill('示范居民午');
    await follow(resident, resident.getByRole('button', { name: '提交问题' }));
    expect(await resident.locator('main').innerText()).toContain('问题已提交，经审核后公开。');
    await follow(resident, resident.getByRole('link', { name: '返回访谈页面' }));
    expect(await resident.locator('#question-list').innerText()).not.toContain(QUESTION);
    // A mark on this very document: it is gone if the page is ever reloaded.
    await resident.evaluate(() => {
      (globalThis as unknown as { stillHere: boolean }).stillHere = true;
    });
  });

  it('the officer shows the question and answers it live; the open page receives both', async () => {
    await logIn(officer, 'district.hudong');
    await officer.goto('/admin/participation/interviews');
    expect(await check(officer)).toMatchObject({ findings: [] });
    await follow(officer, officer.getByRole('link', { name: TOPIC }));
    expect(await check(officer)).toMatchObject({ findings: [] });
    const item = officer.locator('li.comment', { hasText: QUESTION });
    await follow(officer, item.getByRole('button', { name: '公开' }));
    expect(await flashText(officer)).toBe('已处理。');
    await expect.poll(() => resident.locator('#question-list').innerText(), { timeout: 10_000 }).toContain(QUESTION);

    await officer.getByLabel('发言人').selectOption({ label: '示范区教育局副局长 孙示范' });
    await officer.getByLabel('回答或宣读的网友提问').selectOption({ label: QUESTION });
    await officer.getByLabel('发言内容').fill(ANSWER);
    await follow(officer, officer.locator('#entry-form').getByRole('button', { name: '发布' }));
    expect(await flashText(officer)).toBe('已发布。');

    await expect.poll(() => resident.locator('#transcript-list').innerText(), { timeout: 10_000 }).toContain(ANSWER);
    await expect
      .poll(() => resident.locator('#question-list li', { hasText: QUESTION }).innerText(), { timeout: 10_000 })
      .toContain('已回答');
    expect(await resident.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await check(resident)).toMatchObject({ findings: [], width: 360 });
  });
});
