import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition } from '../../src/modules/documents/index.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, signedIn, type CookieJar } from '../http/http-kit.ts';
import { completeGuide, publishedGuide } from './service-fixtures.ts';

/** The guide form's fields for a complete guide, as a browser sends them. */
const GUIDE_FORM: Record<string, string | string[]> = {
  name: '新生儿医保参保登记',
  itemType: '公共服务',
  topic: '卫生、体育',
  audiences: 'person',
  events: ['生育收养', '医疗卫生'],
  basis: '《中华人民共和国社会保险法》第二十五条',
  conditions: '本区户籍或居住证持有人的新生儿。',
  'materials.0.name': '居民身份证',
  'materials.0.form': '原件',
  'materials.0.copies': '1',
  'materials.0.required': 'required',
  'materials.0.notes': '监护人',
  'materials.1.name': '新生儿户口簿',
  'materials.1.form': '复印件',
  'materials.1.copies': '1',
  'materials.1.required': 'deferrable',
  'materials.1.notes': '',
  'steps.0': '网上或窗口申请',
  'steps.1': '医保经办机构审核',
  'steps.2': '登记参保',
  legalDays: '15',
  promisedDays: '3',
  feeFree: 'on',
  place: '测试区政务服务中心二楼医保窗口',
  hours: '工作日 9:00—17:00',
  phone: '0000-87654321',
  complaint: '12345政务服务便民热线',
  'faqs.0.question': '出生多久内要参保？',
  'faqs.0.answer': '出生后三个月内办理。',
};

/**
 * 办事服务 end to end: an editor writes a guide, a missing element refuses it with Chinese messages
 * beside the fields, a second person publishes it, the public finds it in the directory, on its page,
 * in search and through the open API; a 一件事 bundle lists each material once with the services
 * that need it; drafts are never public; bad filters are a 400 in Chinese.
 */
describe.each(DIALECTS)('service guides and bundles on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let editor: CookieJar;
  let guideId: string;
  let birthId: string;
  let firmId: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
    ]);
    server = await createTestServer(app);
    editor = await signedIn(server, 'civ.editor');
    birthId = await publishedGuide(app, fixture, 'civ', completeGuide());
    firmId = await publishedGuide(
      app,
      fixture,
      'edu',
      completeGuide({
        name: '民办培训机构设立审批',
        itemType: '行政许可',
        audiences: ['corp'],
        events: ['设立变更'],
        materials: [{ name: '法定代表人身份证', form: '复印件', copies: 1, required: true, notes: '' }],
        legalDays: 20,
        promisedDays: 10,
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await app.cleanup();
  });

  const post = async (url: string, formUrl: string, payload: Record<string, string | string[]>) => {
    const form = await server.inject({ method: 'GET', url: formUrl, cookies: editor });
    expect(form.statusCode).toBe(200);
    const body = new URLSearchParams();
    body.append('_csrf', csrfFieldOf(form.body));
    for (const [name, value] of Object.entries(payload)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    return server.inject({
      method: 'POST',
      url,
      cookies: editor,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  };
  const get = (url: string) => server.inject({ method: 'GET', url });

  it('refuses a guide that lacks required elements, saying why beside each field and keeping what was typed', async () => {
    const refused = await post('/admin/services/guides', '/admin/services/guides/new', {
      ...GUIDE_FORM,
      orgId: fixture.orgs.get('civ')!.id,
      basis: '',
      phone: '',
      feeFree: '',
      'materials.1.copies': '0',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请填写设定依据（法律、法规、规章或规范性文件的名称及条款）。');
    expect(refused.body).toContain('请填写咨询电话。');
    expect(refused.body).toContain('请填写收费标准，或勾选“本事项不收费”。');
    expect(refused.body).toContain('<p class="field-error" id="materials.1.copies-error">');
    expect(refused.body).toContain('value="新生儿医保参保登记"');
    expect(refused.body).toContain('出生后三个月内办理。');
    const page = await app.stores.documents.findEditions(
      { kind: 'all' },
      { genre: '办事指南' },
      { offset: 0, limit: 10 },
    );
    expect(page.total).toBe(2);
  });

  it('files a guide under a catalog entry only with its formation date, and only under a published entry', async () => {
    const undated = await post('/admin/services/guides', '/admin/services/guides/new', {
      ...GUIDE_FORM,
      orgId: fixture.orgs.get('civ')!.id,
      catalogEntryKey: 'no-such-entry',
      formedOn: '',
    });
    expect(undated.statusCode).toBe(400);
    expect(undated.body).toContain('归入目录事项的信息须填写信息形成或变更日期，用于计算公开时限。');
    const unknown = await post('/admin/services/guides', '/admin/services/guides/new', {
      ...GUIDE_FORM,
      orgId: fixture.orgs.get('civ')!.id,
      catalogEntryKey: 'no-such-entry',
      formedOn: '2026-03-01',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<p class="field-error" id="catalogEntryKey-error">');
    const page = await app.stores.documents.findEditions(
      { kind: 'all' },
      { genre: '办事指南' },
      { offset: 0, limit: 10 },
    );
    expect(page.total).toBe(2);
  });

  it('publishes a guide only when a second person approves it; until then nothing is public', async () => {
    const sent = await post('/admin/services/guides', '/admin/services/guides/new', {
      ...GUIDE_FORM,
      orgId: fixture.orgs.get('civ')!.id,
    });
    expect(sent.statusCode).toBe(303);
    guideId = /\/admin\/documents\/([0-9a-z]{16})$/.exec(String(sent.headers.location))![1]!;
    const [edition] = await app.stores.documents.editionsOf(guideId);
    expect(edition).toMatchObject({ state: 'submitted', content: { genre: '办事指南', topic: '卫生、体育' } });
    expect(await auditTrail(app, { entityType: 'service_guide', entityId: guideId })).toEqual([
      'service_guide.submitted',
    ]);

    // In review: not on the public site, not in the API.
    expect((await get(`/bsfw/zn/${guideId}`)).statusCode).toBe(404);
    expect((await get('/bsfw/')).body).not.toContain('新生儿医保参保登记');
    expect((await get('/api/v1/services')).body).not.toContain(guideId);
    expect((await get(`/api/v1/services/${guideId}`)).statusCode).toBe(404);
    expect((await get(`/search?q=${encodeURIComponent('医保经办机构审核')}`)).body).not.toContain(guideId);

    await expect(
      publishEdition({ uow: app.uow, clock: app.clock, actor: fixture.staff('civ.editor'), editionId: edition!.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: edition!.id,
    });

    const page = await get(`/bsfw/zn/${guideId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="document-title">新生儿医保参保登记</h1>');
    expect(page.body).toContain('《中华人民共和国社会保险法》第二十五条');
    expect(page.body).toContain('<td>新生儿户口簿</td><td>复印件</td><td>1份</td><td>容缺</td>');
    expect(page.body).toContain('法定15个工作日，承诺3个工作日');
    expect(page.body).toContain('<dt>出生多久内要参保？</dt>');
    // Found by the site's search, with no search code of its own: the body carries the elements.
    expect((await get(`/search?q=${encodeURIComponent('医保经办机构审核')}`)).body).toContain(`/xxgk/doc/${guideId}`);
    const detail = (await get(`/api/v1/services/${guideId}`)).json<Record<string, unknown>>();
    expect(detail).toMatchObject({
      name: '新生儿医保参保登记',
      itemType: '公共服务',
      audiences: ['person'],
      events: ['生育收养', '医疗卫生'],
      promisedDays: 3,
      fee: null,
      org: { code: 'civ' },
    });
  });

  it('sends the next edition of a published guide from its filled form; the public sees the old one until it is approved', async () => {
    const form = await server.inject({ method: 'GET', url: `/admin/services/guides/${guideId}/edit`, cookies: editor });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="新生儿医保参保登记"');
    expect(form.body).toContain('出生后三个月内办理。');
    const sent = await post(`/admin/services/guides/${guideId}`, `/admin/services/guides/${guideId}/edit`, {
      ...GUIDE_FORM,
      orgId: fixture.orgs.get('civ')!.id,
      promisedDays: '2',
      changeNote: '承诺时限由3个工作日压缩为2个工作日。',
    });
    expect(sent.statusCode).toBe(303);
    const editions = (await app.stores.documents.editionsOf(guideId)).sort((a, b) => a.number - b.number);
    expect(editions.map((e) => e.state)).toEqual(['published', 'submitted']);
    expect((await get(`/bsfw/zn/${guideId}`)).body).toContain('承诺3个工作日');
    // A second one while the first is in review is refused on the form, with what was typed kept.
    const again = await post(`/admin/services/guides/${guideId}`, `/admin/services/guides/${guideId}/edit`, {
      ...GUIDE_FORM,
      orgId: fixture.orgs.get('civ')!.id,
      promisedDays: '1',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('value="新生儿医保参保登记"');
    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: editions[1]!.id,
    });
    expect((await get(`/bsfw/zn/${guideId}`)).body).toContain('承诺2个工作日');
    // Another unit's editor may not open it.
    const other = await signedIn(server, 'edu.editor');
    expect(
      (await server.inject({ method: 'GET', url: `/admin/services/guides/${guideId}/edit`, cookies: other }))
        .statusCode,
    ).toBe(404);
  });

  it('filters the directory and the API by audience, unit and life event', async () => {
    const listed = async (query: string) => {
      const response = await get(`/bsfw/${query}`);
      expect(response.statusCode).toBe(200);
      return [birthId, firmId, guideId].filter((id) => response.body.includes(`/bsfw/zn/${id}`));
    };
    expect(await listed('')).toEqual([birthId, firmId, guideId]);
    expect(await listed('?audience=person')).toEqual([birthId, guideId]);
    expect(await listed('?audience=corp')).toEqual([firmId]);
    expect(await listed('?org=edu')).toEqual([firmId]);
    expect(await listed('?org=dist&event=医疗卫生')).toEqual([guideId]);
    expect(await listed('?audience=&org=&event=户籍办理')).toEqual([birthId]);
    const api = (await get('/api/v1/services?audience=person&pageSize=1')).json<{
      items: { id: string }[];
      total: number;
    }>();
    expect(api.total).toBe(2);
    expect(api.items).toHaveLength(1);
    const byEvent = (await get(`/api/v1/services?event=${encodeURIComponent('设立变更')}`)).json<{
      items: { id: string }[];
    }>();
    expect(byEvent.items.map((i) => i.id)).toEqual([firmId]);
  });

  it('lists each material of a 一件事 bundle once, with the services that need it', async () => {
    const refused = await post('/admin/services/bundles', '/admin/services/bundles/new', {
      orgId: fixture.orgs.get('civ')!.id,
      name: '新生儿出生一件事',
      summary: '出生登记和医保参保一次办。',
      audiences: 'person',
      event: '生育收养',
      'guides.0': birthId,
      'guides.1': 'nosuchdocument01',
      steps: '网上申请\n联合审核\n结果送达',
      promisedDays: '5',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('所选办事指南（nosuchdocument01）不存在或尚未公开。');
    expect(refused.body).toContain('出生登记和医保参保一次办。');

    const sent = await post('/admin/services/bundles', '/admin/services/bundles/new', {
      orgId: fixture.orgs.get('civ')!.id,
      name: '新生儿出生一件事',
      summary: '出生登记和医保参保一次办。',
      audiences: 'person',
      event: '生育收养',
      'guides.0': birthId,
      'guides.1': guideId,
      steps: '网上申请\n联合审核\n结果送达',
      promisedDays: '5',
    });
    expect(sent.statusCode).toBe(303);
    const bundleId = /\/admin\/documents\/([0-9a-z]{16})$/.exec(String(sent.headers.location))![1]!;
    expect((await get(`/bsfw/yjs/${bundleId}`)).statusCode).toBe(404);
    expect((await get('/api/v1/bundles')).json<{ total: number }>().total).toBe(0);
    const [edition] = await app.stores.documents.editionsOf(bundleId);
    expect(edition!.content.genre).toBe('一件事');
    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: edition!.id,
    });

    const page = await get(`/bsfw/yjs/${bundleId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<td>居民身份证<\/td>/g)).toHaveLength(1);
    expect(page.body).toContain(
      `<td><a href="/bsfw/zn/${birthId}">出生登记</a>、<a href="/bsfw/zn/${guideId}">新生儿医保参保登记</a></td>`,
    );
    expect(page.body).toContain('<li>联合审核</li>');
    expect((await get(`/bsfw/?event=${encodeURIComponent('生育收养')}`)).body).toContain(`/bsfw/yjs/${bundleId}`);
    const api = (await get(`/api/v1/bundles/${bundleId}`)).json<{
      materials: { name: string; neededBy: string[] }[];
      services: { id: string }[];
    }>();
    expect(api.services.map((s) => s.id)).toEqual([birthId, guideId]);
    expect(api.materials).toEqual([
      expect.objectContaining({ name: '出生医学证明', neededBy: [birthId] }),
      expect.objectContaining({ name: '居民身份证', neededBy: [birthId, guideId] }),
      expect.objectContaining({ name: '新生儿户口簿', neededBy: [guideId] }),
    ]);
    expect(await auditTrail(app, { entityType: 'service_bundle', entityId: bundleId })).toEqual([
      'service_bundle.submitted',
    ]);
  });

  it.each([
    ['/bsfw/?audience=everyone', '服务对象只能是“个人”（person）或“法人”（corp）。'],
    [`/bsfw/?event=${encodeURIComponent('旅游')}`, '主题不在主题目录中。'],
    ['/bsfw/?page=0', '页码应为1至100000之间的整数。'],
    ['/bsfw/?page=1&page=2', '页码应为1至100000之间的整数。'],
    ['/bsfw/?org=%3Cscript%3E', '实施单位代码格式不正确。'],
    ['/bsfw/zn/NOT-AN-ID', '编号格式不正确。'],
  ])('refuses %s with a 400 in Chinese', async (url, message) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain(message);
  });

  it('answers bad API filters with a 400 in Chinese and an unknown unit with a 404', async () => {
    const bad = await get('/api/v1/services?pageSize=1000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
    expect(bad.body).toContain('每页条数应为1至100之间的整数。');
    expect((await get('/bsfw/?org=nosuchunit')).statusCode).toBe(404);
    const openApi = (await get('/api/v1/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/services', '/api/v1/services/{id}', '/api/v1/bundles', '/api/v1/bundles/{id}']),
    );
  });
});
