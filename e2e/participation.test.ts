import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phaseOf } from '../src/modules/participation/index.ts';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  axeFindings,
  findPublicDocument,
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

const TITLE = '示范区中小学课后服务实施办法（征求意见稿）';
const COMMENT = '建议课后服务的兴趣小组每学期轮换一次，让孩子有更多选择。';

/**
 * 意见征集 in a browser, on the demo's open consultation: a resident on a phone comments on the
 * second paragraph and sees it counted; once the period has closed by the clock, the district's
 * interaction officer is refused the adoption report while comments lack dispositions, gives every
 * comment one on the page and publishes the report with the final document, whose counts the public
 * then reads. The consultation page, the comment form, the report and the version comparison have
 * no axe violations.
 */
describe.skipIf(!HAS_CHROMIUM)('a consultation from a resident’s comment to the adoption report', () => {
  let site: DemoSite;
  let browser: Browser;
  let phone: BrowserContext;
  let resident: Page;
  let consultationPath: string;
  const contexts: BrowserContext[] = [];

  /** Each axe finding and the page's width on the phone, by page, so a failure names the page. */
  const check = async (page: Page) => ({
    path: new URL(page.url()).pathname,
    findings: await axeFindings(page),
    width: await scrollWidth(page),
  });
  const fits = (page: Page) => ({ path: new URL(page.url()).pathname, findings: [], width: 360 });
  /** The numbers of the report's summary table, read from its `data-count` cells. */
  const counts = async (page: Page): Promise<Record<string, number>> =>
    Object.fromEntries(
      await Promise.all(
        (await page.locator('td[data-count]').all()).map(
          async (cell) => [(await cell.getAttribute('data-count')) ?? '', Number(await cell.innerText())] as const,
        ),
      ),
    );

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
    // axe arrives as an inline script, which the site's CSP refuses.
    phone = await newProfile(browser, site, { ...PHONE, bypassCSP: true });
    contexts.push(phone);
    resident = await phone.newPage();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('a resident on a phone comments on paragraph 2 and sees the comment counted', async () => {
    await resident.goto('/hdjl/zjyj/');
    await follow(resident, resident.getByRole('link', { name: TITLE }));
    consultationPath = new URL(resident.url()).pathname;
    expect(await resident.locator('.tag.phase-open').innerText()).toBe('正在征集');
    expect(await check(resident)).toEqual(fits(resident));
    const paragraph = resident.locator('ol.draft-paragraphs > li#p2');
    expect(await paragraph.innerText()).toContain('本段意见 1 条');
    const heading = resident.locator('h2#comments');
    expect(await heading.innerText()).toBe('公众意见（6条）');

    await follow(resident, resident.getByRole('link', { name: '对第2段提意见' }));
    expect(new URL(resident.url()).search).toBe('?p=2');
    expect(await resident.locator('h1').innerText()).toBe('对第2段提意见');
    expect(await resident.locator('blockquote.quoted-paragraph').innerText()).toContain('第二条 课后服务每周一至周五');
    expect(await check(resident)).toEqual(fits(resident));
    await resident.getByLabel('您的意见').fill(COMMENT);
    await resident.getByLabel('署名（选填）').fill('示范家长己');
    await follow(resident, resident.getByRole('button', { name: '提交意见' }));
    expect(await resident.locator('h1').innerText()).toBe('意见已提交');

    await follow(resident, resident.getByRole('link', { name: '返回草案和全部意见' }));
    expect(await paragraph.innerText()).toContain('本段意见 2 条');
    expect(await heading.innerText()).toBe('公众意见（7条）');
    const mine = resident.locator('ol.comment-list > li', { hasText: COMMENT });
    expect(await mine.locator('p.muted').innerText()).toMatch(/^示\*+ · .+ · 对第2段$/);
  });

  it('after closing, the officer is refused the report until every comment has a disposition, then publishes it', async () => {
    const consultationId = consultationPath.split('/').pop()!;
    const consultation = (await site.app.stores.consultations.get(consultationId))!;
    // The period ends by the clock alone: a minute after the last day, nothing else changes.
    site.app.clock.set(new Date(Date.parse(consultation.closesAt) + 60_000));
    expect(phaseOf(consultation, site.app.clock.now())).toBe('closed');
    const finalDocument = await findPublicDocument(site, {
      orgSubtreeOf: (await site.app.stores.orgs.getByCode('sfq-jyj'))!.id,
    });

    const desk = await newProfile(browser, site);
    contexts.push(desk);
    const officer = await desk.newPage();
    await logIn(officer, 'district.hudong');
    await officer.goto('/admin/participation/consultations');
    await follow(officer, officer.getByRole('link', { name: TITLE }));
    expect(await officer.locator('.tag').first().innerText()).toBe('征集结束，待反馈');

    await officer.getByLabel('最终文件链接').fill(`/xxgk/doc/${finalDocument}`);
    const [refused] = await Promise.all([
      officer.waitForResponse((r) => r.url().endsWith('/complete')),
      follow(officer, officer.getByRole('button', { name: '发布意见采纳情况' })),
    ]);
    expect(refused.status()).toBe(400);
    expect(await officer.locator('.error-summary').innerText()).toContain(
      '还有 7 条意见没有反馈处理结果（采纳、部分采纳或未采纳），全部反馈后才能发布采纳情况。',
    );

    // Every shown comment, found by its text: two adopted, one partly, four not, two of them as one group.
    const plan: { text: string; result: string; reason: string; group: string }[] = [
      { text: '延时托管到晚上6点半', result: '采纳', reason: '', group: '' },
      { text: '低保家庭的孩子免收', result: '采纳', reason: '', group: '' },
      {
        text: '多安排体育活动',
        result: '部分采纳',
        reason: '体育活动将列入课后服务内容，具体安排由学校确定。',
        group: '',
      },
      { text: '延时托管的老师', result: '未采纳', reason: '教师补助另有规定，不在本办法中规定。', group: '' },
      { text: '安全管理责任', result: '未采纳', reason: '安全管理适用学校安全管理的有关规定。', group: '' },
      {
        text: '公布课后服务的内容',
        result: '未采纳',
        reason: '课后服务内容由学校自主安排并告知家长。',
        group: '课程安排',
      },
      { text: COMMENT, result: '未采纳', reason: '课后服务内容由学校自主安排并告知家长。', group: '课程安排' },
    ];
    const rows = officer.locator('form.dispositions tbody tr');
    const bodies = await rows.locator('td:first-child').allInnerTexts();
    expect(bodies).toHaveLength(plan.length);
    for (const entry of plan) {
      const n = bodies.findIndex((body) => body.includes(entry.text)) + 1;
      expect(n, entry.text).toBeGreaterThan(0);
      await officer.getByLabel(`第${n}条意见的处理结果`).selectOption({ label: entry.result });
      await officer.getByLabel(`第${n}条意见的理由`).fill(entry.reason);
      await officer.getByLabel(`第${n}条意见的归类`).fill(entry.group);
    }
    await follow(officer, officer.getByRole('button', { name: '保存处理结果' }));
    expect(await flashText(officer)).toBe('处理结果已保存。');

    await officer.getByLabel('最终文件链接').fill(`/xxgk/doc/${finalDocument}`);
    await officer.getByLabel('总体说明').fill('共收到意见8条，其中1条含广告内容未予公开。感谢家长们的参与。');
    await follow(officer, officer.getByRole('button', { name: '发布意见采纳情况' }));
    expect(await flashText(officer)).toBe('意见采纳情况已发布。');
    expect(await officer.locator('.tag').first().innerText()).toBe('已反馈采纳情况');
  });

  it('the public reads the right counts in the adoption report and compares the two versions', async () => {
    await resident.goto(consultationPath);
    expect(await resident.locator('.tag.phase-completed').innerText()).toBe('已反馈采纳情况');
    await follow(resident, resident.locator('p.notice').getByRole('link', { name: '查看意见采纳情况' }));
    expect(new URL(resident.url()).pathname).toBe(`${consultationPath}/cnqk`);
    expect(await counts(resident)).toEqual({ received: 8, shown: 7, adopted: 2, partly: 1, rejected: 4, hidden: 1 });
    expect(await resident.locator('table.adoption-rows').innerText()).toContain('课程安排（同类意见 2 条）');
    expect(await check(resident)).toEqual(fits(resident));
    await follow(resident, resident.getByRole('link', { name: '查看最终文件' }));
    expect(new URL(resident.url()).pathname).toMatch(/^\/xxgk\/doc\/[0-9a-z]{16}$/);

    await resident.goto(consultationPath);
    await follow(resident, resident.getByRole('link', { name: '与第1版对照' }));
    expect(new URL(resident.url()).search).toBe('?from=1&to=2');
    expect(await resident.locator('main').innerText()).toContain('共 2 处变化');
    expect(await check(resident)).toEqual(fits(resident));
  });
});
