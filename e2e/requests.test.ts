import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, HAS_LIBREOFFICE, LIBREOFFICE_PATH } from '../test/environment.ts';
import {
  axeFindings,
  E2E_NOW,
  flashText,
  follow,
  launchChromium,
  logIn,
  newProfile,
  saveDownload,
  scrollWidth,
  startDemoSite,
  type DemoSite,
} from './helpers.ts';

const run = promisify(execFile);

/** A small phone, JavaScript off: the resident the application form is built for. */
const RESIDENT = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  javaScriptEnabled: false,
};

/**
 * A resident applies for government information without an account (条例 Art. 29), on a phone with
 * JavaScript off, gets a tracking code and tracks the application; the form, its errors, the
 * receipt and the tracking pages have no axe violations.
 */
describe.skipIf(!HAS_CHROMIUM)('disclosure on application, the resident’s side', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let trackingCode = '';

  const profile = async (options: Parameters<typeof newProfile>[2]): Promise<Page> => {
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

  it('applies from the 依申请公开 page with JavaScript off, on a 360px phone, and gets a tracking code', async () => {
    const page = await profile(RESIDENT);
    await page.goto('/xxgk/ysqgk');
    await follow(page, page.getByRole('link', { name: '在线提交申请' }));
    expect(new URL(page.url()).pathname).toBe('/ysqgk/apply');
    expect(await scrollWidth(page)).toBe(360);

    // First without a description and with a mistyped ID number: both problems shown, input kept.
    await page.getByLabel('向哪个机关申请 *').selectOption({ label: '示范区教育局' });
    await page.getByLabel('自然人', { exact: true }).check();
    await page.getByLabel('姓名或名称 *').fill('王示范');
    await page.getByLabel('身份证明类型 *').selectOption({ label: '居民身份证' });
    await page.getByLabel('证件号码 *').fill('330106199003071235');
    await page.getByLabel('联系电话 *').fill('13900139000');
    await page.getByLabel('电子', { exact: true }).check();
    await page.getByLabel('网上获取').check();
    await follow(page, page.getByRole('button', { name: '提交申请' }));
    const summary = await page.locator('.error-summary').innerText();
    expect(summary).toContain('居民身份证号码不正确');
    expect(summary).toContain('第二十九条');
    expect(await page.getByLabel('姓名或名称 *').inputValue()).toBe('王示范');
    expect(await scrollWidth(page)).toBe(360);

    await page.getByLabel('证件号码 *').fill('330106199003071236');
    await page.getByLabel('所需信息的名称或特征描述 *').fill('示范区2026年义务教育阶段学校划片招生范围');
    await follow(page, page.getByRole('button', { name: '提交申请' }));
    expect(page.url()).toMatch(/\/ysqgk\/receipt\/YS-/);
    trackingCode = (await page.locator('.tracking-code').innerText()).trim();
    expect(trackingCode).toMatch(/^YS-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(await page.locator('main').innerText()).toContain('示范区教育局');

    await follow(page, page.getByRole('link', { name: '查询办理进度' }));
    await page.getByLabel('申请查询码').fill(trackingCode.toLowerCase());
    await page.getByLabel('手机号码后4位，或申请时填写的电子邮箱').fill('9000');
    await follow(page, page.getByRole('button', { name: '查询' }));
    const result = await page.locator('main').innerText();
    expect(result).toContain(trackingCode);
    expect(result).toContain('待确认收到');
    expect(result).toContain('提交申请');
    expect(await scrollWidth(page)).toBe(360);
  });

  it('has no axe violations on the form, the form with errors, the receipt and the tracking pages', async () => {
    expect(trackingCode).not.toBe('');
    const page = await profile({ bypassCSP: true });
    const report: Record<string, unknown> = {};
    await page.goto('/ysqgk/apply');
    report.form = await axeFindings(page);
    await follow(page, page.getByRole('button', { name: '提交申请' }));
    expect(await page.locator('.error-summary').count()).toBe(1);
    report.formWithErrors = await axeFindings(page);
    await page.goto(`/ysqgk/receipt/${trackingCode}`);
    report.receipt = await axeFindings(page);
    await page.goto('/ysqgk/track');
    report.trackForm = await axeFindings(page);
    await page.getByLabel('申请查询码').fill(trackingCode);
    await page.getByLabel('手机号码后4位，或申请时填写的电子邮箱').fill('9000');
    await follow(page, page.getByRole('button', { name: '查询' }));
    expect(await page.locator('main').innerText()).toContain(trackingCode);
    report.trackResult = await axeFindings(page);
    expect(report).toEqual({ form: [], formWithErrors: [], receipt: [], trackForm: [], trackResult: [] });
  });
});

/** The education bureau's own disclosure officer in the demo (every department and town has one). */
const OFFICER = 'jyj.foi';

/** An officer at a desk: a desktop window, JavaScript on. */
const OFFICE = { viewport: { width: 1280, height: 900 } };

/** The E2E site's today in China (E2E_NOW is 10:00 there), which every date field offers. */
const TODAY = E2E_NOW.slice(0, 10);

/** The resident of the closed loop, and what the officer decides about the information they ask for. */
const CASE = {
  name: '欧阳晓雯',
  idNumber: '330106198511120028',
  phone: '13812345678',
  description: '示范区实验小学2026年校舍维修工程的招标文件及中标合同',
  thirdParty: '示范建设工程有限公司',
  opinion: '第三方书面答复：分项报价明细属于商业秘密，不同意公开；其余部分同意公开。',
  approver: '区教育局办公室主任 周示范',
  reason: '所申请信息中的分项报价明细涉及第三方商业秘密，经书面征求意见，第三方不同意公开；其余部分予以公开。',
  withheldPart: '中标合同附件3 分项报价明细表',
  withheldReason: '涉及第三方商业秘密，第三方不同意公开',
};

/** Fills the application form for 示范区教育局 as a natural person and submits it; returns the tracking code. */
async function applyToEducationBureau(page: Page): Promise<string> {
  await page.goto('/ysqgk/apply');
  await page.getByLabel('向哪个机关申请 *').selectOption({ label: '示范区教育局' });
  await page.getByLabel('自然人', { exact: true }).check();
  await page.getByLabel('姓名或名称 *').fill(CASE.name);
  await page.getByLabel('身份证明类型 *').selectOption({ label: '居民身份证' });
  await page.getByLabel('证件号码 *').fill(CASE.idNumber);
  await page.getByLabel('联系电话 *').fill(CASE.phone);
  await page.getByLabel('所需信息的名称或特征描述 *').fill(CASE.description);
  await page.getByLabel('电子', { exact: true }).check();
  await page.getByLabel('网上获取').check();
  await follow(page, page.getByRole('button', { name: '提交申请' }));
  expect(page.url()).toMatch(/\/ysqgk\/receipt\/YS-/);
  return (await page.locator('.tracking-code').innerText()).trim();
}

/** The tracking page's result for the resident, found with the code and the last four digits of the phone. */
async function track(page: Page, code: string): Promise<string> {
  await page.goto('/ysqgk/track');
  await page.getByLabel('申请查询码').fill(code);
  await page.getByLabel('手机号码后4位，或申请时填写的电子邮箱').fill(CASE.phone.slice(-4));
  await follow(page, page.getByRole('button', { name: '查询' }));
  return page.locator('main').innerText();
}

/**
 * The whole closed loop of disclosure on application, in browsers as people use them: a resident
 * applies to 示范区教育局 on a phone with JavaScript off; the disclosure officer confirms
 * receipt, takes the request on, consults a third party (the clock stops), records its answer,
 * extends the deadline once and replies 部分公开; the resident tracks the request again and
 * downloads the reply letter as PDF and Word, which LibreOffice reads back. The officer's pages
 * have no axe violations.
 */
describe.skipIf(!HAS_CHROMIUM || !HAS_LIBREOFFICE)('disclosure on application, the closed loop', () => {
  let site: DemoSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** Where the downloaded letters, LibreOffice's output and its profile go. */
  let dir = '';

  const profile = async (options: Parameters<typeof newProfile>[2]): Promise<Page> => {
    const context = await newProfile(browser, site, options);
    contexts.push(context);
    return context.newPage();
  };

  /** Converts a file with LibreOffice headless, with its own profile so runs never share a lock. */
  const convert = async (file: string, to: string): Promise<string> => {
    await run(
      LIBREOFFICE_PATH,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, file, '--outdir', dir],
      { timeout: 120_000 },
    );
    return readFileSync(join(dir, `${basename(file, extname(file))}.${to.split(':')[0]}`), 'utf8');
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-letters-'));
    site = await startDemoSite();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a resident applies, the officer consults a third party, extends and partly discloses, and the resident downloads the letter that LibreOffice reads', async () => {
    // 1. The resident applies on a phone with JavaScript off.
    const resident = await profile(RESIDENT);
    const code = await applyToEducationBureau(resident);
    expect(code).toMatch(/^YS-[2-9A-Z]{5}-[2-9A-Z]{5}$/);

    // 2. The disclosure officer finds it through the back-office menu.
    const officer = await profile(OFFICE);
    await logIn(officer, OFFICER);
    const menu = officer.getByRole('navigation', { name: '后台菜单' });
    await follow(officer, menu.getByRole('link', { name: '依申请公开', exact: true }));
    expect(new URL(officer.url()).pathname).toBe('/admin/ysqgk');
    const row = officer.getByRole('row').filter({ has: officer.getByRole('link', { name: code, exact: true }) });
    expect(await row.count()).toBe(1);
    const rowText = await row.innerText();
    expect(rowText).toContain(CASE.name);
    expect(rowText).toContain('待确认收到');
    await follow(officer, row.getByRole('link', { name: code, exact: true }));
    const requestPath = new URL(officer.url()).pathname;
    expect(requestPath).toMatch(/^\/admin\/ysqgk\/[^/]+$/);
    expect(await officer.getByRole('heading', { level: 1 }).innerText()).toBe(`申请 ${code}`);
    /** One fact of the request's table ("状态", "答复期限", …), as the officer reads it. */
    const fact = async (label: string): Promise<string> => {
      const header = officer.getByRole('rowheader', { name: label, exact: true });
      return (await officer.locator('table.meta-table tr').filter({ has: header }).locator('td').innerText()).trim();
    };

    /** The panel of one handling step; exactly one while the step is open. */
    const panel = async (kind: string): Promise<Locator> => {
      const section = officer.locator(`section#step-${kind}`);
      expect(await section.count(), `panel #step-${kind}`).toBe(1);
      return section;
    };
    /** Presses a form's button and expects to be back on the request's page with the flash. */
    const submit = async (form: Locator, button: string, flash = '已办理。'): Promise<void> => {
      await follow(officer, form.getByRole('button', { name: button }));
      expect(new URL(officer.url()).pathname).toBe(requestPath);
      expect(await officer.locator('.error-summary').count()).toBe(0);
      expect(await flashText(officer)).toBe(flash);
    };

    // a. Confirms receipt (条例 Art. 31), which starts the clock.
    const receipt = officer.locator('form[action$="/register"]');
    expect(await receipt.count()).toBe(1);
    expect(await receipt.getByLabel('收到申请日期').inputValue()).toBe(TODAY);
    await submit(receipt, '确认收到', '已确认收到申请，答复期限开始计算。');
    expect([await fact('状态'), await fact('收到申请日期')]).toEqual(['已登记', TODAY]);
    expect(await fact('答复期限')).toContain('剩余20个工作日');

    // b. Takes it on.
    await submit(await panel('assign'), '由我办理');
    expect(await fact('状态')).toBe('办理中');

    // c. Consults the contractor in writing (条例 Art. 32): the clock stops.
    const consult = await panel('consult');
    expect(await consult.getByRole('heading', { level: 2 }).innerText()).toBe('征求意见（条例第三十二条、第三十四条）');
    await consult.getByLabel('第三方（条例第三十二条）').check();
    await consult.getByLabel('被征求意见的单位或个人').fill(CASE.thirdParty);
    expect(await consult.getByLabel('书面征求意见日期').inputValue()).toBe(TODAY);
    await submit(consult, '开始征求意见');
    expect(await fact('状态')).toBe('征求第三方意见');
    expect(await fact('答复期限')).toContain('计时暂停中');
    expect(await fact('征求意见')).toContain(`${CASE.thirdParty} ${TODAY} 至 今`);

    // d. Records the answer: the clock runs again.
    const answered = await panel('consultation_answered');
    expect(await answered.getByRole('heading', { level: 2 }).innerText()).toBe('征求意见结束');
    await answered.getByLabel('意见摘要').fill(CASE.opinion);
    await submit(answered, '恢复计时');
    expect(await fact('状态')).toBe('办理中');
    expect(await fact('答复期限')).not.toContain('计时暂停中');
    expect(await fact('征求意见')).toContain(`${CASE.thirdParty} ${TODAY} 至 ${TODAY}`);

    // e. Extends the deadline once, by 10 working days (条例 Art. 33 ¶2).
    const extend = await panel('extend');
    expect(await extend.getByRole('heading', { level: 2 }).innerText()).toBe('延长答复期限（条例第三十三条第二款）');
    const days = extend.getByLabel('延长工作日数（1至20）');
    expect(await days.inputValue()).toBe('20');
    await days.fill('10');
    await extend.getByLabel('批准人（工作机构负责人）').fill(CASE.approver);
    await submit(extend, '延长期限');
    expect(await fact('延长期限')).toBe(`10个工作日，${CASE.approver} ${TODAY} 批准`);
    expect(await officer.locator('section#step-extend').count()).toBe(0);

    // f. Replies 部分公开 with the withheld part and its reason (条例 Art. 36, 37).
    const reply = await panel('reply');
    expect(await reply.getByRole('heading', { level: 2 }).innerText()).toBe('作出答复（条例第三十六条）');
    const outcome = reply.getByLabel('处理结果（年报表三）');
    await outcome.selectOption('3.2');
    expect(await outcome.locator('option:checked').innerText()).toBe('部分公开');
    await reply.getByLabel('答复理由和依据').fill(CASE.reason);
    await reply.getByLabel('第1项内容').fill(CASE.withheldPart);
    await reply.getByLabel('第1项理由').fill(CASE.withheldReason);
    await submit(reply, '答复');
    expect(await fact('状态')).toBe('已答复');
    const outcomeFact = await fact('处理结果');
    expect(outcomeFact).toContain(`部分公开（${TODAY}）：${CASE.reason}`);
    expect(outcomeFact).toContain(`不予公开：${CASE.withheldPart}——${CASE.withheldReason}`);
    // The reply is served (送达) before filing: by post, with the postal item's number.
    expect(await officer.locator('[id^="step-"]').count()).toBe(1);
    const deliver = await panel('deliver');
    await deliver.getByLabel('邮寄', { exact: true }).check();
    await deliver.getByLabel('凭证：邮件单号、签收人或电子邮件发送记录').fill('EA123456789CN');
    await submit(deliver, '登记送达');
    expect(await fact('送达')).toBe(`邮寄，${TODAY}；凭证：EA123456789CN`);
    // Only filing (归档) is left to do.
    expect(await officer.locator('[id^="step-"]').count()).toBe(1);
    expect(await officer.locator('section#step-archive').count()).toBe(1);

    // 3. The resident tracks it again, sees each step and the outcome, and downloads the letter.
    const tracked = await track(resident, code);
    for (const step of [
      '书面征求第三方意见',
      '征求意见结束',
      '延长答复期限',
      '延长10个工作日',
      '作出答复',
      '部分公开',
      '已答复',
      '答复已送达',
      '邮寄，邮件单号 EA123456789CN',
    ]) {
      expect(tracked).toContain(step);
    }
    expect(await scrollWidth(resident)).toBe(360);
    const pdf = join(dir, 'letter.pdf');
    const docx = join(dir, 'letter.docx');
    const pdfName = await saveDownload(resident, resident.getByRole('link', { name: '下载 PDF' }), pdf);
    const docxName = await saveDownload(resident, resident.getByRole('link', { name: '下载 Word' }), docx);
    expect([pdfName, docxName]).toEqual([
      `${code}-政府信息公开申请答复告知书.pdf`,
      `${code}-政府信息公开申请答复告知书.docx`,
    ]);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    // 4. LibreOffice reads the letter's Chinese text from both files.
    const expected = [
      '政府信息公开申请答复告知书',
      '示范区教育局',
      code,
      CASE.name,
      '答复期限延长10个工作日',
      CASE.withheldPart,
      CASE.withheldReason,
      '申请行政复议',
      '2026年11月20日',
    ];
    const docxText = await convert(docx, 'txt:Text');
    for (const part of expected) expect(docxText).toContain(part);
    // Draw places each line of the PDF in its own frame: join the text back before looking for phrases.
    const pdfText = (await convert(pdf, 'html')).replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    for (const part of expected) expect(pdfText).toContain(part.replace(/\s+/g, ''));

    // 5. The officer's request page after the reply and the inbox have no axe violations. axe is
    // injected inline, so it runs in a profile of its own that bypasses the site's CSP.
    const auditor = await profile({ ...OFFICE, bypassCSP: true });
    await logIn(auditor, OFFICER);
    await auditor.goto(requestPath);
    expect(await auditor.locator('main').innerText()).toContain(`部分公开（${TODAY}）`);
    const request = await axeFindings(auditor);
    await auditor.goto('/admin/ysqgk');
    expect(await auditor.getByRole('link', { name: code, exact: true }).count()).toBe(1);
    const inbox = await axeFindings(auditor);
    expect({ request, inbox }).toEqual({ request: [], inbox: [] });
  }, 180_000);
});
