import { documentHref } from '../commands/public-index.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentsWebDeps } from './deps.ts';
import { DomainError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { PUBLIC_ACTOR } from '../../access/index.ts';
import { ancestry, buildTree } from '../../orgs/index.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { findEditions } from '../queries/find-editions.ts';
import { getPublicDocument } from '../queries/get-document.ts';
import { readAttachment } from '../queries/read-attachment.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import {
  BrowseSidebar,
  ColumnFrame,
  DocumentListSection,
  DocumentPage,
  DocumentTable,
  SUB_COLUMNS,
} from '../views/column.tsx';
import { OnRequestGuide } from '../views/on-request-guide.tsx';
import { bundlePath, registerBundleRoutes } from './bundle-routes.ts';
import { feedAlternates, registerFeedRoutes } from './feed-routes.ts';
import { GENRE_LISTS, proactiveList } from './list-filters.ts';
import { IdParams, PublicListQuery } from './schemas.ts';

const COLUMN_CRUMB: Crumb = { label: '首页', href: '/' };
const XXGK_CRUMB: Crumb = { label: DOCUMENT_TEXT.columnTitle, href: '/xxgk/' };

/**
 * The 政府信息公开 column: its sub-columns, browse pages, document pages and attachment downloads.
 * Every read here is a public read, whoever asks: a signed-in member of staff browsing the public
 * site must see what the public sees, never drafts (staff read those in the back office).
 */
export function registerColumnRoutes(app: FastifyInstance, ctx: DocumentsWebDeps): void {
  const { stores } = ctx;

  app.get('/xxgk/', async (request, reply) => {
    const latest = await findEditions({
      documents: stores.documents,
      actor: PUBLIC_ACTOR,
      filter: {},
      page: { offset: 0, limit: 15 },
    });
    const site = await ctx.shell.site();
    return sendPublicPage(ctx, request, reply, {
      title: DOCUMENT_TEXT.columnTitle,
      active: 'xxgk',
      alternates: feedAlternates(DOCUMENT_TEXT.proactiveTitle, {}),
      crumbs: [COLUMN_CRUMB, { label: DOCUMENT_TEXT.columnTitle }],
      body: (
        <ColumnFrame>
          <section class="panel">
            <h1>政府信息公开</h1>
            <p>
              {site.districtName}
              各级行政机关依照《中华人民共和国政府信息公开条例》在本栏目统一公开政府信息。本栏目共公开信息{' '}
              {latest.total} 条，可按发布机构、试点领域和主题分类浏览。
            </p>
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
              <a href="/xxgk/fdzdgknr">查看全部法定主动公开内容</a>
            </p>
          </section>
        </ColumnFrame>
      ),
    });
  });

  for (const list of GENRE_LISTS) {
    if ('listed' in list && !list.listed) continue;
    const { path, key, heading, genre } = list;
    app.get(path, async (request, reply) => {
      const query = parseInput(PublicListQuery, request.query);
      const result = await findEditions({
        documents: stores.documents,
        actor: PUBLIC_ACTOR,
        filter: { genre, query: query.q },
        page: { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      });
      return sendPublicPage(ctx, request, reply, {
        title: heading,
        active: key === 'gknb' ? 'gknb' : 'xxgk',
        crumbs: [COLUMN_CRUMB, XXGK_CRUMB, { label: heading }],
        body: (
          <ColumnFrame active={key}>
            <DocumentListSection
              heading={heading}
              items={result.items}
              total={result.total}
              page={query.page}
              pageSize={query.pageSize}
              pageHref={(page) => `${path}?page=${page}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`}
              search={{ action: path, value: query.q ?? '', hidden: {} }}
              bundleHref={bundlePath(path, { q: query.q })}
            />
          </ColumnFrame>
        ),
      });
    });
  }
  registerBundleRoutes(app, ctx);
  registerFeedRoutes(app, ctx);

  app.get('/xxgk/fdzdgknr', async (request, reply) => {
    const query = parseInput(PublicListQuery, request.query);
    const { filter, heading, orgs, selectedOrg, field } = await proactiveList(stores, query);
    const result = await findEditions({
      documents: stores.documents,
      actor: PUBLIC_ACTOR,
      filter,
      page: { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    });
    const params = { org: query.org, field: query.field, topic: query.topic, q: query.q };
    return sendPublicPage(ctx, request, reply, {
      title: heading === DOCUMENT_TEXT.proactiveTitle ? heading : `${heading} - ${DOCUMENT_TEXT.proactiveTitle}`,
      active: 'fdzdgknr',
      alternates: feedAlternates(heading, { org: query.org, field: query.field, topic: query.topic }),
      crumbs: [
        COLUMN_CRUMB,
        XXGK_CRUMB,
        { label: DOCUMENT_TEXT.proactiveTitle, href: '/xxgk/fdzdgknr' },
        ...(selectedOrg
          ? ancestry(orgs, selectedOrg.id).map((o) => ({ label: o.shortName, href: `/xxgk/fdzdgknr?org=${o.code}` }))
          : []),
        ...(field ? [{ label: field.name }] : []),
        ...(query.topic ? [{ label: query.topic }] : []),
      ],
      body: (
        <ColumnFrame active="fdzdgknr" sidebar={<BrowseSidebar tree={buildTree(orgs)} selection={params} />}>
          <DocumentListSection
            heading={heading}
            items={result.items}
            total={result.total}
            page={query.page}
            pageSize={query.pageSize}
            pageHref={(page) => `/xxgk/fdzdgknr?${queryString({ ...params, page: String(page) })}`}
            search={{
              action: '/xxgk/fdzdgknr',
              value: query.q ?? '',
              hidden: { org: query.org, field: query.field, topic: query.topic },
            }}
            bundleHref={bundlePath('/xxgk/fdzdgknr', params)}
          />
        </ColumnFrame>
      ),
    });
  });

  app.get('/xxgk/ysqgk', async (request, reply) => {
    const site = await ctx.shell.site();
    return sendPublicPage(ctx, request, reply, {
      title: DOCUMENT_TEXT.onRequestTitle,
      active: 'ysqgk',
      crumbs: [COLUMN_CRUMB, XXGK_CRUMB, { label: DOCUMENT_TEXT.onRequestTitle }],
      body: (
        <ColumnFrame active="ysqgk">
          <OnRequestGuide districtName={site.districtName} />
        </ColumnFrame>
      ),
    });
  });

  // The short address SMS pushes carry (70 characters leave little room for a link).
  app.get('/d/:id', async (request, reply) => {
    const { id } = parseNotFound(IdParams, request.params);
    return reply.redirect(documentHref(id), 301);
  });

  app.get('/xxgk/doc/:id', async (request, reply) => {
    const { id } = parseNotFound(IdParams, request.params);
    const view = await getPublicDocument({ documents: stores.documents, orgs: stores.orgs, documentId: id });
    const additions = await ctx.pageAdditions.forPage({ documentId: id, editionId: view.edition.id });
    return sendPublicPage(ctx, request, reply, {
      title: view.edition.content.title,
      active: 'fdzdgknr',
      crumbs: [
        COLUMN_CRUMB,
        XXGK_CRUMB,
        { label: DOCUMENT_TEXT.proactiveTitle, href: '/xxgk/fdzdgknr' },
        { label: view.org.shortName, href: `/xxgk/fdzdgknr?org=${view.org.code}` },
        { label: '正文' },
      ],
      body: (
        <ColumnFrame active="fdzdgknr">
          <DocumentPage view={view} additions={additions} />
        </ColumnFrame>
      ),
    });
  });

  // Files, not pages: never kept in the shared page cache.
  app.get('/xxgk/files/:id/*', { config: { pageCache: false } }, downloadAttachment);
  app.get('/xxgk/files/:id', { config: { pageCache: false } }, downloadAttachment);

  async function downloadAttachment(request: FastifyRequest, reply: FastifyReply) {
    const { id } = parseNotFound(IdParams, { id: (request.params as { id: string }).id });
    const { attachment, bytes } = await readAttachment({
      documents: stores.documents,
      orgs: stores.orgs,
      files: ctx.files,
      actor: PUBLIC_ACTOR,
      attachmentId: id,
    });
    return reply
      .header('content-type', attachment.mediaType)
      .header('content-length', String(bytes.length))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=300')
      .send(bytes);
  }
}

/** Malformed ids in a public URL are simply pages that do not exist. */
function parseNotFound<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainError('not_found');
  return result.data;
}

function queryString(params: Record<string, string | undefined>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}
