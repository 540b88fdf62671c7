import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { csrfFieldOf, keepCookies, signedIn, type CookieJar } from '../http/http-kit.ts';

/** The catalog's review loop through the back office's HTML forms, as staff use them without JavaScript. */
describe.each(DIALECTS)('catalog back office on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    await seedFixture(app, [
      { role: 'editor', org: 'town' },
      { role: 'district_admin', org: 'dist' },
    ]);
    await markAsDemo(app);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server.close();
    await app.cleanup();
  });

  const get = (url: string, jar: CookieJar) => server.inject({ method: 'GET', url, cookies: jar });
  /** Posts a form found on `page`, carrying the page's CSRF token, and follows nothing. */
  const post = async (
    url: string,
    jar: CookieJar,
    fields: Record<string, string | string[]>,
    page: LightMyRequestResponse,
  ) =>
    server.inject({
      method: 'POST',
      url,
      cookies: jar,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(
        Object.entries({ ...fields, _csrf: csrfFieldOf(page.body) }).flatMap(([k, v]): [string, string][] =>
          (typeof v === 'string' ? [v] : v).map((x): [string, string] => [k, x]),
        ),
      ).toString(),
    });
  const flashOf = async (response: LightMyRequestResponse, jar: CookieJar) => {
    expect(response.statusCode).toBe(303);
    const next = await get(String(response.headers.location), keepCookies(response, jar));
    return /class="flash flash-(success|error)"[^>]*>([^<]+)</.exec(next.body)?.slice(1) ?? [];
  };

  it('takes a town catalog from template to approval, with the district office returning it once with a comment on an entry', async () => {
    const editor = await signedIn(server, 'town.editor');
    const office = await signedIn(server, 'dist.district_admin');

    let page = await get('/admin/catalogs/town', editor);
    expect(page.body).toContain('开始编制标准目录');
    expect(await flashOf(await post('/admin/catalogs/town/start', editor, {}, page), editor)).toEqual([
      'success',
      '已创建目录版本，可以开始编制。',
    ]);
    page = await get('/admin/catalogs/town', editor);
    expect(
      await flashOf(await post('/admin/catalogs/town/template', editor, { fieldCode: '20' }, page), editor),
    ).toEqual(['success', '已导入领域标准模板，请结合本单位实际逐条核对修改。']);

    page = await get('/admin/catalogs/town', editor);
    const entryId = /\/admin\/catalog-entries\/([0-9a-z]{16})\/edit/.exec(page.body)![1]!;
    let form = await get(`/admin/catalog-entries/${entryId}/edit`, editor);
    // A refused save keeps what was typed and says what is wrong, next to the element.
    const refused = await post(
      `/admin/catalog-entries/${entryId}`,
      editor,
      {
        fieldCode: '20',
        itemL1: '',
        itemL2: '我的二级事项',
        contentElements: '要素一',
        legalBasis: '',
        timeLimitKind: 'working_days',
        timeLimitDays: '20',
        publisher: '甲镇',
        channels: ['政府网站'],
        audience: ['public'],
        mode: ['proactive'],
        levels: ['township'],
      },
      form,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请填写一级事项。');
    expect(refused.body).toContain('value="我的二级事项"');

    page = await get('/admin/catalogs/town', editor);
    expect(await flashOf(await post('/admin/catalogs/town/submit', editor, {}, page), editor)).toEqual([
      'success',
      '已提交区政府办公室审核。',
    ]);

    page = await get('/admin/catalogs/town', office);
    expect(page.body).toContain('审核通过并发布');
    const versionId = /name="versionId" value="([0-9a-z]{16})"/.exec(page.body)![1]!;
    expect(
      await flashOf(
        await post(
          '/admin/catalogs/town/review',
          office,
          { versionId, decision: 'return', comment: '请核对时限', [`comment-${entryId}`]: '公开主体应写明镇政府' },
          page,
        ),
        office,
      ),
    ).toEqual(['success', '已退回单位修改，意见已逐条送达。']);

    page = await get('/admin/catalogs/town', editor);
    expect(page.body).toContain('区政府办公室退回意见：请核对时限');
    expect(page.body).toContain('审核意见：公开主体应写明镇政府');

    form = await get(`/admin/catalog-entries/${entryId}/edit`, editor);
    expect(form.body).toContain('审核意见：公开主体应写明镇政府');
    const saved = await post(
      `/admin/catalog-entries/${entryId}`,
      editor,
      {
        fieldCode: '20',
        itemL1: '综合业务',
        itemL2: '政策法规文件',
        contentElements: '《社会救助暂行办法》\n各地配套政策',
        legalBasis: '【行政法规】《中华人民共和国政府信息公开条例》',
        timeLimitKind: 'working_days',
        timeLimitDays: '10',
        publisher: '测试区甲镇人民政府',
        channels: ['政府网站', '公开查阅点'],
        audience: ['public'],
        mode: ['proactive'],
        levels: ['township'],
      },
      form,
    );
    expect(await flashOf(saved, editor)).toEqual(['success', '目录事项已保存。']);

    page = await get('/admin/catalogs/town', editor);
    await post('/admin/catalogs/town/submit', editor, {}, page);
    page = await get('/admin/catalogs/town', office);
    expect(
      await flashOf(
        await post('/admin/catalogs/town/review', office, { versionId, decision: 'approve' }, page),
        office,
      ),
    ).toEqual(['success', '目录已审核通过并在政府信息公开专栏发布。']);

    page = await get('/admin/catalogs/town', editor);
    expect(page.body).toContain('已发布：第1版');
    const exported = await get('/admin/catalogs/town/export.xlsx', editor);
    expect(exported.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get('/admin/catalogs/town/timeliness', editor)).body).toContain('尚无公开信息的目录事项（12）');
  });

  it('says plainly when an upload is not a spreadsheet, and keeps the catalog as it was', async () => {
    const editor = await signedIn(server, 'town.editor');
    let page = await get('/admin/catalogs/town', editor);
    await post('/admin/catalogs/town/start', editor, {}, page);
    page = await get('/admin/catalogs/town', editor);
    const boundary = 'gk-test-boundary';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfFieldOf(page.body)}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="catalog.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nnot a workbook\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const response = await server.inject({
      method: 'POST',
      url: '/admin/catalogs/town/import',
      cookies: editor,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    const [kind, text] = await flashOf(response, editor);
    expect(kind).toBe('error');
    expect(text).toContain('文件不是有效的 Excel（.xlsx）文件。');
  });
});
