import type { FastifyInstance } from 'fastify';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { parseInput } from '../../../platform/validation.ts';
import { feedAlternates } from '../../documents/index.ts';
import { publishedBundleView, publishedGuideView, serviceDirectory } from '../queries/directory.ts';
import { SERVICE_TEXT } from '../strings.ts';
import { BundlePage } from '../views/bundle-page.tsx';
import { ServiceDirectory } from '../views/directory.tsx';
import { GuidePage } from '../views/guide-page.tsx';
import { DIRECTORY_PATH } from '../views/paths.ts';
import type { ServiceWebDeps } from './deps.ts';
import { DirectoryQuery, ServiceIdParams } from './schemas.ts';

const PAGE_SIZE = 20;
const HOME_CRUMB: Crumb = { label: '首页', href: '/' };
const DIRECTORY_CRUMB: Crumb = { label: SERVICE_TEXT.sectionTitle, href: DIRECTORY_PATH };

/**
 * 办事服务 on the public site: the directory of published guides and bundles (by audience, unit and
 * life event), a guide's page and a bundle's page. Public and the same for everybody, so served from
 * the shared page cache; a bad filter is refused with a 400 in Chinese.
 */
export function registerServicePublicRoutes(app: FastifyInstance, ctx: ServiceWebDeps): void {
  app.get(DIRECTORY_PATH, async (request, reply) => {
    const query = parseInput(DirectoryQuery, request.query);
    const view = await serviceDirectory(ctx.stores, query, { offset: (query.page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const narrowed = [
      query.audience ? SERVICE_TEXT.audiences[query.audience] : '',
      view.unit?.name ?? '',
      query.event ?? '',
    ].filter((s) => s !== '');
    const heading =
      narrowed.length > 0 ? `${SERVICE_TEXT.sectionTitle}：${narrowed.join(' · ')}` : SERVICE_TEXT.sectionTitle;
    return sendPublicPage(ctx, request, reply, {
      title: heading,
      active: 'bsfw',
      crumbs: [HOME_CRUMB, { label: SERVICE_TEXT.sectionTitle }],
      // The newest guides of the unit chosen as a feed: the documents' genre feed carries them.
      alternates: feedAlternates(`${view.unit?.name ?? ''}${SERVICE_TEXT.guideGenre}`, {
        org: view.unit?.code,
        genre: SERVICE_TEXT.guideGenre,
      }),
      body: (
        <ServiceDirectory
          heading={heading}
          view={view}
          filter={{ audience: query.audience ?? '', org: view.unit?.code ?? '', event: query.event ?? '' }}
          page={query.page}
          pageSize={PAGE_SIZE}
        />
      ),
    });
  });

  app.get('/bsfw/zn/:id', async (request, reply) => {
    const { id } = parseInput(ServiceIdParams, request.params);
    const view = await publishedGuideView(ctx.stores, id);
    return sendPublicPage(ctx, request, reply, {
      title: view.title,
      active: 'bsfw',
      crumbs: [HOME_CRUMB, DIRECTORY_CRUMB, { label: view.title }],
      body: (
        <GuidePage
          documentId={view.documentId}
          title={view.title}
          publishedOn={view.publishedOn}
          orgName={view.orgName}
          orgCode={view.orgCode}
          guide={view.record}
        />
      ),
    });
  });

  app.get('/bsfw/yjs/:id', async (request, reply) => {
    const { id } = parseInput(ServiceIdParams, request.params);
    const view = await publishedBundleView(ctx.stores, id);
    return sendPublicPage(ctx, request, reply, {
      title: view.title,
      active: 'bsfw',
      crumbs: [HOME_CRUMB, DIRECTORY_CRUMB, { label: view.title }],
      body: <BundlePage view={view} />,
    });
  });
}
