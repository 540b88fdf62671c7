import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition, rejectEdition, type Edition } from '../../src/modules/documents/index.ts';
import type { TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { startPolicySite } from './interpretation-fixtures.ts';
import { publishedDocument, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, multipart, signedIn, type CookieJar } from '../http/http-kit.ts';

const CHART = {
  'chart1.type': 'bar',
  'chart1.title': '城乡低保人数',
  'chart1.unit': '人',
  'chart1.description': '2025年城乡低保1350人，比2024年增加150人；特困供养320人。',
  'chart1.data': '项目\t2024年\t2025年\n城乡低保\t1200\t1350\n特困供养\t300\t320',
};

/**
 * A graphic interpretation (图解) end to end: an editor builds it from pasted data in the back office
 * and sends it for review; it is not public until a second person publishes it; then its page shows
 * the chart as inline SVG with its data table and the policy it interprets, and the policy's page
 * links to it under 政策解读.
 */
describe.each(DIALECTS)('graphic interpretation on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let editor: CookieJar;
  let policy: Edition;

  beforeAll(async () => {
    ({ app, fixture, policy, server, editor } = await startPolicySite(dialect));
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const submit = async (fields: Record<string, string>, policyDocumentId = policy.documentId) => {
    const form = await server.inject({
      method: 'GET',
      url: `/admin/interpretations/new?policy=${policyDocumentId}`,
      cookies: editor,
    });
    expect(form.statusCode).toBe(200);
    return server.inject({
      method: 'POST',
      url: '/admin/interpretations',
      cookies: editor,
      payload: {
        _csrf: csrfFieldOf(form.body),
        orgId: fixture.orgs.get('civ')!.id,
        title: '一图读懂测试区城乡低保实施办法',
        policyDocumentId,
        'heading.text': '政策要点',
        'text.text': '低保标准提高到每人每月1000元。',
        ...fields,
      },
    });
  };

  it('keeps what was typed and says beside each field what is wrong', async () => {
    const response = await submit({
      ...CHART,
      'chart1.data': '项目\t2025年\n城乡低保\t很多',
      'chart1.description': '见图',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('第2行第2列「很多」不是数字');
    expect(response.body).toContain('请用至少10个字说明这张图表示什么');
    expect(response.body).toContain('id="chart1.data-error"');
    expect(response.body).toContain('项目\t2025年\n城乡低保\t很多');
    expect(response.body).toContain('一图读懂测试区城乡低保实施办法');
  });

  it.each([
    {
      what: 'a word where a number belongs',
      data: '项目\t2025年\n城乡低保\t约五十',
      message: '第2行第2列「约五十」不是数字',
    },
    { what: 'an empty row', data: '项目\t2025年\n城乡低保\t50\n\n特困供养\t20', message: '第3行是空行' },
    {
      what: '10,000 rows',
      data: ['项目\t2025年', ...Array.from({ length: 10_000 }, (_, i) => `第${i + 1}项\t${i}`)].join('\n'),
      message: '一张图最多200行数据（不含表头），粘贴的有10000行',
    },
  ])('answers chart data with $what with a message beside the field, keeping it', async ({ data, message }) => {
    const response = await submit({ ...CHART, 'chart1.data': data });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect(response.body).toContain('id="chart1.data-error"');
    // What was pasted comes back in the field, escaped as text.
    expect(response.body).toContain(data.split('\n').slice(-1)[0]);
  });

  it('sends a graphic for review, and after a second person publishes it both pages link each other', async () => {
    const response = await submit(CHART);
    expect(response.statusCode).toBe(303);
    const documentId = /\/admin\/documents\/([\w-]+)/.exec(String(response.headers.location))![1]!;
    const edition = (await app.stores.documents.editionsOf(documentId))[0]!;
    expect(edition).toMatchObject({ state: 'submitted', content: { genre: '政策解读', topic: policy.content.topic } });
    expect(await auditTrail(app, { entityType: 'interpretation' })).toEqual(['interpretation.submitted']);
    const reviewer = await signedIn(server, 'civ.reviewer');
    const dashboard = () => server.inject({ method: 'GET', url: '/admin/', cookies: reviewer });
    expect((await dashboard()).body).toContain('规范性文件图解覆盖率：0%（0/1，目标100%）');
    expect((await dashboard()).body).toContain(`/admin/interpretations/new?policy=${policy.documentId}`);
    // Not public before review.
    expect((await server.inject({ method: 'GET', url: `/xxgk/doc/${documentId}` })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: `/xxgk/doc/${policy.documentId}` })).body).not.toContain(
      '政策解读</h2>',
    );

    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: edition.id,
    });
    const page = await server.inject({ method: 'GET', url: `/xxgk/doc/${documentId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(
      /<figure class="chart"[^>]*><div class="chart-drawing"><svg [^>]*role="img"><title>城乡低保人数<\/title>/,
    );
    expect(page.body).toContain('<th scope="col">2025年（人）</th>');
    expect(page.body).toContain('<th scope="row">城乡低保</th><td>1,200</td><td>1,350</td>');
    expect(page.body).toContain(`<a href="/xxgk/doc/${policy.documentId}">测试区城乡最低生活保障实施办法</a>`);
    const policyPage = await server.inject({ method: 'GET', url: `/xxgk/doc/${policy.documentId}` });
    expect(policyPage.body).toContain('<h2 id="interpretations-heading">政策解读</h2>');
    expect(policyPage.body).toContain(`<a href="/xxgk/doc/${documentId}">一图读懂测试区城乡低保实施办法</a>`);
    expect((await dashboard()).body).toContain('规范性文件图解覆盖率：100%（1/1，目标100%）');
    const list = await server.inject({ method: 'GET', url: '/xxgk/zcjd' });
    expect(list.body).toContain(`href="/xxgk/doc/${documentId}"`);
    expect(list.body).not.toContain(`href="/xxgk/doc/${policy.documentId}"`);
    // The chart's numbers are searchable text of the edition.
    expect(edition.content.bodyHtml).toContain('<td>1,350</td>');
  });

  it('flags a late interpretation on both back-office pages against the 3-working-day rule', async () => {
    const adminPage = async (documentId: string) =>
      (await server.inject({ method: 'GET', url: `/admin/documents/${documentId}`, cookies: editor })).body;
    // Published on Monday 2026-03-02: the interpretation is due by Thursday 03-05.
    const second = await publishedDocument(app, fixture, {
      org: 'civ',
      editor: 'civ.editor',
      reviewer: 'civ.reviewer',
      content: { title: '测试区临时救助办法', genre: '办法', isNormative: true, docNumber: '测民发〔2026〕4号' },
    });
    expect(await adminPage(second.documentId)).toContain('本文件尚无已发布的解读；图解应于 2026-03-05 前发布。');
    expect(await adminPage(second.documentId)).toContain(`/admin/interpretations/new?policy=${second.documentId}`);
    // The first policy was interpreted the day it was published.
    expect(await adminPage(policy.documentId)).toMatch(
      /一图读懂测试区城乡低保实施办法<\/a><\/td><td>2026-03-02<\/td><td>2026-03-05<\/td><td><span class="tag">按时/,
    );

    try {
      // The next Tuesday: Friday, Monday and Tuesday are three working days past the due date.
      app.clock.set('2026-03-10T02:00:00Z');
      editor = await signedIn(server, 'civ.editor');
      expect(await adminPage(second.documentId)).toContain('已超期 3 个工作日（应于 2026-03-05 前）');
      const response = await submit(CHART, second.documentId);
      const documentId = /\/admin\/documents\/([\w-]+)/.exec(String(response.headers.location))![1]!;
      const edition = (await app.stores.documents.editionsOf(documentId))[0]!;
      await publishEdition({
        uow: app.uow,
        clock: app.clock,
        actor: fixture.staff('civ.reviewer'),
        editionId: edition.id,
      });
      expect(await adminPage(documentId)).toMatch(
        /测试区临时救助办法<\/a><\/td><td>2026-03-10<\/td><td>2026-03-05<\/td><td><span class="tag tag-warning">逾期 3 个工作日/,
      );
      expect(await adminPage(second.documentId)).toContain('<span class="tag tag-warning">逾期 3 个工作日</span>');
      // An ordinary notice gets no panel.
      const notice = await publishedDocument(app, fixture, {
        org: 'civ',
        editor: 'civ.editor',
        reviewer: 'civ.reviewer',
        content: { title: '测试区停水通知', genre: '通知', isNormative: false },
      });
      expect(await adminPage(notice.documentId)).not.toContain('解读时限');
      expect(await adminPage(notice.documentId)).not.toContain('interpretation-timeliness-heading');
    } finally {
      app.clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('publishes a 简明问答 of two policies and a 媒体解读, each checked for its own blocks', async () => {
    const second = await publishedDocument(app, fixture, {
      org: 'civ',
      editor: 'civ.editor',
      reviewer: 'civ.reviewer',
      content: { title: '测试区特困人员救助供养办法', genre: '办法', isNormative: true },
    });
    const post = async (kind: string, fields: Record<string, string>) => {
      const form = await server.inject({
        method: 'GET',
        url: `/admin/interpretations/new?kind=${kind}`,
        cookies: editor,
      });
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain(`<input type="hidden" name="kind" value="${kind}"`);
      return server.inject({
        method: 'POST',
        url: '/admin/interpretations',
        cookies: editor,
        payload: { _csrf: csrfFieldOf(form.body), kind, orgId: fixture.orgs.get('civ')!.id, ...fields },
      });
    };
    const media = await post('media', {
      title: '媒体解读：示范日报谈低保新政',
      policyDocumentId: policy.documentId,
      'media.outlet': '示范日报',
      'media.publishedOn': '2026-03-01',
      'media.url': 'javascript:alert(1)',
    });
    expect(media.statusCode).toBe(400);
    expect(media.body).toContain('请填写媒体原文的网址，以 https:// 或 http:// 开头。');
    expect(media.body).toContain('id="media.url-error"');
    expect(media.body).toContain('value="示范日报"');

    const qa = await post('qa', {
      title: '低保和特困供养政策问答',
      policyDocumentId: policy.documentId,
      policy2: second.documentId,
      'qa1.question': '谁可以申请低保？',
      'qa1.answer': '本区户籍、家庭收入低于标准的居民。',
      'qa2.question': '特困人员怎样认定？',
      'qa2.answer': '由镇街受理，区民政局认定。',
    });
    expect(qa.statusCode).toBe(303);
    const documentId = /\/admin\/documents\/([\w-]+)/.exec(String(qa.headers.location))![1]!;
    const edition = (await app.stores.documents.editionsOf(documentId))[0]!;
    expect(await app.stores.interpretations.forEdition(edition.id)).toMatchObject({
      kind: 'qa',
      policyDocumentIds: [policy.documentId, second.documentId],
    });
    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: edition.id,
    });
    const page = await server.inject({ method: 'GET', url: `/xxgk/doc/${documentId}` });
    expect(page.body).toContain('<h3>问：谁可以申请低保？</h3><p>答：本区户籍、家庭收入低于标准的居民。</p>');
    for (const id of [policy.documentId, second.documentId]) {
      const policyPage = await server.inject({ method: 'GET', url: `/xxgk/doc/${id}` });
      expect(policyPage.body).toContain(
        `<span class="tag">简明问答</span> <a href="/xxgk/doc/${documentId}">低保和特困供养政策问答</a>`,
      );
    }
    // Searchable like any public document: by words of its answers.
    const found = await server.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('区民政局认定')}` });
    expect(found.body).toContain(`href="/xxgk/doc/${documentId}"`);
    // The column's list filters by kind and by unit (with the units under it).
    const byKind = (await server.inject({ method: 'GET', url: '/xxgk/zcjd?kind=qa' })).body;
    expect(byKind).toContain(`href="/xxgk/doc/${documentId}"`);
    expect(byKind).not.toContain('一图读懂测试区城乡低保实施办法');
    expect((await server.inject({ method: 'GET', url: '/xxgk/zcjd?kind=graphic' })).body).not.toContain(documentId);
    expect((await server.inject({ method: 'GET', url: '/xxgk/zcjd?org=edu' })).body).toContain(
      '没有符合条件的政策解读。',
    );
    expect((await server.inject({ method: 'GET', url: '/xxgk/zcjd?org=civ&kind=qa' })).body).toContain(documentId);
    expect((await server.inject({ method: 'GET', url: '/xxgk/zcjd?org=nosuchunit' })).statusCode).toBe(404);
    // Its article for new media is made of the same questions.
    const article = await server.inject({
      method: 'GET',
      url: `/admin/interpretations/${documentId}/article.html`,
      cookies: editor,
    });
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain('问：特困人员怎样认定？');
  });

  it('corrects a returned 图解 in its own form, filled from what was saved, and sends it again', async () => {
    const sent = await submit({ ...CHART, 'chart1.title': '退回测试图表' });
    const documentId = /\/admin\/documents\/([\w-]+)/.exec(String(sent.headers.location))![1]!;
    const first = (await app.stores.documents.editionsOf(documentId))[0]!;
    await rejectEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: first.id,
      reason: '数据有误',
    });
    const adminPage = await server.inject({ method: 'GET', url: `/admin/documents/${documentId}`, cookies: editor });
    expect(adminPage.body).toContain(`href="/admin/interpretations/${documentId}/edit"`);
    expect(adminPage.body).toContain(`href="/admin/interpretations/${documentId}/poster.png"`);

    const form = await server.inject({
      method: 'GET',
      url: `/admin/interpretations/${documentId}/edit`,
      cookies: editor,
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`action="/admin/interpretations/${documentId}"`);
    expect(form.body).toContain('value="退回测试图表"');
    expect(form.body).toContain('城乡低保\t1200\t1350');
    const resent = await server.inject({
      method: 'POST',
      url: `/admin/interpretations/${documentId}`,
      cookies: editor,
      payload: {
        _csrf: csrfFieldOf(form.body),
        orgId: fixture.orgs.get('civ')!.id,
        title: '一图读懂测试区城乡低保实施办法（修订）',
        policyDocumentId: policy.documentId,
        'text.text': '低保标准提高到每人每月1050元。',
        ...CHART,
        'chart1.data': '项目\t2024年\t2025年\n城乡低保\t1200\t1400',
      },
    });
    expect(resent.statusCode).toBe(303);
    expect(resent.headers.location).toBe(`/admin/documents/${documentId}`);
    const editions = await app.stores.documents.editionsOf(documentId);
    expect(editions).toHaveLength(1);
    expect(editions[0]).toMatchObject({
      state: 'submitted',
      content: { title: '一图读懂测试区城乡低保实施办法（修订）' },
    });
    expect(editions[0]!.content.bodyHtml).toContain('<td>1,400</td>');
    const record = await app.stores.interpretations.forEdition(editions[0]!.id);
    expect(record!.blocks.find((b) => b.kind === 'text')).toEqual({
      kind: 'text',
      text: '低保标准提高到每人每月1050元。',
    });

    // Another unit's editor cannot open it; a document that is not an interpretation has no such form.
    const other = await signedIn(server, 'edu.editor');
    expect(
      (await server.inject({ method: 'GET', url: `/admin/interpretations/${documentId}/edit`, cookies: other }))
        .statusCode,
    ).toBe(404);
    expect(
      (await server.inject({ method: 'GET', url: `/admin/interpretations/${policy.documentId}/edit`, cookies: editor }))
        .statusCode,
    ).toBe(404);
  });

  it('reads the data of a chart from an uploaded .xlsx workbook, and says plainly when the file is not one', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRows([['镇街', '2024年', '2025年'], ['城关镇', 120, 135], ['东山镇', 80, 96], []]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const form = await server.inject({
      method: 'GET',
      url: `/admin/interpretations/new?policy=${policy.documentId}`,
      cookies: editor,
    });
    expect(form.body).toContain('enctype="multipart/form-data"');
    const fields = {
      _csrf: csrfFieldOf(form.body),
      orgId: fixture.orgs.get('civ')!.id,
      title: '一图读懂各镇街低保人数',
      policyDocumentId: policy.documentId,
      'chart1.type': 'bar',
      'chart1.title': '各镇街低保人数',
      'chart1.unit': '人',
      'chart1.description': '城关镇2025年135人，东山镇96人，均比上年增加。',
      'chart1.data': '',
    };
    const refused = multipart(fields, [
      { field: 'chart1.file', fileName: '数据.xlsx', bytes: Buffer.from('不是工作簿') },
    ]);
    const bad = await server.inject({ method: 'POST', url: '/admin/interpretations', cookies: editor, ...refused });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('上传的文件不是有效的 Excel 工作簿（.xlsx）');
    expect(bad.body).toContain('value="各镇街低保人数"');

    const body = multipart(fields, [{ field: 'chart1.file', fileName: '数据.xlsx', bytes }]);
    const sent = await server.inject({ method: 'POST', url: '/admin/interpretations', cookies: editor, ...body });
    expect(sent.statusCode).toBe(303);
    const documentId = /\/admin\/documents\/([\w-]+)/.exec(String(sent.headers.location))![1]!;
    const edition = (await app.stores.documents.editionsOf(documentId))[0]!;
    const chart = (await app.stores.interpretations.forEdition(edition.id))!.blocks.find((b) => b.kind === 'chart');
    expect(chart).toMatchObject({
      dataText: '镇街\t2024年\t2025年\n城关镇\t120\t135\n东山镇\t80\t96',
      data: { series: ['2024年', '2025年'] },
    });
  });
});
