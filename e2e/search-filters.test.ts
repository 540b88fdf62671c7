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
  startDemoSite,
  type DemoSite,
} from './helpers.ts';

/** The total the search page states ("共找到 N 条公开信息。"), 0 when it found nothing. */
async function totalOn(page: Page): Promise<number> {
  const status = await page.getByRole('status').innerText();
  return Number(/共找到 (\d+) 条/.exec(status)?.[1] ?? 0);
}

describe.skipIf(!HAS_CHROMIUM)('search filters, facets and synonyms in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const profile = async (options: { bypassCSP?: boolean } = {}): Promise<Page> => {
    const context = await newProfile(browser, site, options);
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

  it('widens a query by the demo synonyms, narrows it by a facet link and the select boxes, without scripts', async () => {
    const page = await profile();
    await page.goto(`/search?q=${encodeURIComponent('低保')}`);
    const widened = await totalOn(page);
    expect(widened).toBeGreaterThan(0);
    // 低保 = 最低生活保障 in the demo's list: both words find the same documents, each marked.
    await expect
      .poll(() => page.locator('.search-results mark', { hasText: '最低生活保障' }).count())
      .toBeGreaterThan(0);
    await page.goto(`/search?q=${encodeURIComponent('最低生活保障')}`);
    expect(await totalOn(page)).toBe(widened);

    const facets = page.getByRole('navigation', { name: '按发布单位和领域缩小检索范围' });
    const unitLinks = facets.getByRole('list').first().getByRole('link');
    expect(await unitLinks.count()).toBeGreaterThan(0);
    const unitName = (await unitLinks.first().innerText()).trim();
    await follow(page, unitLinks.first());
    expect(new URL(page.url()).searchParams.get('org')).toBeTruthy();
    expect(await page.locator('#search-org option:checked').innerText()).toContain(unitName);
    const narrowed = await totalOn(page);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThanOrEqual(widened);

    await page.locator('#search-validity').selectOption('有效');
    await page.locator('#search-kind').selectOption('document');
    await follow(page, page.getByRole('button', { name: '检索' }));
    const params = new URL(page.url()).searchParams;
    expect([params.get('validity'), params.get('kind'), params.get('org')]).toEqual([
      '有效',
      'document',
      expect.any(String) as unknown,
    ]);
    expect(await totalOn(page)).toBeLessThanOrEqual(narrowed);
  }, 60_000);

  it('lets the district office edit the synonyms, with errors beside the field', async () => {
    const page = await profile();
    await logIn(page, 'district.admin');
    await follow(page, page.getByRole('link', { name: '检索同义词' }));
    const groups = page.getByLabel('同义词组（每行一组）');
    expect(await groups.inputValue()).toContain('低保 = 最低生活保障');

    await groups.fill('低保');
    await follow(page, page.getByRole('button', { name: '保存' }));
    expect(await page.locator('#groups-error').innerText()).toContain('第1行只有一个词');
    expect(await groups.getAttribute('aria-invalid')).toBe('true');

    await groups.fill('低保 = 最低生活保障\n就业 = 劳动就业');
    await follow(page, page.getByRole('button', { name: '保存' }));
    expect(await flashText(page)).toContain('检索同义词已保存');
    expect(await page.getByLabel('同义词组（每行一组）').inputValue()).toBe('低保 = 最低生活保障\n就业 = 劳动就业');
  }, 60_000);

  it('has no axe violations on the results with facets and on the synonyms page', async () => {
    const page = await profile({ bypassCSP: true });
    await page.goto(`/search?q=${encodeURIComponent('低保')}&validity=有效`);
    expect(await axeFindings(page)).toEqual([]);
    await logIn(page, 'district.admin');
    await page.goto('/admin/search/synonyms');
    expect(await axeFindings(page)).toEqual([]);
  }, 60_000);
});
