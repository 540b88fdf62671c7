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

/** A unit with no demo message, so its row in the statistics comes from this resident's message alone. */
const UNIT = '示范区文化和旅游局';
const TITLE = '示范区图书馆周末开放时间能否延长？';
const BODY = '示范区图书馆周末17:00闭馆，上班族只有周末有空，建议周末延长到20:00。（示范）';
const NAME = '示范居民亥';
const ANSWER = '感谢您的建议。自下月起，示范区图书馆周六、周日开放时间延长至20:00。（示范）';

/**
 * 政民互动 in a browser: a resident on a phone writes to a unit (first with a contact the server
 * refuses, then a valid one), keeps the receipt's tracking code and 查询码 and looks the message up;
 * the district's interaction officer accepts and answers it with publication; the resident looks it
 * up again and rates the answer; the public reads it with the name masked, and the statistics count
 * it for the unit. Every page has no axe violations, and no phone page scrolls sideways.
 */
describe.skipIf(!HAS_CHROMIUM)('a resident’s message from writing to the rated, published answer', () => {
  let site: DemoSite;
  let browser: Browser;
  let resident: Page;
  let officer: Page;
  let code = '';
  let pin = '';
  const contexts: BrowserContext[] = [];

  const check = pageCheck;
  const fits = fitsPhone;
  const meta = metaCell;
  const lookUp = async () => {
    await resident.goto('/hdjl/liuyan/cx');
    await resident.getByLabel('留言编号').fill(code);
    await resident.getByLabel('查询码').fill(pin);
    await follow(resident, resident.getByRole('button', { name: '查询', exact: true }));
  };

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

  it('a resident on a phone writes a message, is told what to fix, and gets the code and 查询码', async () => {
    await resident.goto('/hdjl/liuyan/');
    await follow(resident, resident.getByRole('link', { name: '我要留言' }));
    expect(new URL(resident.url()).pathname).toBe('/hdjl/liuyan/xie');
    expect(await check(resident)).toEqual(fits(resident));

    await resident.getByLabel('留言单位').selectOption({ label: UNIT });
    await resident.getByRole('radio', { name: '建议' }).check();
    await resident.getByLabel('标题', { exact: true }).fill(TITLE);
    await resident.getByLabel('留言内容', { exact: true }).fill(BODY);
    await resident.getByLabel('姓名', { exact: true }).fill(NAME);
    // A number the browser lets through and the server refuses.
    await resident.getByLabel('联系电话或电子邮箱').fill('12345');
    await resident.getByLabel(/^同意公开我的留言和答复/).check();
    const [refused] = await Promise.all([
      resident.waitForResponse((r) => r.url().endsWith('/hdjl/liuyan/xie') && r.request().method() === 'POST'),
      follow(resident, resident.getByRole('button', { name: '提交留言' })),
    ]);
    expect(refused.status()).toBe(400);
    expect(await resident.locator('.error-summary').innerText()).toContain('联系方式格式不正确');
    expect(await resident.getByLabel('联系电话或电子邮箱').getAttribute('aria-invalid')).toBe('true');
    // What was typed comes back.
    expect(await resident.getByLabel('标题', { exact: true }).inputValue()).toBe(TITLE);
    expect(await resident.getByLabel('留言内容', { exact: true }).inputValue()).toBe(BODY);
    expect(await resident.getByRole('radio', { name: '建议' }).isChecked()).toBe(true);
    expect(await check(resident)).toEqual(fits(resident));

    await resident.getByLabel('联系电话或电子邮箱').fill('13800000099');
    await follow(resident, resident.getByRole('button', { name: '提交留言' }));
    expect(await resident.locator('h1').innerText()).toBe('留言已提交');
    expect(await resident.locator('p.notice').innerText()).toContain(`${UNIT}已收到您的留言`);
    [code, pin] = (await resident.locator('.tracking-code').allInnerTexts()).map((text) => text.trim()) as [
      string,
      string,
    ];
    expect(code).toMatch(/^LY-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(pin).toMatch(/^[2-9A-Z]{6}$/);
    expect(await check(resident)).toEqual(fits(resident));

    await follow(resident, resident.locator('main').getByRole('link', { name: '查询留言' }));
    await resident.getByLabel('留言编号').fill(code);
    await resident.getByLabel('查询码').fill(pin);
    await follow(resident, resident.getByRole('button', { name: '查询', exact: true }));
    expect(await resident.locator('h1').innerText()).toBe(TITLE);
    expect(await meta(resident, '状态')).toBe('待受理');
    expect(await meta(resident, '办理单位')).toBe(UNIT);
    expect(await check(resident)).toEqual(fits(resident));
  });

  it('the district’s interaction officer accepts it and answers it for publication', async () => {
    await logIn(officer, 'district.hudong');
    await officer.goto('/admin/participation/messages?state=received');
    await follow(officer, officer.getByRole('link', { name: TITLE }));
    expect(await meta(officer, '留言编号')).toBe(code);
    expect(await meta(officer, '联系方式')).toBe('13800000099');
    expect(await meta(officer, '同意公开')).toBe('同意');
    expect(await check(officer)).toMatchObject({ findings: [] });

    await follow(officer, officer.getByRole('button', { name: '受理', exact: true }));
    expect(await flashText(officer)).toBe('已受理。');
    expect(await meta(officer, '状态')).toBe('办理中');
    await officer.getByLabel('答复内容').fill(ANSWER);
    expect(await officer.getByLabel('在网站公开留言和答复（姓名隐去）').isChecked()).toBe(true);
    await follow(officer, officer.getByRole('button', { name: '提交答复' }));
    expect(await flashText(officer)).toBe('已答复。');
    expect(await meta(officer, '状态')).toContain('已答复');
    expect(await officer.getByRole('link', { name: '查看公开页面' }).count()).toBe(1);
    expect(await check(officer)).toMatchObject({ findings: [] });
  });

  it('the resident looks it up again, reads the answer and rates it once', async () => {
    await lookUp();
    expect(await meta(resident, '状态')).toBe('已答复');
    expect(await resident.locator('p.message-answer').innerText()).toBe(ANSWER);
    expect(await resident.getByRole('group', { name: '您对答复的评价' }).count()).toBe(1);
    expect(await check(resident)).toEqual(fits(resident));

    await resident.getByRole('radio', { name: '满意', exact: true }).check();
    await resident.getByLabel('评价意见（选填）').fill('答复很及时。');
    await follow(resident, resident.getByRole('button', { name: '提交评价' }));
    expect(await resident.locator('p.notice').innerText()).toBe('感谢您的评价。');
    expect(await resident.locator('main').innerText()).toContain('您的评价：满意');
    expect(await resident.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    expect(await check(resident)).toEqual(fits(resident));
  });

  it('the public reads the answer with the name masked, and the statistics count it for the unit', async () => {
    await resident.goto('/hdjl/liuyan/');
    const item = resident.locator('ul.message-list > li', { hasText: TITLE });
    expect(await item.locator('p.muted').innerText()).toMatch(new RegExp(`^示\\*+ 留言于 .+ · ${UNIT} 答复于 `));
    expect(await resident.locator('main').innerText()).not.toContain(NAME);
    expect(await check(resident)).toEqual(fits(resident));

    await follow(resident, resident.getByRole('link', { name: TITLE }));
    expect(await meta(resident, '留言人')).toBe('示****');
    expect(await meta(resident, '答复单位')).toBe(UNIT);
    expect(await meta(resident, '留言人评价')).toBe('满意');
    expect(await resident.locator('p.message-answer').innerText()).toBe(ANSWER);
    const text = await resident.locator('main').innerText();
    expect(text).not.toContain(NAME);
    expect(text).not.toContain('13800000099');
    expect(await check(resident)).toEqual(fits(resident));

    await resident.goto('/hdjl/liuyan/');
    await follow(resident, resident.locator('main').getByRole('link', { name: '办理情况统计' }));
    const row = resident.locator('table.message-stats tbody tr', { has: resident.locator(`th:text-is("${UNIT}")`) });
    expect(await row.locator('td[data-count="received"]').innerText()).toBe('1');
    expect(await row.locator('td[data-count="answered"]').innerText()).toBe('1');
    expect(await row.locator('td[data-count="on-time"]').innerText()).toBe('1');
    expect(await check(resident)).toEqual(fits(resident));
  });
});
