import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import {
  findPublicDocument,
  launchChromium,
  newProfile,
  scrollWidth,
  startDemoSite,
  type DemoSite,
  PHONE,
} from './helpers.ts';

describe.skipIf(!HAS_CHROMIUM)('on a 360px phone', () => {
  let site: DemoSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** Each path's status and content width; wider than 360 means the reader scrolls sideways. */
  const widths = async (paths: string[]): Promise<Record<string, { status?: number; width: number }>> => {
    const report: Record<string, { status?: number; width: number }> = {};
    for (const path of paths) {
      const response = await page.goto(path);
      report[path] = { status: response?.status(), width: await scrollWidth(page) };
    }
    return report;
  };
  const fitting = (paths: string[]) => Object.fromEntries(paths.map((path) => [path, { status: 200, width: 360 }]));

  beforeAll(async () => {
    site = await startDemoSite();
    browser = await launchChromium();
    context = await newProfile(browser, site, PHONE);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.close();
  });

  it('shows the column and document pages without horizontal scrolling', async () => {
    // Long metadata and body tables are what would push a page sideways: the 条例 itself, an
    // amended normative document with an attachment, and an annual report with its statistics tables.
    const regulation = await findPublicDocument(site, { query: '国务院令第711号' });
    const amended = await findPublicDocument(site, { query: '示民〔2026〕40号' });
    const report = await findPublicDocument(site, { genre: '年度报告' });
    const paths = [
      '/',
      '/xxgk/',
      '/xxgk/fdzdgknr',
      '/xxgk/fdzdgknr?org=sfq-jyj',
      `/xxgk/fdzdgknr?q=${encodeURIComponent('最低生活保障')}`,
      `/xxgk/doc/${regulation}`,
      `/xxgk/doc/${amended}`,
      `/xxgk/doc/${report}`,
    ];
    expect(await widths(paths)).toEqual(fitting(paths));
  });

  it('still fits in 适老化 mode, with its larger type', async () => {
    const amended = await findPublicDocument(site, { query: '示民〔2026〕40号' });
    const report = await findPublicDocument(site, { genre: '年度报告' });
    await page.goto(`/a11y?elder=1&return=${encodeURIComponent('/')}`);
    expect(await page.locator('body.elder').count()).toBe(1);
    const paths = ['/xxgk/fdzdgknr', `/xxgk/doc/${amended}`, `/xxgk/doc/${report}`];
    expect(await widths(paths)).toEqual(fitting(paths));
  });
});
