import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import { axeFindings, follow, launchChromium, logIn, newProfile, startDemoSite, type DemoSite } from './helpers.ts';

/**
 * 办事服务 in a browser: from the home page's navigation to the directory, narrowed to 个人办事, into
 * the 新生儿出生 bundle with its merged materials, and on to one of its guides; the pages and the
 * back office's guide form have no axe violations.
 */
describe.skipIf(!HAS_CHROMIUM)('government services in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const profile = async (): Promise<Page> => {
    const context = await newProfile(browser, site, { bypassCSP: true });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('finds the 新生儿出生 bundle from the home page, with each material listed once, and opens a guide', async () => {
    const page = await profile();
    await page.goto('/');
    await follow(page, page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '办事服务' }));
    expect(new URL(page.url()).pathname).toBe('/bsfw/');
    expect(await axeFindings(page)).toEqual([]);
    await follow(page, page.getByRole('link', { name: '个人办事' }).first());
    expect(new URL(page.url()).search).toBe('?audience=person');
    await expect(page.getByRole('link', { name: '开办企业一件事' }).count()).resolves.toBe(0);
    await follow(page, page.getByRole('link', { name: '新生儿出生一件事' }));
    expect(await axeFindings(page)).toEqual([]);
    const rows = page.locator('table.merged-materials tbody tr');
    const names = await rows.locator('td:first-child').allTextContents();
    expect(names.filter((n) => n === '居民身份证')).toHaveLength(1);
    const idRow = rows.filter({ hasText: '居民身份证' });
    await expect(idRow.locator('td').last().innerText()).resolves.toBe(
      '出生医学证明首次签发、出生登记（新生儿入户）、社会保障卡申领',
    );
    await follow(page, page.getByRole('list').getByRole('link', { name: '出生登记（新生儿入户）' }));
    expect(await page.locator('h1').innerText()).toBe('出生登记（新生儿入户）');
    expect(await axeFindings(page)).toEqual([]);
  });

  it('the back office’s service list and guide form have no axe violations', async () => {
    const page = await profile();
    await logIn(page, 'wjj.editor');
    for (const path of ['/admin/services', '/admin/services/guides/new', '/admin/services/bundles/new']) {
      const response = await page.goto(path);
      expect({ path, status: response?.status(), findings: await axeFindings(page) }).toEqual({
        path,
        status: 200,
        findings: [],
      });
    }
  });
});
