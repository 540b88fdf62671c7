import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { isDomainError } from '../../src/platform/errors.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { signedIn, type CookieJar } from '../http/http-kit.ts';

const TITLE = '关于<script>alert(1)</script>"><img src=x onerror=alert(2)>的通知';
const KEYWORDS = ['<script>k()</script>', '"><img onerror=k>'];
const ISSUER = '<img src=x onerror=alert(5)>测试区教育局';
const BODY =
  '<p>正文第一段。</p><script>alert(6)</script><img src="https://x.cn/a.png" onerror="alert(7)">' +
  '<a href="javascript:alert(8)">点此</a><a href="JaVaScRiPt:alert(9)">再点</a><p onclick="alert(10)">尾段</p>';

/** Markup that would run if it reached a browser as it was typed. */
const LIVE_MARKUP = [
  /<script>(alert|k\()/i,
  /<[a-z][^<>]*\sonerror\s*=/i,
  /<[a-z][^<>]*\sonclick\s*=/i,
  /<a[^<>]*href\s*=\s*"?\s*javascript:/i,
];

/**
 * What people type ends up on pages as text or is stripped: a title, keywords, a 发布机构 and a body
 * carrying scripts, event handlers and javascript: links, on the public page, the public lists,
 * the home page and the back office's list and document page.
 */
describe.each(DIALECTS)('escaping on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let documentId: string;
  let jar: CookieJar;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
    ]);
    await markAsDemo(app);
    const deps = { uow: app.uow, clock: app.clock, sanitiser: app.sanitiser };
    const { edition } = await createDraft({
      ...deps,
      actor: fixture.staff('edu.editor'),
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent({ title: TITLE, keywords: KEYWORDS, issuer: ISSUER, bodyHtml: BODY, docNumber: '' }),
    });
    await submitEdition({ ...deps, actor: fixture.staff('edu.editor'), editionId: edition.id });
    await publishEdition({ ...deps, actor: fixture.staff('edu.reviewer'), editionId: edition.id });
    documentId = edition.documentId;
    server = await createTestServer(app);
    jar = await signedIn(server, 'edu.reviewer');
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it.each([
    {
      page: 'the public document page',
      url: () => `/xxgk/doc/${documentId}`,
      staff: false,
      shows: ['title', 'keywords', 'issuer', 'body'],
    },
    { page: 'the column', url: () => '/xxgk/', staff: false, shows: ['title'] },
    { page: 'the proactive list', url: () => '/xxgk/fdzdgknr?q=alert', staff: false, shows: ['title'] },
    { page: 'the home page', url: () => '/', staff: false, shows: ['title'] },
    { page: 'the back office list', url: () => '/admin/documents', staff: true, shows: ['title'] },
    {
      page: 'the back office document page',
      url: () => `/admin/documents/${documentId}`,
      staff: true,
      shows: ['title', 'body'],
    },
  ])('shows hostile input on $page as text or not at all', async ({ url, staff, shows }) => {
    const response = await server.inject({ method: 'GET', url: url(), ...(staff ? { cookies: jar } : {}) });
    expect(response.statusCode).toBe(200);
    for (const pattern of LIVE_MARKUP) expect(response.body, String(pattern)).not.toMatch(pattern);
    if (shows.includes('title')) expect(response.body).toContain('关于&lt;script&gt;alert(1)&lt;/script&gt;');
    if (shows.includes('keywords')) expect(response.body).toContain('&lt;script&gt;k()&lt;/script&gt;');
    if (shows.includes('issuer')) expect(response.body).toContain('&lt;img src=x onerror=alert(5)&gt;测试区教育局');
    if (shows.includes('body')) {
      expect(response.body).toContain('<p>正文第一段。</p>');
      expect(response.body).toContain('点此');
      expect(response.body).toContain('<p>尾段</p>');
    }
  });

  it('refuses a 文号 carrying markup instead of storing it', async () => {
    const attempt = createDraft({
      uow: app.uow,
      clock: app.clock,
      sanitiser: app.sanitiser,
      actor: fixture.staff('edu.editor'),
      orgId: fixture.orgs.get('edu')!.id,
      input: sampleContent({ docNumber: '测教发<script>〔2026〕3号' }),
    });
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isDomainError(error, 'validation_failed') && error.fields.map((f) => f.field)).toEqual(['docNumber']);
  });
});
