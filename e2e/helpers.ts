import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import type { FastifyInstance } from 'fastify';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { buildServer } from '../src/app/server.ts';
import { seedDepsOf, seedDemoDistrict } from '../src/demo/seed-demo.ts';
import type { EditionFilter } from '../src/modules/documents/ports.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { DIALECTS } from '../test/databases.ts';
import { CHROMIUM_PATH } from '../test/environment.ts';

/** The password every demo account gets in the browser suites. */
export const DEMO_PASSWORD = 'e2e-Demo-password-2026';

/** A small phone: 360 CSS pixels wide, honouring the page's viewport meta tag as phones do. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** "Now" for the browser suites: a weekday morning in China, after every seeded document. */
export const E2E_NOW = '2026-11-20T02:00:00Z';

/** The demo district served over real HTTP on a free local port, SQLite in memory. */
export type DemoSite = {
  app: TestApp;
  server: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
};

/**
 * Seeds the demo district 示范区 at E2E_NOW and serves it on 127.0.0.1. `env` adds settings
 * (GONGKAI_SMTP_URL, …); with `ownPublicUrl`, GONGKAI_PUBLIC_URL is the site's own loopback
 * address, so the links in the mail it sends open in the browser.
 */
export async function startDemoSite(
  options: { env?: Record<string, string>; ownPublicUrl?: boolean } = {},
): Promise<DemoSite> {
  const port = options.ownPublicUrl ? await freePort() : 0;
  const env = { ...(port ? { GONGKAI_PUBLIC_URL: `http://127.0.0.1:${port}` } : {}), ...options.env };
  // Browser suites run on SQLite only: they test pages, the store suites test the dialects.
  const app = await createTestApp(DIALECTS[0]!, { now: E2E_NOW, env });
  app.clock.set(E2E_NOW);
  await seedDemoDistrict(seedDepsOf(app), { password: DEMO_PASSWORD, now: app.clock.now() });
  const server = await buildServer(app, { logger: false });
  const address = await server.listen({ port, host: '127.0.0.1' });
  return {
    app,
    server,
    baseUrl: address,
    async close() {
      await server.close();
      await app.cleanup();
    },
  };
}

/** A TCP port on 127.0.0.1 that was free a moment ago, for a server whose address must be known before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh browser profile (its own cookies) pointed at the site, Chinese locale. */
export function newProfile(
  browser: Browser,
  site: DemoSite,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ baseURL: site.baseUrl, locale: 'zh-CN', acceptDownloads: true, ...options });
}

/**
 * Clicks a link or a form's button and waits until the page it leads to has loaded. Pages are
 * server-rendered, so once loaded they are final; a POST answered with 303 loads once, at the end.
 */
export async function follow(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** The back office's one-time message after a redirect ("已提交审核。"), or '' when there is none. */
export async function flashText(page: Page): Promise<string> {
  const flash = page.locator('.flash');
  return (await flash.count()) === 0 ? '' : (await flash.innerText()).trim();
}

/**
 * Clicks a link that answers with a file (Content-Disposition: attachment), waits for the download
 * and saves it at `path`; returns the file name the server suggested. The profile must accept
 * downloads, as `newProfile`'s do.
 */
export async function saveDownload(page: Page, link: Locator, path: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  await download.saveAs(path);
  return download.suggestedFilename();
}

/** Signs in through the login form; throws with the page's message when the back office refuses. */
export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/admin/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await follow(page, page.getByRole('button', { name: '登录' }));
  const path = new URL(page.url()).pathname;
  if (!path.startsWith('/admin') || path === '/admin/login') {
    throw new Error(`sign-in as ${username} failed at ${page.url()}: ${await page.locator('main').innerText()}`);
  }
}

/** Signs out with the header's 退出 button. */
export async function logOut(page: Page): Promise<void> {
  await follow(page, page.getByRole('button', { name: '退出' }));
}

/** Writes bytes to a temporary file for `setInputFiles`, which wants a path on disk. */
export function temporaryFile(fileName: string, bytes: Buffer): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const path = join(dir, fileName);
  writeFileSync(path, bytes);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What the public can see of one document, looked up four ways. */
export type PublicSighting = { pageStatus: number; apiStatus: number; inColumn: boolean; inApi: boolean };

/**
 * Looks for a document as an anonymous visitor would: its public page, a search for its title in
 * the 法定主动公开内容 column, and the public JSON API (the document, and a search of the list).
 */
export async function sightPublicly(
  browser: Browser,
  site: DemoSite,
  documentId: string,
  title: string,
): Promise<PublicSighting> {
  const context = await newProfile(browser, site);
  try {
    const page = await context.newPage();
    const response = await page.goto(`/xxgk/doc/${documentId}`);
    await page.goto(`/xxgk/fdzdgknr?q=${encodeURIComponent(title)}`);
    const inColumn = (await page.locator(`a[href="/xxgk/doc/${documentId}"]`).count()) > 0;
    const detail = await context.request.get(`/api/v1/documents/${documentId}`);
    const list = await context.request.get(`/api/v1/documents?q=${encodeURIComponent(title)}`);
    const body = (await list.json()) as { items: { id: string }[] };
    return {
      pageStatus: response?.status() ?? 0,
      apiStatus: detail.status(),
      inColumn,
      inApi: body.items.some((item) => item.id === documentId),
    };
  } finally {
    await context.close();
  }
}

/** The id of the newest document the public may read that matches the filter; throws when none does. */
export async function findPublicDocument(site: DemoSite, filter: EditionFilter): Promise<string> {
  const found = await site.app.stores.documents.findEditions({ kind: 'public' }, filter, { offset: 0, limit: 1 });
  if (!found.items[0]) throw new Error(`no public document matches ${JSON.stringify(filter)}`);
  return found.items[0].document.id;
}

/** One axe-core finding, trimmed to what a failing test should print. */
export type AxeFinding = { id: string; impact: string | null | undefined; help: string; targets: string[] };

/**
 * Runs axe-core on the page with its default rules (WCAG 2.x A/AA and best practices). The page's
 * context must bypass CSP: the site allows only its own scripts, and axe arrives as an inline one.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: axe.source });
  // Runs in the page; the suite compiles without the DOM library, hence the typed view of the global.
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: typeof axe }).axe.run({ resultTypes: ['violations'] }),
  );
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

/** The width of the page's content: more than the viewport means the reader must scroll sideways. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
        .scrollWidth,
  );
}

/** A page's axe findings and content width, with its path, so a failing comparison names the page. */
export async function pageCheck(page: Page): Promise<{ path: string; findings: AxeFinding[]; width: number }> {
  return { path: new URL(page.url()).pathname, findings: await axeFindings(page), width: await scrollWidth(page) };
}

/** What `pageCheck` gives for a page with no axe violations that fits the phone (PHONE's 360 pixels). */
export function fitsPhone(page: Page): { path: string; findings: AxeFinding[]; width: number } {
  return { path: new URL(page.url()).pathname, findings: [], width: PHONE.viewport.width };
}

/** The value of a row of the page's meta table (table.meta-table), by its label. */
export function metaCell(page: Page, label: string): Promise<string> {
  return page
    .locator('table.meta-table tr', { has: page.locator(`th:text-is("${label}")`) })
    .locator('td')
    .innerText();
}

/** The id at the end of a back-office document URL, /admin/documents/<id>. */
export function documentIdFrom(url: string): string {
  const match = /\/admin\/documents\/([0-9a-z]{16})$/.exec(new URL(url).pathname);
  if (!match) throw new Error(`not a document page: ${url}`);
  return match[1]!;
}
