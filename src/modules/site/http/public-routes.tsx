import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { SiteWebDeps } from './deps.ts';
import { registerDiscoveryRoutes } from './discovery-routes.ts';
import { ELDER_COOKIE } from '../../../platform/http/context.ts';
import { safeNext } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { PUBLIC_ACTOR } from '../../access/index.ts';
import { DOCUMENT_TEXT, feedAlternates, findEditions, DocumentTable, SUB_COLUMNS } from '../../documents/index.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';

/** The 适老化 switch: on or off, and the page to go back to; anything odd is ignored. */
const A11yQuery = z.object({
  elder: z.enum(['0', '1']).optional().catch(undefined),
  return: z.string().max(2048).optional().catch(undefined),
});

/** The home page (public content only, also for signed-in staff), the 适老化 switch, robots.txt and the sitemaps. */
export function registerSitePublicRoutes(app: FastifyInstance, ctx: SiteWebDeps): void {
  registerDiscoveryRoutes(app, ctx);
  app.get('/', async (request, reply) => {
    const site = await ctx.siteSettings.get();
    const latest = await findEditions({
      documents: ctx.stores.documents,
      actor: PUBLIC_ACTOR,
      filter: {},
      page: { offset: 0, limit: 10 },
    });
    const normative = await findEditions({
      documents: ctx.stores.documents,
      actor: PUBLIC_ACTOR,
      filter: { genre: '通知' },
      page: { offset: 0, limit: 5 },
    });
    return sendPublicPage(ctx, request, reply, {
      title: '首页',
      active: 'home',
      alternates: feedAlternates(DOCUMENT_TEXT.proactiveTitle, {}),
      body: (
        <div class="home">
          <section class="panel home-intro">
            <h1>{site.siteName}</h1>
            <p>
              这里是{site.districtName}
              政务公开的统一平台。区政府、各部门、各镇（街道）和村（社区）在此公开政府信息，公众可以查阅、下载和依法申请公开。
            </p>
            <form method="get" action="/search" class="search-form" role="search">
              <label for="home-q">检索政府信息</label>
              <input id="home-q" name="q" type="search" placeholder="标题、文号、索引号或正文中的字词" />
              <button type="submit" class="button primary">
                检索
              </button>
            </form>
          </section>
          <section class="panel">
            <h2>政府信息公开</h2>
            <ul class="card-grid">
              {SUB_COLUMNS.map((column) => (
                <li>
                  <a class="card" href={column.href}>
                    {column.label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <section class="panel">
            <h2>最新公开</h2>
            <DocumentTable items={latest.items} showOrg caption="最新公开的政府信息" />
            <p class="more">
              <a href="/xxgk/fdzdgknr">更多</a>
            </p>
          </section>
          <section class="panel">
            <h2>通知公告</h2>
            <DocumentTable items={normative.items} showOrg caption="通知公告" />
          </section>
        </div>
      ),
    });
  });

  // 适老化: a plain link that works without JavaScript, remembered for a year.
  // It sets a cookie: never answered from the shared page cache.
  app.get('/a11y', { config: { pageCache: false } }, async (request, reply) => {
    const query = parseInput(A11yQuery, request.query);
    const on = query.elder === '1';
    void reply.setCookie(ELDER_COOKIE, on ? '1' : '0', {
      path: '/',
      maxAge: 365 * 24 * 3600,
      sameSite: 'lax',
      httpOnly: true,
      secure: ctx.config.secureCookies,
    });
    return reply.redirect(safeNext(query.return, '/'), 303);
  });
}
