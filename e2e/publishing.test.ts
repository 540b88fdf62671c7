import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../src/demo/files.ts';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  documentIdFrom,
  flashText,
  follow,
  launchChromium,
  logIn,
  logOut,
  newProfile,
  sightPublicly,
  startDemoSite,
  temporaryFile,
  type DemoSite,
} from './helpers.ts';

/** Fills the new-document form for 示范区教育局 and saves it as a draft; returns the document id. */
async function draftDocument(page: Page, site: DemoSite, title: string): Promise<string> {
  const education = await site.app.stores.orgs.getByCode('sfq-jyj');
  await page.goto('/admin/documents/new');
  await page.getByLabel('发布单位').selectOption(education!.id);
  await page.getByLabel('标题（必填）').fill(title);
  await page.getByLabel('主题分类').selectOption('科技、教育');
  await page.getByLabel('体裁').selectOption('公告');
  await page.getByLabel('关键词').fill('课后服务，收费');
  await page
    .getByLabel('正文（必填）')
    .fill('经区教育局研究，现将本学期课后服务安排公告如下。\n课后服务遵循家长自愿原则，具体标准见附件。');
  await follow(page, page.getByRole('button', { name: '保存草稿' }));
  expect(await flashText(page)).toBe('草稿已保存。');
  return documentIdFrom(page.url());
}

// The product promises that every page works with JavaScript off, so this whole suite runs without it.
describe.skipIf(!HAS_CHROMIUM)('publishing in the browser with JavaScript off', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile (its own cookies) with scripts disabled. */
  const profile = async (): Promise<Page> => {
    const context = await newProfile(browser, site, { javaScriptEnabled: false });
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

  it('an editor drafts a document with an attachment, another person publishes it, and a visitor finds and downloads it', async () => {
    const title = '示范区教育局关于2026年秋季学期课后服务安排的公告';
    const fileName = '课后服务收费标准.pdf';
    const uploaded = makePdf('Shifanqu after-school service fees, autumn 2026');
    const file = temporaryFile(fileName, uploaded);
    try {
      // The editor of 区教育局 writes the draft, attaches the fee table and submits it.
      const editor = await profile();
      await logIn(editor, 'jyj.editor');
      const documentId = await draftDocument(editor, site, title);
      await editor.getByLabel(/上传附件/).setInputFiles(file.path);
      await follow(editor, editor.getByRole('button', { name: '上传', exact: true }));
      expect(await flashText(editor)).toBe('附件已上传。');
      expect(await editor.getByRole('link', { name: fileName }).count()).toBe(1);
      await follow(editor, editor.getByRole('button', { name: '提交审核' }));
      expect(await flashText(editor)).toBe('已提交审核。');
      expect(await editor.getByRole('button', { name: '审核发布' }).count()).toBe(0);
      await logOut(editor);
      expect(new URL(editor.url()).pathname).toBe('/admin/login');

      expect(await sightPublicly(browser, site, documentId, title)).toEqual({
        pageStatus: 404,
        apiStatus: 404,
        inColumn: false,
        inApi: false,
      });

      // A different person, the unit's reviewer, publishes it.
      const reviewer = await profile();
      await logIn(reviewer, 'jyj.reviewer');
      await reviewer.goto(`/admin/documents/${documentId}`);
      expect(await reviewer.getByRole('heading', { level: 1 }).innerText()).toBe(title);
      await follow(reviewer, reviewer.getByRole('button', { name: '审核发布' }));
      expect(await flashText(reviewer)).toBe('已审核发布。');
      expect(await reviewer.getByRole('link', { name: `/xxgk/doc/${documentId}` }).count()).toBe(1);
      await logOut(reviewer);

      // A visitor opens the column, picks 区教育局 in the unit tree, searches there and opens the document.
      const visitor = await profile();
      await visitor.goto('/xxgk/fdzdgknr');
      await follow(visitor, visitor.getByRole('link', { name: '区教育局', exact: true }));
      expect(await visitor.getByRole('heading', { level: 1 }).innerText()).toBe('示范区教育局');
      await visitor.getByLabel('在本栏目中查找').fill('课后服务安排');
      await follow(visitor, visitor.getByRole('button', { name: '查找' }));
      const searched = new URL(visitor.url());
      expect([searched.pathname, searched.searchParams.get('org'), searched.searchParams.get('q')]).toEqual([
        '/xxgk/fdzdgknr',
        'sfq-jyj',
        '课后服务安排',
      ]);
      await follow(visitor, visitor.getByRole('link', { name: title }));
      expect(new URL(visitor.url()).pathname).toBe(`/xxgk/doc/${documentId}`);
      expect(await visitor.getByRole('heading', { level: 1 }).innerText()).toBe(title);

      const [download] = await Promise.all([
        visitor.waitForEvent('download'),
        visitor.getByRole('link', { name: fileName }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(fileName);
      const downloaded = await readFile(await download.path());
      expect(downloaded.equals(uploaded)).toBe(true);

      expect(await sightPublicly(browser, site, documentId, title)).toEqual({
        pageStatus: 200,
        apiStatus: 200,
        inColumn: true,
        inApi: true,
      });
    } finally {
      file.remove();
    }
  }, 60_000);

  it('a draft is never visible to the public, nor on the public site to its signed-in author', async () => {
    const title = '关于2027年寒假中小学校园开放安排的通知';
    const editor = await profile();
    await logIn(editor, 'jyj.editor');
    const documentId = await draftDocument(editor, site, title);

    const hidden = { pageStatus: 404, apiStatus: 404, inColumn: false, inApi: false };
    expect(await sightPublicly(browser, site, documentId, title)).toEqual(hidden);

    // Staff browsing the public site see what the public sees, their own drafts included.
    expect((await editor.goto(`/xxgk/doc/${documentId}`))?.status()).toBe(404);
    await editor.goto(`/xxgk/fdzdgknr?org=sfq-jyj&q=${encodeURIComponent(title)}`);
    expect(await editor.locator(`a[href="/xxgk/doc/${documentId}"]`).count()).toBe(0);
    const list = await editor.request.get(`/api/v1/documents?q=${encodeURIComponent(title)}`);
    expect(((await list.json()) as { total: number }).total).toBe(0);

    // Waiting for review is not public either.
    await editor.goto(`/admin/documents/${documentId}`);
    await follow(editor, editor.getByRole('button', { name: '提交审核' }));
    expect(await flashText(editor)).toBe('已提交审核。');
    expect(await sightPublicly(browser, site, documentId, title)).toEqual(hidden);
  }, 60_000);
});
