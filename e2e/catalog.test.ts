import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM } from '../test/environment.ts';
import { flashText, follow, launchChromium, logIn, newProfile, startDemoSite, type DemoSite } from './helpers.ts';

/**
 * A town adjusts its standard catalog and the district office reviews it, in the browser with
 * JavaScript off: template import, an edited entry, a return with a comment on that entry, the fix,
 * approval, and the public catalog with its documents and what changed.
 */
describe.skipIf(!HAS_CHROMIUM)('standard catalog review in the browser with JavaScript off', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

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

  /** The entries of the town's version in progress, in the field given. */
  const workingEntries = async (fieldCode: string) => {
    const town = (await site.app.stores.orgs.getByCode('sfq-dcjd'))!;
    const working = (await site.app.stores.catalogs.versionsOf(town.id)).find(
      (v) => v.state !== 'published' && v.state !== 'superseded',
    )!;
    return (await site.app.stores.catalogs.entriesOf(working.id)).filter((e) => e.fieldCode === fieldCode);
  };

  it(
    'goes from the town editor to the district office and back, is approved, and shows on the portal with its changes',
    { timeout: 90_000 },
    async () => {
      const editor = await profile();
      await logIn(editor, 'dcjd.editor');
      await editor.goto('/admin/catalogs/sfq-dcjd');
      await follow(editor, editor.getByRole('button', { name: '调整目录（创建新版本）' }));
      expect(await flashText(editor)).toBe('已创建目录版本，可以开始编制。');

      await editor.getByLabel('导入领域标准模板').selectOption('12');
      await follow(editor, editor.getByRole('button', { name: '导入模板' }));
      expect(await flashText(editor)).toContain('已导入领域标准模板');
      const culture = await workingEntries('12');
      expect(culture.length).toBeGreaterThan(0);
      const target = culture[0]!;

      await follow(editor, editor.locator(`#entry-${target.id}`).getByRole('link', { name: '编辑' }));
      await editor.getByLabel('公开主体').fill('东城街道办事处（文化站）');
      await follow(editor, editor.getByRole('button', { name: '保存' }));
      expect(await flashText(editor)).toBe('目录事项已保存。');
      await follow(editor, editor.getByRole('button', { name: '提交区政府办公室审核' }));
      expect(await flashText(editor)).toBe('已提交区政府办公室审核。');

      const office = await profile();
      await logIn(office, 'district.admin');
      await office.goto('/admin/catalogs');
      await follow(office, office.getByRole('link', { name: '示范区东城街道办事处' }).first());
      await office.getByLabel(`对“${target.itemL1} ${target.itemL2}”的意见`).fill('请写明免费开放的时间和场馆名称。');
      await office.getByLabel('总体意见（退回时填写）').fill('公共文化服务事项请补充完整。');
      await follow(office, office.getByRole('button', { name: '退回修改' }));
      expect(await flashText(office)).toBe('已退回单位修改，意见已逐条送达。');

      await editor.goto('/admin/catalogs/sfq-dcjd');
      await expect(editor.locator('main').innerText()).resolves.toContain(
        '区政府办公室退回意见：公共文化服务事项请补充完整。',
      );
      const row = editor.locator(`#entry-${target.id}`);
      await expect(row.innerText()).resolves.toContain('审核意见：请写明免费开放的时间和场馆名称。');
      await follow(editor, row.getByRole('link', { name: '编辑' }));
      await editor.getByLabel('公开内容（要素），每行一项').fill('免费开放场馆名称\n开放时间\n服务项目');
      await follow(editor, editor.getByRole('button', { name: '保存' }));
      await follow(editor, editor.getByRole('button', { name: '提交区政府办公室审核' }));
      expect(await flashText(editor)).toBe('已提交区政府办公室审核。');

      await office.goto('/admin/catalogs/sfq-dcjd');
      await follow(office, office.getByRole('button', { name: '审核通过并发布' }));
      expect(await flashText(office)).toBe('目录已审核通过并在政府信息公开专栏发布。');

      // The public: the overview, the town's catalog with its documents, and what changed.
      const visitor = await profile();
      await visitor.goto('/xxgk/bzml');
      await follow(visitor, visitor.getByRole('link', { name: '示范区东城街道办事处' }).first());
      const page = await visitor.locator('main').innerText();
      expect(page).toContain('第2版');
      expect(page).toContain('与上一版本相比的变化');
      expect(page).toContain('东城街道办事处（文化站）');
      expect(page).toContain('开放时间');
      // An entry that has documents filed under it links to them.
      const withDocuments = visitor
        .locator('a[href^="/xxgk/bzml/sfq-dcjd/"]')
        .filter({ hasText: /^[1-9]\d*条/ })
        .first();
      await follow(visitor, withDocuments);
      await expect(visitor.locator('table.doc-table tbody tr').count()).resolves.toBeGreaterThan(0);
    },
  );
});
