import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  axeFindings,
  documentIdFrom,
  findPublicDocument,
  flashText,
  follow,
  launchChromium,
  logIn,
  logOut,
  newProfile,
  startDemoSite,
  type DemoSite,
} from './helpers.ts';

/** What a member of staff copies out of a spreadsheet: tab-separated, a header row first. */
const PASTED = '学段\t2025年\t2026年\n小学\t1200\t1350\n初中\t800\t910\n高中\t300\t320';

describe.skipIf(!HAS_CHROMIUM)('a graphic interpretation in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const profile = async (options: { javaScriptEnabled?: boolean; bypassCSP?: boolean }): Promise<Page> => {
    const context = await newProfile(browser, site, options);
    contexts.push(context);
    return context.newPage();
  };
  const field = (page: Page, name: string) => page.locator(`[name="${name}"]`);

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('is built from pasted data, published by a second person, and seen with JavaScript off as SVG, table and links', async () => {
    const education = (await site.app.stores.orgs.getByCode('sfq-jyj'))!;
    const policyId = await findPublicDocument(site, { orgSubtreeOf: education.id, genre: '通知' });
    const title = '一图读懂示范区课后服务政策（演示）';

    // The editor of 区教育局 builds the graphic without JavaScript and sends it for review.
    const editor = await profile({ javaScriptEnabled: false });
    await logIn(editor, 'jyj.editor');
    await editor.goto(`/admin/interpretations/new?policy=${policyId}`);
    await field(editor, 'orgId').selectOption(education.id);
    await field(editor, 'title').fill(title);
    expect(await field(editor, 'policyDocumentId').inputValue()).toBe(policyId);
    await field(editor, 'heading.text').fill('政策要点');
    await field(editor, 'text.text').fill('课后服务覆盖全区所有公办中小学。');
    await field(editor, 'chart1.type').selectOption('bar');
    await field(editor, 'chart1.title').fill('参加课后服务的学生人数');
    await field(editor, 'chart1.unit').fill('人');
    await field(editor, 'chart1.description').fill('2026年小学1350人、初中910人、高中320人参加，均比上年增加。');
    await field(editor, 'chart1.data').fill(PASTED);
    await follow(editor, editor.getByRole('button', { name: '提交审核' }));
    expect(await flashText(editor)).toBe('图解已提交审核，由本单位审核人审核发布。');
    const documentId = documentIdFrom(editor.url());
    await logOut(editor);

    // Another person, the unit's reviewer, publishes it.
    const reviewer = await profile({ javaScriptEnabled: false });
    await logIn(reviewer, 'jyj.reviewer');
    await reviewer.goto(`/admin/documents/${documentId}`);
    await follow(reviewer, reviewer.getByRole('button', { name: '审核发布' }));
    expect(await flashText(reviewer)).toBe('已审核发布。');
    await logOut(reviewer);

    // A visitor without JavaScript sees the chart drawn, its data as a table, and the policy linked both ways.
    const visitor = await profile({ javaScriptEnabled: false });
    await visitor.goto(`/xxgk/doc/${documentId}`);
    expect(await visitor.getByRole('heading', { level: 1 }).innerText()).toBe(title);
    const chart = visitor.locator('figure.chart');
    expect(await chart.locator('svg[role="img"] title').textContent()).toBe('参加课后服务的学生人数');
    expect(await chart.locator('svg rect, svg path').count()).toBeGreaterThan(6);
    const box = await chart.locator('svg').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(await chart.getByRole('table').locator('tbody tr').allInnerTexts()).toEqual([
      '小学\t1,200\t1,350',
      '初中\t800\t910',
      '高中\t300\t320',
    ]);
    await follow(visitor, visitor.locator('section.interpreted a').first());
    expect(new URL(visitor.url()).pathname).toBe(`/xxgk/doc/${policyId}`);
    await follow(visitor, visitor.getByRole('region', { name: '政策解读' }).getByRole('link', { name: title }));
    expect(new URL(visitor.url()).pathname).toBe(`/xxgk/doc/${documentId}`);

    // With JavaScript on, the builder previews pasted data and marks what is not a number (public/builder.js).
    const typist = await profile({ javaScriptEnabled: true });
    await logIn(typist, 'jyj.editor');
    await typist.goto(`/admin/interpretations/new?policy=${policyId}`);
    await field(typist, 'chart1.data').fill('学段\t2025年\n小学\t1350\n初中\t很多');
    const preview = typist.locator('.chart-preview-status').first();
    await expect.poll(() => preview.textContent()).toBe('预览：2 行、1 个数据系列；有 1 处不是数字（标红）。');
    expect(await typist.locator('.chart-preview .cell-error').allInnerTexts()).toEqual(['很多']);

    // With JavaScript on, tapping a bar names its row, series and value (public/charts.js), under the real CSP.
    const reader = await profile({ javaScriptEnabled: true });
    await reader.goto(`/xxgk/doc/${documentId}`);
    const tip = reader.locator('figure.chart .chart-tip');
    await tip.waitFor();
    await reader
      .locator('figure.chart [ecmeta_ssr_type="chart"][ecmeta_series_index="1"][ecmeta_data_index="1"]')
      .first()
      .click();
    expect(await tip.textContent()).toMatch(/^初中 · .+：910$/);

    // Both pages pass axe-core.
    const auditor = await profile({ bypassCSP: true });
    for (const path of [`/xxgk/doc/${documentId}`, `/xxgk/doc/${policyId}`, '/xxgk/zcjd']) {
      await auditor.goto(path);
      expect({ path, findings: await axeFindings(auditor) }).toEqual({ path, findings: [] });
    }
  }, 120_000);
});
