import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  flashText,
  follow,
  launchChromium,
  logIn,
  newProfile,
  pageCheck,
  fitsPhone,
  metaCell,
  startDemoSite,
  type DemoSite,
  PHONE,
} from './helpers.ts';

const HEARING = '示范区既有住宅加装电梯补贴办法听证会';
const NAME = '示范居民辰';
const STATEMENT = '建议补贴向有高龄老人的楼栋倾斜，并明确低层住户的补偿。（示范）';
const MINUTES = '一、住房和城乡建设局介绍决策草案。\n二、听证参加人陈述意见并辩论。（示范）';
/** The day after the demo hearing: registration has closed (day +14) and it started (day +25). */
const AFTER_THE_HEARING = '2026-12-16T02:00:00Z';

/**
 * A hearing of a major decision in a browser: a resident on a phone finds the announced hearing from
 * the directory, registers (first with a contact the server refuses, then a valid one) and keeps the
 * receipt; after the hearing's date the district's interaction officer closes registration, draws the
 * participants, marks attendance and publishes the minutes; the resident looks up their selection and
 * the public page shows the masked list and the minutes. No axe violations on the notice with its
 * form (with and without errors) or on the minutes, and no phone page scrolls sideways.
 */
describe.skipIf(!HAS_CHROMIUM)('a hearing from registration to the published minutes', () => {
  let site: DemoSite;
  let browser: Browser;
  let resident: Page;
  let officer: Page;
  let meetingUrl = '';
  let code = '';
  let pin = '';
  const contexts: BrowserContext[] = [];

  const check = pageCheck;
  const fits = fitsPhone;
  const meta = metaCell;

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
    const phone = await newProfile(browser, site, { ...PHONE, bypassCSP: true });
    contexts.push(phone);
    resident = await phone.newPage();
    const desk = await newProfile(browser, site, { bypassCSP: true });
    contexts.push(desk);
    officer = await desk.newPage();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('a resident on a phone finds the hearing, is told what to fix, and registers with a receipt', async () => {
    await resident.goto('/hdjl/zdjc/');
    await follow(resident, resident.getByRole('link', { name: `听证会：${HEARING}` }));
    meetingUrl = new URL(resident.url()).pathname;
    expect(meetingUrl).toMatch(/^\/hdjl\/zdjc\/tz\/[0-9a-z]{16}$/);
    expect(await resident.locator('h1').innerText()).toBe(HEARING);
    expect(await meta(resident, '状态')).toBe('报名中');
    expect(await check(resident)).toEqual(fits(resident));

    await resident.getByLabel('姓名', { exact: true }).fill(NAME);
    await resident.getByLabel('手机号码或电子邮箱').fill('12345');
    await resident.getByRole('radio', { name: '利害关系人' }).check();
    await resident.getByRole('radio', { name: '支持', exact: true }).check();
    await resident.getByLabel('意见简述').fill(STATEMENT);
    const [refused] = await Promise.all([
      resident.waitForResponse((r) => r.url().endsWith(meetingUrl) && r.request().method() === 'POST'),
      follow(resident, resident.getByRole('button', { name: '提交报名' })),
    ]);
    expect(refused.status()).toBe(400);
    expect(await resident.locator('.error-summary').innerText()).toContain('联系方式应为11位手机号码或电子邮箱地址');
    expect(await resident.getByLabel('手机号码或电子邮箱').getAttribute('aria-invalid')).toBe('true');
    expect(await resident.getByLabel('意见简述').inputValue()).toBe(STATEMENT);
    expect(await resident.getByRole('radio', { name: '利害关系人' }).isChecked()).toBe(true);
    expect(await check(resident)).toEqual(fits(resident));

    await resident.getByLabel('手机号码或电子邮箱').fill('13800000088');
    await follow(resident, resident.getByRole('button', { name: '提交报名' }));
    expect(await resident.locator('h1').innerText()).toBe('报名成功');
    [code, pin] = (await resident.locator('.tracking-code').allInnerTexts()).map((t) => t.trim()) as [string, string];
    expect(code).toMatch(/^TZ-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(pin).toMatch(/^[2-9A-Z]{6}$/);
    expect(await check(resident)).toEqual(fits(resident));
  });

  it('after the hearing the officer closes registration, draws, marks attendance and publishes the minutes', async () => {
    site.app.clock.set(AFTER_THE_HEARING);
    await logIn(officer, 'district.hudong');
    const id = meetingUrl.split('/').pop()!;
    await officer.goto(`/admin/participation/meetings/${id}`);
    expect(await officer.locator('main').innerText()).toContain(NAME);
    expect(await officer.locator('main').innerText()).toContain('13800000088');

    await follow(officer, officer.getByRole('button', { name: '截止报名' }));
    expect(await flashText(officer)).toBe('报名已截止。');
    await follow(officer, officer.getByRole('button', { name: '按公布的办法随机抽选' }));
    expect(await flashText(officer)).toBe('参加人已确定，遴选结果已公布。');
    await officer
      .getByRole('group', { name: new RegExp(NAME) })
      .getByRole('radio', { name: '出席' })
      .check();
    await follow(officer, officer.getByRole('button', { name: '保存出席情况' }));
    expect(await flashText(officer)).toBe('出席情况已记录。');
    await officer.getByLabel('意见概述').fill('多数参加人支持加装电梯，低层住户要求补偿。（示范）');
    await officer.getByLabel('笔录（纪要）正文').fill(MINUTES);
    await follow(officer, officer.getByRole('button', { name: '公布', exact: true }));
    expect(await flashText(officer)).toBe('会议笔录已公布。');
    expect(await check(officer)).toMatchObject({ findings: [] });
  });

  it('the resident sees they were chosen, and the public page shows the masked list and the minutes', async () => {
    await resident.goto('/hdjl/zdjc/tz/cx');
    await resident.getByLabel('回执编号').fill(code);
    await resident.getByLabel('查询码').fill(pin);
    await follow(resident, resident.getByRole('button', { name: '查询', exact: true }));
    expect(await meta(resident, '遴选结果')).toBe('已入选，为本次会议参加人');
    expect(await meta(resident, '出席情况')).toBe('出席');
    expect(await check(resident)).toEqual(fits(resident));

    await resident.goto(meetingUrl);
    expect(await meta(resident, '状态')).toBe('笔录已公布');
    const text = await resident.locator('main').innerText();
    expect(text).toContain('示****');
    expect(text).not.toContain(NAME);
    expect(text).not.toContain('13800000088');
    expect(text).toContain('住房和城乡建设局介绍决策草案');
    expect(await resident.getByRole('button', { name: '提交报名' }).count()).toBe(0);
    expect(await check(resident)).toEqual(fits(resident));
  });
});
