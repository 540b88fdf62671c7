import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishEdition, type Edition } from '../../src/modules/documents/index.ts';
import type { TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { startPolicySite } from './interpretation-fixtures.ts';
import type { Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, signedIn, type CookieJar } from '../http/http-kit.ts';

/**
 * A response to a public concern (回应关切) end to end: staff record the concern with when it was
 * first reported, write a response that links a policy, a second person publishes it, and the public
 * sees the concern with its timeline and the time to the first response, and the response's page
 * names the concern.
 */
describe.each(DIALECTS)('responses to public concerns on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let editor: CookieJar;
  let policy: Edition;
  let concernId: string;

  beforeAll(async () => {
    ({ app, fixture, policy, server, editor } = await startPolicySite(dialect));
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const post = async (url: string, formUrl: string, payload: Record<string, string>, cookies = editor) => {
    const form = await server.inject({ method: 'GET', url: formUrl, cookies });
    expect(form.statusCode).toBe(200);
    return server.inject({ method: 'POST', url, cookies, payload: { _csrf: csrfFieldOf(form.body), ...payload } });
  };

  it('records a concern, saying beside each field what is wrong and keeping what was typed', async () => {
    const refused = await post('/admin/concerns', '/admin/concerns/new', {
      orgId: fixture.orgs.get('civ')!.id,
      title: '低保标准提高后是否需要重新申请',
      summary: '',
      source: '朋友圈',
      reportedAt: '2026-03-05T09:00',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请简要说明公众关切的内容。');
    expect(refused.body).toContain('请选择关切的来源。');
    expect(refused.body).toContain('首次发现时间不能晚于现在。');
    expect(refused.body).toContain('value="低保标准提高后是否需要重新申请"');

    const created = await post('/admin/concerns', '/admin/concerns/new', {
      orgId: fixture.orgs.get('civ')!.id,
      title: '低保标准提高后是否需要重新申请',
      summary: '不少网民留言询问，标准提高后已在保对象是否要重新提交材料。',
      source: '网民留言',
      reportedAt: '2026-03-01T09:00',
    });
    expect(created.statusCode).toBe(303);
    concernId = /\/admin\/concerns\/([0-9a-z]{16})$/.exec(String(created.headers.location))![1]!;
    expect(await auditTrail(app, { entityType: 'concern' })).toEqual(['concern.created']);
    // Nothing public before a response is published.
    expect((await server.inject({ method: 'GET', url: `/xxgk/hygq/${concernId}` })).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: '/xxgk/hygq' })).body).not.toContain(concernId);
    expect((await server.inject({ method: 'GET', url: '/api/v1/concerns' })).body).not.toContain(concernId);
    const unpublished = await server.inject({ method: 'GET', url: `/api/v1/concerns/${concernId}` });
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.json()).toMatchObject({ code: 'not_found' });
  });

  it('publishes a response after a second person reviews it, with the timeline and the time to respond', async () => {
    const concernPage = `/admin/concerns/${concernId}`;
    const refused = await post(`${concernPage}/responses`, concernPage, {
      title: '',
      text: '已在保对象无需重新申请。',
      link1: 'nosuchdocument01',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('请填写回应的标题。');
    expect(refused.body).toContain('关联的文件（nosuchdocument01）不存在或尚未公开');
    expect(refused.body).toContain('已在保对象无需重新申请。');

    const sent = await post(`${concernPage}/responses`, concernPage, {
      title: '关于低保标准调整后是否需要重新申请的回应',
      text: '已在保对象无需重新申请，新标准自动执行。\n\n如有疑问请拨打12345。',
      link1: policy.documentId,
    });
    expect(sent.statusCode).toBe(303);
    const documentId = /\/admin\/documents\/([0-9a-z]{16})$/.exec(String(sent.headers.location))![1]!;
    const edition = (await app.stores.documents.editionsOf(documentId))[0]!;
    expect(edition).toMatchObject({ state: 'submitted', content: { genre: '回应关切', topic: policy.content.topic } });
    expect(await auditTrail(app, { entityType: 'concern' })).toEqual(['concern.created', 'concern.response_submitted']);
    const admin = await server.inject({ method: 'GET', url: concernPage, cookies: editor });
    expect(admin.body).toContain('关于低保标准调整后是否需要重新申请的回应');
    expect(admin.body).toContain('<span class="tag">待审核</span>');
    // The person who wrote it may not publish it.
    await expect(
      publishEdition({ uow: app.uow, clock: app.clock, actor: fixture.staff('civ.editor'), editionId: edition.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });

    // Published by the reviewer on 2026-03-02 at 10:00, a day and an hour after the first report.
    await publishEdition({
      uow: app.uow,
      clock: app.clock,
      actor: fixture.staff('civ.reviewer'),
      editionId: edition.id,
    });
    const list = await server.inject({ method: 'GET', url: '/xxgk/hygq' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`<a href="/xxgk/hygq/${concernId}">低保标准提高后是否需要重新申请</a>`);
    expect(list.body).toContain('<td>1天1小时</td>');
    const page = await server.inject({ method: 'GET', url: `/xxgk/hygq/${concernId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<dd>1天1小时</dd>');
    expect(page.body).toContain('<time datetime="2026-03-02T02:00:00.000Z">2026-03-02 10:00</time>');
    expect(page.body).toContain(`<a href="/xxgk/doc/${documentId}">关于低保标准调整后是否需要重新申请的回应</a>`);
    expect(page.body).toContain('<p>如有疑问请拨打12345。</p>');
    expect(page.body).toContain(
      `<a href="/xxgk/doc/${policy.documentId}">测试区城乡最低生活保障实施办法</a>（测民发〔2026〕3号）`,
    );
    // The same through the open API.
    const listed = (await server.inject({ method: 'GET', url: '/api/v1/concerns' })).json<{
      items: { id: string; delay: string; publishedResponses: number; url: string }[];
    }>();
    const item = listed.items.find((i) => i.id === concernId)!;
    expect(item).toMatchObject({ delay: '1天1小时', publishedResponses: 1 });
    expect(item.url).toMatch(new RegExp(`^https?://[^/]+/xxgk/hygq/${concernId}$`));
    const detail = (await server.inject({ method: 'GET', url: `/api/v1/concerns/${concernId}` })).json<{
      source: string;
      responses: { documentId: string; publishedAt: string; linked: { documentId: string; docNumber: string }[] }[];
    }>();
    expect(detail.source).toBe('网民留言');
    expect(detail.responses).toHaveLength(1);
    expect(detail.responses[0]).toMatchObject({
      documentId,
      publishedAt: '2026-03-02T02:00:00.000Z',
      linked: [{ documentId: policy.documentId, docNumber: '测民发〔2026〕3号' }],
    });
    const responsePage = await server.inject({ method: 'GET', url: `/xxgk/doc/${documentId}` });
    expect(responsePage.body).toContain(
      `本文回应：<a href="/xxgk/hygq/${concernId}">低保标准提高后是否需要重新申请</a>`,
    );
  });

  it('keeps a concern inside its unit in the back office, and answers odd addresses with 404', async () => {
    const other = await signedIn(server, 'edu.editor');
    expect(
      (await server.inject({ method: 'GET', url: `/admin/concerns/${concernId}`, cookies: other })).statusCode,
    ).toBe(404);
    expect((await server.inject({ method: 'GET', url: '/admin/concerns', cookies: other })).body).not.toContain(
      concernId,
    );
    expect((await server.inject({ method: 'GET', url: '/admin/concerns', cookies: editor })).body).toContain(concernId);
    // The site refuses an encoded slash or NUL before any route (400); the others do not exist.
    for (const [url, status] of [
      ['/xxgk/hygq/..%2f..', 400],
      ['/admin/concerns/%00', 400],
      ['/xxgk/hygq/ZZZZ', 404],
      [`/xxgk/hygq/${'a'.repeat(30)}`, 404],
      ['/admin/concerns/abcdefghjkmnpqrs', 404],
    ] as const) {
      const response = await server.inject({ method: 'GET', url, cookies: url.startsWith('/admin') ? editor : {} });
      expect(response.statusCode, url).toBe(status);
    }
  });
});
