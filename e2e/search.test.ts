import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  axeFindings,
  follow,
  launchChromium,
  newProfile,
  saveDownload,
  startDemoSite,
  type DemoSite,
} from './helpers.ts';

/** The search term of the walk: 部门预算 and 预算执行 documents of several units of the demo district. */
const TERM = '预算';

/** The titles of the hits on the page, as a reader sees them (the <mark>s are only emphasis). */
async function hitTitles(page: Page): Promise<string[]> {
  return (await page.locator('ol.search-results h2').allInnerTexts()).map((title) => title.trim());
}

/** The `共找到 N 条` of the page. */
async function totalOf(page: Page): Promise<number> {
  const status = await page.getByRole('status').innerText();
  const match = /共找到 (\d+) 条/.exec(status);
  if (!match) throw new Error(`no total in ${status}`);
  return Number(match[1]);
}

describe.skipIf(!HAS_CHROMIUM)('public search in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let context: BrowserContext;
  let downloads: string;

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
    // axe arrives as an inline script, which the site's CSP refuses: the profile bypasses it.
    context = await newProfile(browser, site, { bypassCSP: true });
    downloads = mkdtempSync(join(tmpdir(), 'gongkai-e2e-search-'));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('searches, narrows to a unit, opens a hit, comes back and downloads the same results as XLSX', async () => {
    const page = await context.newPage();
    await page.goto('/search');
    await page.getByLabel('检索词').fill(TERM);
    await follow(page, page.getByRole('button', { name: '检索' }));
    const everywhere = await totalOf(page);
    expect(everywhere).toBeGreaterThan(1);
    expect(await axeFindings(page)).toEqual([]);

    // Narrow to the unit of the first hit (the unit select, 含下级单位).
    const firstMeta = await page.locator('ol.search-results .meta').first().innerText();
    const orgName = firstMeta.split(' · ').find((part) => part !== '标准目录事项')!;
    const org = (await site.app.stores.orgs.listAll()).find((o) => o.name === orgName)!;
    await page.getByText('筛选条件').click();
    await page.getByLabel('发布单位（含下级单位）').selectOption(org.code);
    // Documents only: the standard catalogs' entries have pages of their own.
    await page.getByLabel('类别').selectOption('document');
    await follow(page, page.getByRole('button', { name: '检索' }));
    expect(new URL(page.url()).searchParams.get('org')).toBe(org.code);
    const total = await totalOf(page);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(everywhere);
    const titles = await hitTitles(page);
    expect(titles).toHaveLength(Math.min(total, 20));
    for (const meta of await page.locator('ol.search-results .meta').allInnerTexts()) expect(meta).toContain(orgName);

    // Open a hit: its document page shows, with the same title.
    await follow(page, page.locator('ol.search-results h2 a').first());
    expect(new URL(page.url()).pathname).toMatch(/^\/xxgk\/doc\/[0-9a-z]{16}$/);
    expect((await page.locator('h1.document-title').innerText()).trim()).toBe(titles[0]);

    // Back on the results, download them as a workbook.
    await page.goBack();
    expect(await hitTitles(page)).toEqual(titles);
    const path = join(downloads, 'results.xlsx');
    const fileName = await saveDownload(page, page.getByRole('link', { name: '下载 Excel 表格（XLSX）' }), path);
    expect(fileName).toBe(`检索结果_${TERM}_2026-11-20.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push([1, 2, 4, 9].map((c) => row.getCell(c).text)));
    expect(rows[0]).toEqual(['标题', '文号', '发布机构', '链接']);
    expect(rows).toHaveLength(total + 1);
    expect(rows.slice(1, titles.length + 1).map((r) => r[0])).toEqual(titles);
    expect(rows.slice(1).every((r) => r[2] === orgName)).toBe(true);
    expect(rows[1]![3]).toMatch(/\/xxgk\/doc\/[0-9a-z]{16}$/);
  }, 60_000);

  it('has no axe violations with results, without results and with a query it cannot search', async () => {
    const page = await context.newPage();
    const states: [string, number, string][] = [
      [`/search?q=${encodeURIComponent(TERM)}&sort=date`, 200, '共找到'],
      [`/search?q=${encodeURIComponent('不存在的检索词组合')}`, 200, '没有找到'],
      [`/search?q=${encodeURIComponent('预')}`, 400, '请至少输入两个字'],
      [`/search?q=${encodeURIComponent(TERM)}&from=2026-12-01&to=2026-01-01`, 400, '开始日期不能晚于结束日期'],
    ];
    const report: Record<string, unknown> = {};
    for (const [path, , text] of states) {
      const response = await page.goto(path);
      expect(await page.locator('main').innerText()).toContain(text);
      report[path] = { status: response?.status(), findings: await axeFindings(page) };
    }
    expect(report).toEqual(Object.fromEntries(states.map(([path, status]) => [path, { status, findings: [] }])));
  }, 60_000);
});
