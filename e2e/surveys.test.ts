import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../src/adapters/xlsx/workbook.ts';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  axeFindings,
  flashText,
  follow,
  launchChromium,
  logIn,
  newProfile,
  saveDownload,
  scrollWidth,
  startDemoSite,
  temporaryFile,
  type DemoSite,
  PHONE,
} from './helpers.ts';

const UNIT = '示范区民政局';
const TITLE = '2026年示范区社区养老服务需求调查（示范）';
const Q1 = '您家中是否有65岁以上的老人？';
const Q2 = '您最需要哪些社区养老服务？';
const Q3 = '您对社区养老服务还有什么建议？';
const Q4 = '您对目前社区养老服务的总体满意度';
const Q2_OPTIONS = ['助餐服务', '上门护理', '日间照料', '文体活动'];
const SUGGESTION = '希望社区食堂周末也能开放，方便子女上班的老人就餐。（示范）';

/** What two residents answer: question 1's option, question 2's options, question 3's text, question 4's point. */
const SHEETS = [
  { single: '是', multiple: ['助餐服务', '日间照料'], text: SUGGESTION, scale: '4' },
  { single: '是', multiple: ['助餐服务', '上门护理', '文体活动'], text: '', scale: '5' },
] as const;

/** The percentage the results show: of the question's respondents, one decimal. */
const percent = (count: number, of: number) => `${(Math.round((count * 1000) / of) / 10).toFixed(1)}%`;
/**
 * The rows a choice question's results table must have, counted here from SHEETS: each option's
 * label as shown (a scale's ends carry their words), how many chose it, and the share.
 */
const expectedRows = (
  options: readonly (readonly [value: string, shown: string])[],
  chosen: (sheet: (typeof SHEETS)[number]) => readonly string[],
) =>
  options.map(([value, shown]) => {
    const count = SHEETS.filter((sheet) => chosen(sheet).includes(value)).length;
    return [shown, String(count), percent(count, SHEETS.length)];
  });
const asShown = (values: readonly string[]) => values.map((value) => [value, value] as const);
const EXPECTED = {
  q1: expectedRows(asShown(['是', '否']), (sheet) => [sheet.single]),
  q2: expectedRows(asShown(Q2_OPTIONS), (sheet) => sheet.multiple),
  q4: expectedRows([['1', '1（很不满意）'], ...asShown(['2', '3', '4']), ['5', '5（很满意）']], (sheet) => [
    sheet.scale,
  ]),
};

/**
 * 网络调查 in a browser: the district's interaction officer drafts a survey with a single-choice,
 * a multiple-choice (two to three options), a text and a scale question through the back-office
 * form, adds the last question by editing the draft, and publishes it. Residents on phones answer
 * it: the first, choosing too few options, is told so in Chinese with the other answers kept, then
 * answers properly; a second sheet from the same browser is refused in Chinese; a second resident
 * answers. The results page's tables (and the downloads) count exactly those two sheets. The form,
 * the answer form with and without its error, the results and the list have no axe violations, and
 * no phone page scrolls sideways.
 */
describe.skipIf(!HAS_CHROMIUM)('an online survey from the back-office form to its public results', () => {
  let site: DemoSite;
  let browser: Browser;
  let officer: Page;
  let resident: Page;
  let neighbour: Page;
  let surveyPath = '';
  const contexts: BrowserContext[] = [];

  /** Each axe finding and the page's width on the phone, by page, so a failure names the page. */
  const check = async (page: Page) => ({
    path: new URL(page.url()).pathname,
    findings: await axeFindings(page),
    width: await scrollWidth(page),
  });
  const fits = (page: Page) => ({ path: new URL(page.url()).pathname, findings: [], width: 360 });
  /** A question block of the back-office form, by its legend. */
  const block = (n: number, isNew: boolean) =>
    officer.getByRole('group', { name: isNew ? `第${n}题（新增，不填题目则忽略）` : `第${n}题`, exact: true });
  /** A question of the answer form, by its number. */
  const question = (page: Page, n: number, title: string) =>
    page.getByRole('group', { name: new RegExp(`^${n}\\. ${title}`) });
  /** A results table's rows as [label, count, percent]. */
  const tableRows = async (page: Page, n: number) =>
    Promise.all(
      (await page.locator(`section#q${n} table.chart-data tbody tr`).all()).map(async (row: Locator) => [
        (await row.locator('th').innerText()).trim(),
        (await row.locator('td.count').innerText()).trim(),
        (await row.locator('td.percent').innerText()).trim(),
      ]),
    );
  /** Fills the answer form with one sheet (question 2 as given, which may be outside its limits). */
  const fillSheet = async (
    page: Page,
    sheet: { single: string; multiple: readonly string[]; text: string; scale: string },
  ) => {
    await question(page, 1, Q1).getByLabel(sheet.single, { exact: true }).check();
    for (const option of Q2_OPTIONS) {
      await question(page, 2, Q2).getByLabel(option, { exact: true }).setChecked(sheet.multiple.includes(option));
    }
    await page.getByLabel(new RegExp(`^3\\. ${Q3}`)).fill(sheet.text);
    await question(page, 4, Q4).getByLabel(sheet.scale, { exact: true }).check();
  };
  const submitSheet = async (page: Page) => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(surveyPath) && r.request().method() === 'POST'),
      follow(page, page.getByRole('button', { name: '提交答卷' })),
    ]);
    return response.status();
  };

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
    // axe arrives as an inline script, which the site's CSP refuses.
    const desk = await newProfile(browser, site, { bypassCSP: true });
    const phone = await newProfile(browser, site, { ...PHONE, bypassCSP: true });
    const otherPhone = await newProfile(browser, site, { ...PHONE, bypassCSP: true });
    contexts.push(desk, phone, otherPhone);
    // A step that cannot happen fails with its locator within the test's time, not as a bare timeout.
    for (const context of contexts) context.setDefaultTimeout(8_000);
    officer = await desk.newPage();
    resident = await phone.newPage();
    neighbour = await otherPhone.newPage();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('the interaction officer drafts the survey through the form, adds a question and publishes it', async () => {
    await logIn(officer, 'district.hudong');
    await officer.goto('/admin/participation/surveys');
    await follow(officer, officer.getByRole('link', { name: '新建网络调查' }));
    expect(new URL(officer.url()).pathname).toBe('/admin/participation/surveys/new');
    expect(await check(officer)).toMatchObject({ findings: [] });

    await officer.getByLabel('发起单位').selectOption({ label: UNIT });
    await officer.getByLabel('调查标题').fill(TITLE);
    await officer.getByLabel('调查说明').fill('为了解辖区老年人家庭的养老服务需求开展本次调查，答卷不记录姓名。');
    // E2E_NOW is 10:00 China time: the survey opens as soon as it is published.
    await officer.getByLabel('开始时间').fill('2026-11-20T10:00');
    await officer.getByLabel('结束时间').fill('2026-12-20T18:00');

    const first = block(1, true);
    await first.getByLabel('题型').selectOption({ label: '单选题' });
    await first.getByLabel('题目', { exact: true }).fill(Q1);
    await first.getByLabel('选项（每行一个）').fill('是\n否');
    const second = block(2, true);
    await second.getByLabel('题型').selectOption({ label: '多选题' });
    await second.getByLabel('题目', { exact: true }).fill(Q2);
    await second.getByLabel('选项（每行一个）').fill(Q2_OPTIONS.join('\n'));
    await second.getByLabel('最少选择几项（多选题）').fill('2');
    await second.getByLabel('最多选择几项（多选题）').fill('3');
    const third = block(3, true);
    await third.getByLabel('题型').selectOption({ label: '填空题' });
    await third.getByLabel('题目', { exact: true }).fill(Q3);
    await third.getByLabel('必答题').uncheck();
    await third.getByLabel('字数上限（填空题）').fill('100');
    await follow(officer, officer.getByRole('button', { name: '保存', exact: true }));
    expect(await flashText(officer)).toBe('调查已保存。');
    expect(await officer.locator('h1').innerText()).toBe(TITLE);
    expect(await officer.locator('ol.survey-question-summary > li > strong').allInnerTexts()).toEqual([Q1, Q2, Q3]);

    // The fourth question goes into the first blank block of the draft's form.
    await follow(officer, officer.getByRole('link', { name: '修改网络调查' }));
    expect(await officer.locator('h1').innerText()).toBe('修改网络调查');
    expect(await block(2, false).getByLabel('选项（每行一个）').inputValue()).toBe(Q2_OPTIONS.join('\n'));
    const fourth = block(4, true);
    await fourth.getByLabel('题型').selectOption({ label: '量表题' });
    await fourth.getByLabel('题目', { exact: true }).fill(Q4);
    await fourth.getByLabel('量表起点（量表题）').fill('1');
    await fourth.getByLabel('量表终点（量表题）').fill('5');
    await fourth.getByLabel('起点说明（量表题，例如“非常不满意”）').fill('很不满意');
    await fourth.getByLabel('终点说明（量表题，例如“非常满意”）').fill('很满意');
    expect(await check(officer)).toMatchObject({ findings: [] });
    await follow(officer, officer.getByRole('button', { name: '保存', exact: true }));
    expect(await flashText(officer)).toBe('调查已保存。');
    expect(await officer.locator('ol.survey-question-summary > li > strong').allInnerTexts()).toEqual([Q1, Q2, Q3, Q4]);

    await follow(officer, officer.getByRole('button', { name: '发布调查' }));
    expect(await flashText(officer)).toBe('调查已发布。');
    expect(await officer.locator('table.meta-table').innerText()).toContain('进行中');
    expect(await officer.getByRole('button', { name: '立即结束调查' }).count()).toBe(1);
    expect(await check(officer)).toMatchObject({ findings: [] });
  }, 60_000);

  it('a resident on a phone chooses too few options, is told so with the other answers kept, then answers', async () => {
    await resident.goto('/hdjl/wldc/');
    expect(await check(resident)).toEqual(fits(resident));
    await follow(resident, resident.getByRole('link', { name: TITLE }));
    surveyPath = new URL(resident.url()).pathname;
    expect(surveyPath).toMatch(/^\/hdjl\/wldc\/[0-9a-z]{16}$/);
    expect(await question(resident, 2, Q2).locator('p.hint').innerText()).toBe('请选择2至3项。');
    expect(await check(resident)).toEqual(fits(resident));

    const [sheet] = SHEETS;
    await fillSheet(resident, { ...sheet, multiple: ['助餐服务'] });
    expect(await submitSheet(resident)).toBe(400);
    expect(await resident.locator('.error-summary').innerText()).toContain('第2题至少选择2项。');
    expect(await question(resident, 2, Q2).locator('p.field-error').innerText()).toContain('第2题至少选择2项。');
    // Every other answer comes back as given.
    expect(await question(resident, 1, Q1).getByLabel(sheet.single, { exact: true }).isChecked()).toBe(true);
    expect(await question(resident, 2, Q2).getByLabel('助餐服务', { exact: true }).isChecked()).toBe(true);
    expect(await resident.getByLabel(new RegExp(`^3\\. ${Q3}`)).inputValue()).toBe(sheet.text);
    expect(await question(resident, 4, Q4).getByLabel(sheet.scale, { exact: true }).isChecked()).toBe(true);
    expect(await check(resident)).toEqual(fits(resident));

    await fillSheet(resident, sheet);
    expect(await submitSheet(resident)).toBe(200);
    expect(await resident.locator('h1').innerText()).toBe('答卷已提交');
    expect(await resident.locator('p.notice').innerText()).toBe('您的答卷已提交，感谢参与。');
    expect(await check(resident)).toEqual(fits(resident));
  }, 60_000);

  it('a second sheet from the same browser is refused in Chinese; another resident answers', async () => {
    await resident.goto(surveyPath);
    await fillSheet(resident, SHEETS[1]);
    expect(await submitSheet(resident)).toBe(409);
    expect(await resident.locator('.error-summary').innerText()).toContain(
      '这台设备已参加过本次调查，每台设备只能提交一次。',
    );
    expect(await question(resident, 4, Q4).getByLabel(SHEETS[1].scale, { exact: true }).isChecked()).toBe(true);
    expect(await check(resident)).toEqual(fits(resident));

    await neighbour.goto(surveyPath);
    await fillSheet(neighbour, SHEETS[1]);
    expect(await submitSheet(neighbour)).toBe(200);
    expect(await neighbour.locator('h1').innerText()).toBe('答卷已提交');
  });

  it('the results page and its downloads count exactly the two sheets taken', async () => {
    await resident.goto(surveyPath);
    await follow(resident, resident.locator('main').getByRole('link', { name: '查看调查结果' }));
    expect(new URL(resident.url()).pathname).toBe(`${surveyPath}/jieguo`);
    expect(await resident.locator('main').innerText()).toContain(`共收到答卷 ${SHEETS.length} 份`);
    expect(await tableRows(resident, 1)).toEqual(EXPECTED.q1);
    expect(await tableRows(resident, 2)).toEqual(EXPECTED.q2);
    expect(await tableRows(resident, 4)).toEqual(EXPECTED.q4);
    for (const n of [1, 2, 4]) {
      expect(await resident.locator(`section#q${n} svg[role="img"]`).count(), `chart of question ${n}`).toBe(1);
    }
    expect(await resident.locator('section#q3').innerText()).toContain('文字回答（1 条）');
    expect(await resident.locator('section#q3 ul.survey-text-list > li').allInnerTexts()).toEqual([SUGGESTION]);
    expect(await resident.locator('section#q4').innerText()).toContain('本题 2 人作答');
    expect(await check(resident)).toEqual(fits(resident));

    const file = temporaryFile('results.bin', Buffer.alloc(0));
    try {
      expect(await saveDownload(resident, resident.getByRole('link', { name: 'CSV 表格' }), file.path)).toMatch(
        /\.csv$/,
      );
      const csv = readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '');
      expect(csv.split('\r\n')[0]).toBe('题号,题目,题型,选项或回答,人数,占比');
      for (const [label, count, share] of EXPECTED.q2) {
        expect(csv).toContain(`2,${Q2},多选题,${label},${count},${share}`);
      }
      expect(csv).toContain(`1,${Q1},单选题,是,2,100.0%`);

      expect(await saveDownload(resident, resident.getByRole('link', { name: 'Excel 表格' }), file.path)).toMatch(
        /\.xlsx$/,
      );
      const [sheet] = (await readWorkbook(readFileSync(file.path)))!;
      for (const [label, count, share] of EXPECTED.q4) {
        expect(sheet!.rows).toContainEqual(['4', Q4, '量表题', label, count, share]);
      }
    } finally {
      file.remove();
    }

    await resident.goto('/hdjl/wldc/');
    const item = resident.locator('ul.consultation-list > li', { hasText: TITLE });
    expect(await item.innerText()).toContain(`答卷 ${SHEETS.length} 份`);
    expect(await check(resident)).toEqual(fits(resident));
  }, 60_000);
});
