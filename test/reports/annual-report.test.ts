import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/adapters/xlsx/workbook.ts';
import { publishEdition } from '../../src/modules/documents/index.ts';
import { buildStaffActor, createUser } from '../../src/modules/auth/index.ts';
import { saveReport, submitReport } from '../../src/modules/reports/index.ts';
import { isDomainError } from '../../src/platform/errors.ts';
import { submitApplication } from '../../src/modules/requests/index.ts';
import { PERSON } from '../../src/modules/requests/domain/request.fixture.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { publishedDocument, seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, HAN, signedIn, type CookieJar } from '../http/http-kit.ts';

const TITLES = [
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
];
const SECTIONS = {
  overview: '2025年，本局在政府信息公开专栏统一公开政府信息。\n全年依法办理政府信息公开申请。',
  problems: '标准目录更新不够及时。\n下一步将加强日常监测。',
  other: '本年未收取信息处理费。',
};

/**
 * The annual report (条例 Art. 49–50, 国办公开办函〔2021〕30号) end to end: a unit's officer enters its
 * figures and sections, table 二 counts the unit's published 规章 and 行政规范性文件, tables 三 and 四
 * come from the requests, publication is refused while table 三 fails its checks, and a submitted
 * report is published by a reviewer into 公开年报 as a 年度报告 with its Word and Excel copies.
 */
describe.each(DIALECTS)('annual report on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let foi: CookieJar;
  const requestIds: string[] = [];

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2025-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'foi_officer', org: 'edu' },
      { role: 'foi_officer', org: 'civ' },
      { role: 'foi_officer', org: 'dist' },
      { role: 'district_admin', org: 'dist' },
      { role: 'editor', org: 'dist' },
      { role: 'reviewer', org: 'dist' },
    ]);
    await markAsDemo(app);
    const publish = (org: string, at: string, content: Parameters<typeof publishedDocument>[2]['content']) => {
      app.clock.set(at);
      return publishedDocument(app, fixture, {
        org,
        editor: `${org === 'school' ? 'edu' : org}.editor`,
        reviewer: `${org === 'school' ? 'edu' : org}.reviewer`,
        content: { docNumber: null, fieldCode: null, ...content },
      });
    };
    // The education bureau's normative documents: one of 2021 repealed in 2025, one made in 2025, one
    // of its school's (counted in the bureau's subtree), one made in 2026; and an ordinary notice.
    await publish('edu', '2025-03-02T02:00:00Z', {
      title: '测试区中小学学籍管理办法',
      isNormative: true,
      writtenOn: '2021-05-01',
      validity: '废止',
      validityOn: '2025-02-28',
    });
    await publish('edu', '2025-04-02T02:00:00Z', {
      title: '测试区校外培训管理办法',
      isNormative: true,
      writtenOn: '2025-04-01',
    });
    await publish('school', '2025-05-02T02:00:00Z', {
      title: '测试区第一小学收费管理规定',
      isNormative: true,
      writtenOn: '2025-05-01',
    });
    await publish('edu', '2025-06-02T02:00:00Z', { title: '关于开展暑期安全教育的通知', writtenOn: '2025-06-01' });
    await publish('dist', '2025-07-02T02:00:00Z', {
      title: '测试区政府信息公开规定',
      genre: '规章',
      topic: '综合政务',
      writtenOn: '2025-07-01',
    });
    // Three requests received in 2025 and still open at its end (rows 一 and 四), two at the bureau.
    const calendar = await app.stores.calendar.load();
    for (const [agency, receivedOn] of [
      ['edu', '2025-11-03'],
      ['edu', '2025-11-04'],
      ['civ', '2025-11-05'],
    ] as const) {
      app.clock.set(`${receivedOn}T02:00:00Z`);
      const { request } = await submitApplication({
        uow: app.uow,
        clock: app.clock,
        cipher: app.cipher,
        actor: fixture.staff(`${agency}.foi_officer`),
        channel: 'post',
        agencyCode: agency,
        input: { ...PERSON, name: '年报申请人（演示）' },
        intake: { receivedOn, calendar },
      });
      requestIds.push(request.id);
    }
    app.clock.set('2026-01-12T02:00:00Z');
    server = await createTestServer(app);
    foi = await signedIn(server, 'edu.foi_officer');
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const page = (jar: CookieJar, url: string) => server.inject({ method: 'GET', url, cookies: jar });
  const post = async (jar: CookieJar, url: string, fields: Record<string, string>) => {
    const form = await page(jar, '/admin/reports/edu/2025');
    return server.inject({ method: 'POST', url, cookies: jar, payload: { _csrf: csrfFieldOf(form.body), ...fields } });
  };
  const figures = { licensing: '126', penalties: '3', enforcement: '0', feesWan: '1.25' };
  const reportRows = () => app.database.db.selectFrom('annual_reports').selectAll().execute();
  const reportDocuments = () =>
    app.database.db.selectFrom('editions').selectAll().where('genre', '=', '年度报告').orderBy('number').execute();

  it('shows table 二 counted from the unit’s published documents and table 三 from its requests', async () => {
    const response = await page(foi, '/admin/reports/edu/2025');
    expect(response.statusCode).toBe(200);
    for (const title of TITLES) expect(response.body).toContain(title);
    // 行政规范性文件: made in 2025 (the bureau's and its school's), repealed in 2025, in force at its end.
    expect(response.body).toContain('<th scope="row">行政规范性文件</th><td>2</td><td>1</td><td>2</td>');
    expect(response.body).toContain('<th scope="row">规章</th><td>0</td><td>0</td><td>0</td>');
    expect(response.body).toContain('<th scope="row">一、本年新收政府信息公开申请数量</th><td>2</td>');
    expect(response.body).toContain('<th scope="row">四、结转下年度继续办理</th><td>2</td>');
    expect(response.body).toContain('勾稽关系核对通过');
  });

  it('shows the district’s report over every unit: the 规章, all three requests', async () => {
    const admin = await signedIn(server, 'dist.district_admin');
    const response = await page(admin, '/admin/reports/dist/2025');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<th scope="row">规章</th><td>1</td><td>0</td><td>1</td>');
    expect(response.body).toContain('<th scope="row">一、本年新收政府信息公开申请数量</th><td>3</td>');
  });

  it('opens a report only for its own unit’s officers, and the district’s for the district office', async () => {
    const civ = await signedIn(server, 'civ.foi_officer');
    const distFoi = await signedIn(server, 'dist.foi_officer');
    const editor = await signedIn(server, 'edu.editor');
    expect((await page(civ, '/admin/reports/edu/2025')).statusCode).toBe(404);
    expect((await page(foi, '/admin/reports/dist/2025')).statusCode).toBe(404);
    expect((await page(distFoi, '/admin/reports/dist/2025')).statusCode).toBe(403);
    expect((await page(distFoi, '/admin/reports/edu/2025')).statusCode).toBe(200);
    expect((await page(editor, '/admin/reports/edu/2025')).statusCode).toBe(403);
    for (const url of [
      '/admin/reports/vil/2025',
      '/admin/reports/nosuch/2025',
      '/admin/reports/edu/2027',
      '/admin/reports/edu/x',
    ]) {
      const response = await page(foi, url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body).toMatch(HAN);
    }
    const list = await page(foi, '/admin/reports?year=2025');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('测试区教育局');
    expect(list.body).not.toContain('测试区民政局');
  });

  it('refuses wrong figures field by field in Chinese and stores nothing', async () => {
    const response = await post(foi, '/admin/reports/edu/2025', {
      licensing: '-3',
      penalties: '1e5',
      enforcement: '１２',
      feesWan: '12.345678',
      ...SECTIONS,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('行政许可本年处理决定数量应为不超过九位数的非负整数');
    expect(response.body).toContain('行政处罚本年处理决定数量应为不超过九位数的非负整数');
    expect(response.body).toContain('最多保留四位小数');
    expect(response.body).not.toContain('行政强制本年处理决定数量应为');
    expect(await reportRows()).toEqual([]);
  });

  it('saves the figures and sections as a draft, audited', async () => {
    const response = await post(foi, '/admin/reports/edu/2025', { ...figures, enforcement: '１２', ...SECTIONS });
    expect(response.statusCode).toBe(303);
    const [row] = await reportRows();
    expect(row).toMatchObject({ licensing: 126, penalties: 3, enforcement: 12, fees_wan: '1.25', document_id: null });
    expect(row!.overview).toBe(SECTIONS.overview);
    expect(await auditTrail(app, { entityType: 'annual_report' })).toEqual(['report.saved']);
    const shown = await page(foi, '/admin/reports/edu/2025');
    expect(shown.body).toContain('<th scope="row">行政许可</th><td colspan="3">126</td>');
    expect(shown.body).toContain('<th scope="row">行政事业性收费</th><td colspan="3">1.25</td>');
  });

  it('refuses to publish while table 三 fails its checks, naming the broken equation, and publishes nothing', async () => {
    // A damaged row: a request closed in the year with an outcome the format does not know.
    await app.database.db
      .updateTable('foi_requests')
      .set({ closed_on: '2025-12-01', outcome: '3.9' })
      .where('id', '=', requestIds[0]!)
      .execute();
    try {
      const preview = await page(foi, '/admin/reports/edu/2025');
      expect(preview.statusCode).toBe(200);
      expect(preview.body).toContain('勾稽关系核对未通过');
      const response = await post(foi, '/admin/reports/edu/2025/submit', {});
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('表三核对未通过，不能发布');
      expect(response.body).toContain('自然人列：第三项（七）总计（1）不等于各项办理结果之和（0）');
      expect(await reportDocuments()).toEqual([]);
    } finally {
      await app.database.db
        .updateTable('foi_requests')
        .set({ closed_on: null, outcome: null })
        .where('id', '=', requestIds[0]!)
        .execute();
    }
  });

  it('refuses to publish the report of a year not yet over', async () => {
    const form = await page(foi, '/admin/reports/edu/2026');
    const response = await server.inject({
      method: 'POST',
      url: '/admin/reports/edu/2026/submit',
      cookies: foi,
      payload: { _csrf: csrfFieldOf(form.body) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('2026年尚未结束');
    expect(response.body).toContain('请填写“一、总体情况”后再提交发布');
    expect(await reportDocuments()).toEqual([]);
  });

  it('submits a balanced report for review; the reviewer publishes it into 公开年报 with its tables and files', async () => {
    const response = await post(foi, '/admin/reports/edu/2025/submit', {});
    expect(response.statusCode).toBe(303);
    const [edition] = await reportDocuments();
    expect(edition).toMatchObject({
      state: 'submitted',
      genre: '年度报告',
      title: '测试区教育局2025年政府信息公开工作年度报告',
    });
    expect((await reportRows())[0]!.document_id).toBe(edition!.document_id);
    expect(await auditTrail(app, { entityType: 'annual_report' })).toEqual(['report.saved', 'report.submitted']);
    // Not public before review.
    expect((await server.inject({ method: 'GET', url: '/xxgk/gknb' })).body).not.toContain(edition!.title);

    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('edu.reviewer'),
      editionId: edition!.id,
    });
    const column = await server.inject({ method: 'GET', url: '/xxgk/gknb' });
    expect(column.body).toContain(edition!.title);
    const publicPage = await server.inject({ method: 'GET', url: `/xxgk/doc/${edition!.document_id}` });
    expect(publicPage.statusCode).toBe(200);
    for (const title of TITLES) expect(publicPage.body).toContain(title);
    expect(publicPage.body).toContain('一、总体情况');
    expect(publicPage.body).toContain('<th scope="row">行政规范性文件</th><td>2</td><td>1</td><td>2</td>');
    expect(publicPage.body).toContain('标准目录更新不够及时。');

    const attachments = await app.stores.documents.attachmentsOf(edition!.id);
    expect(attachments.map((a) => a.fileName).sort()).toEqual([`${edition!.title}.docx`, `${edition!.title}.xlsx`]);
    for (const attachment of attachments) expect(publicPage.body).toContain(`/xxgk/files/${attachment.id}`);
    const download = async (extension: string) => {
      const file = attachments.find((a) => a.fileName.endsWith(extension))!;
      const answer = await server.inject({ method: 'GET', url: `/xxgk/files/${file.id}` });
      expect(answer.statusCode).toBe(200);
      return answer.rawPayload;
    };
    const documentXml = strFromU8(unzipSync(new Uint8Array(await download('.docx')))['word/document.xml']!);
    for (const title of [edition!.title, '一、总体情况', ...TITLES, '五、存在的主要问题及改进情况']) {
      expect(documentXml).toContain(title);
    }
    const sheets = (await readWorkbook(await download('.xlsx')))!;
    expect(sheets).toHaveLength(3);
    sheets.forEach((sheet, i) => expect(sheet.rows[0]![0]).toContain(TITLES[i]));
    const received = sheets[1]!.rows.find((row) => row[0]!.startsWith('一、本年新收'))!;
    expect(received.slice(1)).toEqual(['2', '0', '0', '0', '0', '0', '2']);
    expect(sheets[0]!.rows.find((row) => row[0] === '行政许可')).toEqual(['行政许可', '126', '', '']);
  });

  it('republishes with a change note, the new edition superseding the published one', async () => {
    await post(foi, '/admin/reports/edu/2025', { ...figures, licensing: '130', ...SECTIONS });
    const refused = await post(foi, '/admin/reports/edu/2025/submit', {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('更新说明');
    const response = await post(foi, '/admin/reports/edu/2025/submit', { changeNote: '更正行政许可数量' });
    expect(response.statusCode).toBe(303);
    // A second submission while one is in review is refused.
    const again = await post(foi, '/admin/reports/edu/2025/submit', { changeNote: '再次更正' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('审核');
    const [first, second] = await reportDocuments();
    expect(second).toMatchObject({ number: 2, state: 'submitted', change_note: '更正行政许可数量' });
    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('edu.reviewer'),
      editionId: second!.id,
    });
    const [old, current] = await reportDocuments();
    expect(old!.id).toBe(first!.id);
    expect(old!.state).toBe('superseded');
    expect(current!.state).toBe('published');
    const publicPage = await server.inject({ method: 'GET', url: `/xxgk/doc/${current!.document_id}` });
    expect(publicPage.body).toContain('<th scope="row">行政许可</th><td colspan="3">130</td>');
  });

  it('offers the staff the report as Word and Excel files before it is published', async () => {
    const admin = await signedIn(server, 'dist.district_admin');
    const docx = await page(admin, '/admin/reports/dist/2025/report.docx');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!)).toContain(TITLES[1]);
    const xlsx = await page(admin, '/admin/reports/dist/2025/report.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect((await readWorkbook(xlsx.rawPayload))![0]!.rows[0]![0]).toContain('测试区人民政府2025年');
  });

  it('never lets whoever submitted a report approve it, even when they also review the unit', async () => {
    const user = await createUser({
      uow: app.uow,
      clock: app.clock,
      hasher: app.hasher,
      actor: fixture.staff('dist.district_admin'),
      input: {
        username: 'civ.both',
        displayName: '民政局经办兼审核',
        homeOrgId: fixture.orgs.get('civ')!.id,
        password: 'fixture-password-1',
        grants: [
          { role: 'foi_officer', orgId: fixture.orgs.get('civ')!.id },
          { role: 'reviewer', orgId: fixture.orgs.get('civ')!.id },
        ],
      },
    });
    const both = await buildStaffActor(app.stores, user, '127.0.0.1');
    await saveReport({
      uow: app.uow,
      clock: app.clock,
      actor: both,
      orgCode: 'civ',
      year: 2025,
      figures: {},
      sections: SECTIONS,
    });
    const edition = await submitReport({
      uow: app.uow,
      stores: app.stores,
      clock: app.clock,
      sanitiser: app.sanitiser,
      files: app.files,
      sniff: app.sniff,
      maxUploadBytes: app.config.maxUploadBytes,
      renderer: app.reportFiles,
      actor: both,
      orgCode: 'civ',
      year: 2025,
    });
    expect(edition.state).toBe('submitted');
    const refused = await publishEdition({ uow: app.uow, clock: app.clock, actor: both, editionId: edition.id }).catch(
      (error: unknown) => error,
    );
    expect(isDomainError(refused, 'second_pair_of_eyes')).toBe(true);
  });
});
