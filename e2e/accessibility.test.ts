import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../src/demo/files.ts';
import { getPublicCatalog } from '../src/modules/catalog/queries/catalog-views.ts';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  axeFindings,
  documentIdFrom,
  findPublicDocument,
  flashText,
  follow,
  launchChromium,
  logIn,
  newProfile,
  startDemoSite,
  temporaryFile,
  type DemoSite,
} from './helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('accessibility (axe-core)', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A profile that lets axe in: the site's CSP allows only its own scripts, and axe is injected inline. */
  const profile = async (): Promise<Page> => {
    const context = await newProfile(browser, site, { bypassCSP: true });
    contexts.push(context);
    return context.newPage();
  };

  /** Each path's status and axe violations, keyed by path so a failure names the page. */
  const audit = async (
    page: Page,
    paths: string[],
  ): Promise<Record<string, { status?: number; findings: unknown }>> => {
    const report: Record<string, { status?: number; findings: unknown }> = {};
    for (const path of paths) {
      const response = await page.goto(path);
      report[path] = { status: response?.status(), findings: await axeFindings(page) };
    }
    return report;
  };

  /** What `audit` returns for pages that are all there and all clean. */
  const clean = (paths: string[], status = 200) =>
    Object.fromEntries(paths.map((path) => [path, { status, findings: [] }]));

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('the home page, the column and document pages have no axe violations', async () => {
    // The richest document pages of the demo: two editions with an attachment, a withdrawal, a report with tables.
    const amended = await findPublicDocument(site, { query: '示民〔2026〕40号' });
    const withdrawn = await findPublicDocument(site, { states: ['withdrawn'] });
    const report = await findPublicDocument(site, { genre: '年度报告' });
    // 青石镇's catalog has a second version: the page shows its changes, negative list and history.
    const catalog = await getPublicCatalog({ stores: site.app.stores, orgCode: 'sfq-qsz' });
    const filedEntry = catalog.entries.find((e) => (catalog.documentCounts.get(e.key) ?? 0) > 0)!;
    const paths = [
      '/',
      '/xxgk/',
      '/xxgk/fdzdgknr',
      `/xxgk/fdzdgknr?org=sfq-jyj&q=${encodeURIComponent('通知')}`,
      '/xxgk/ysqgk',
      `/xxgk/doc/${amended}`,
      `/xxgk/doc/${withdrawn}`,
      `/xxgk/doc/${report}`,
      '/xxgk/bzml',
      '/xxgk/bzml/sfq-qsz',
      '/xxgk/bzml/sfq-qsz?version=1',
      `/xxgk/bzml/sfq-qsz/${filedEntry.key}`,
    ];
    const page = await profile();
    expect(await audit(page, paths)).toEqual(clean(paths));
    expect(await audit(page, ['/xxgk/doc/0000000000000000'])).toEqual(clean(['/xxgk/doc/0000000000000000'], 404));

    // 适老化 mode: larger type and higher contrast must keep every rule satisfied.
    await page.goto(`/a11y?elder=1&return=${encodeURIComponent('/')}`);
    expect(await page.locator('body.elder').count()).toBe(1);
    const elderPaths = ['/', '/xxgk/fdzdgknr', `/xxgk/doc/${amended}`, '/xxgk/bzml', '/xxgk/bzml/sfq-qsz'];
    expect(await audit(page, elderPaths)).toEqual(clean(elderPaths));
  }, 60_000);

  it('the sign-in page, the edit form with its errors and the document page of the back office have no axe violations', async () => {
    const page = await profile();
    expect(await audit(page, ['/admin/login'])).toEqual(clean(['/admin/login']));

    await logIn(page, 'jyj.editor');
    const staffPaths = ['/admin/', '/admin/documents', '/admin/documents/new'];
    expect(await audit(page, staffPaths)).toEqual(clean(staffPaths));

    // A refused save shows the error summary and messages tied to their fields.
    await follow(page, page.getByRole('button', { name: '保存草稿' }));
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(await axeFindings(page)).toEqual([]);

    await page.getByLabel('标题（必填）').fill('关于开展2026年冬季校园安全检查的通知');
    await page.getByLabel('正文（必填）').fill('各学校：现就开展冬季校园安全检查有关事项通知如下。');
    await follow(page, page.getByRole('button', { name: '保存草稿' }));
    expect(await flashText(page)).toBe('草稿已保存。');
    const documentId = documentIdFrom(page.url());
    const file = temporaryFile('检查表.pdf', makePdf('Winter campus safety checklist'));
    try {
      await page.getByLabel(/上传附件/).setInputFiles(file.path);
      await follow(page, page.getByRole('button', { name: '上传', exact: true }));
    } finally {
      file.remove();
    }
    expect(await flashText(page)).toBe('附件已上传。');
    expect(await axeFindings(page)).toEqual([]);
    await follow(page, page.getByRole('link', { name: '编辑', exact: true }));
    expect(await axeFindings(page)).toEqual([]);
    await page.goto(`/admin/documents/${documentId}`);
    await follow(page, page.getByRole('button', { name: '提交审核' }));
    expect(await flashText(page)).toBe('已提交审核。');

    // The reviewer's view of a submitted edition: publish, schedule and reject forms.
    const reviewer = await profile();
    await logIn(reviewer, 'jyj.reviewer');
    expect(await audit(reviewer, [`/admin/documents/${documentId}`])).toEqual(
      clean([`/admin/documents/${documentId}`]),
    );
    expect(await reviewer.getByRole('button', { name: '审核发布' }).count()).toBe(1);
  }, 60_000);
});
