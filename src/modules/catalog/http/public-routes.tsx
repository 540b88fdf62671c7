import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CatalogWebDeps } from './deps.ts';
import { DomainError } from '../../../platform/errors.ts';
import { PUBLIC_ACTOR } from '../../access/index.ts';
import { findEditions, DOCUMENT_TEXT, ColumnFrame } from '../../documents/index.ts';
import { sortAsTree } from '../../orgs/index.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { catalogToSheets } from '../domain/sheet.ts';
import { getCatalogOverview, getPublicCatalog } from '../queries/catalog-views.ts';
import { CATALOG_PUBLIC_TEXT as TEXT } from '../strings.ts';
import { CATALOG_COLUMN_PATH, catalogEntryPath, catalogPath, linkVersion } from '../views/catalog-links.ts';
import { CatalogEntryPage } from '../views/public-catalog-entry.tsx';
import { CatalogOverviewPage } from '../views/public-catalog-overview.tsx';
import { UnitCatalogPage } from '../views/public-unit-catalog.tsx';

/** Unit codes as the unit tree allows them (letters, digits, hyphen). */
const OrgParams = z.object({ orgCode: z.string().regex(/^[A-Za-z0-9-]{2,32}$/) });
const EntryParams = OrgParams.extend({ entryKey: z.string().regex(/^[0-9a-z]{16}$/) });

/** An empty value is no value: `?version=` shows the version in force. */
const emptyAsMissing = (value: unknown) => (value === '' ? undefined : value);
const VersionQuery = z.object({
  version: z.preprocess(emptyAsMissing, z.coerce.number().int().min(1).max(9999).optional()),
});
const EntryQuery = VersionQuery.extend({
  page: z.preprocess(emptyAsMissing, z.coerce.number().int().min(1).max(100_000).default(1)),
});

const PAGE_SIZE = 20;
const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOME_CRUMB: Crumb = { label: '首页', href: '/' };
const XXGK_CRUMB: Crumb = { label: DOCUMENT_TEXT.columnTitle, href: '/xxgk/' };
const CATALOG_CRUMB: Crumb = { label: TEXT.title, href: CATALOG_COLUMN_PATH };

/**
 * The standard catalogs in the 政府信息公开 column (国办发〔2019〕54号: each unit's catalog is
 * published on the portal): the district overview, a unit's catalog with its changes and earlier
 * versions, one entry with the information filed under it, and the catalog as a spreadsheet.
 * Everything here is public: only published (and superseded) versions are ever read.
 */
export function registerCatalogPublicRoutes(app: FastifyInstance, ctx: CatalogWebDeps): void {
  const { stores } = ctx;

  app.get(CATALOG_COLUMN_PATH, async (request, reply) => {
    const overview = await getCatalogOverview({ stores });
    return sendPublicPage(ctx, request, reply, {
      title: TEXT.title,
      active: 'xxgk',
      crumbs: [HOME_CRUMB, XXGK_CRUMB, { label: TEXT.title }],
      body: (
        <ColumnFrame active="bzml">
          <CatalogOverviewPage
            orgs={sortAsTree(overview.orgs)}
            published={overview.published}
            localFields={overview.localFields}
          />
        </ColumnFrame>
      ),
    });
  });

  app.get(`${CATALOG_COLUMN_PATH}/:orgCode`, async (request, reply) => {
    const { orgCode } = parseNotFound(OrgParams, request.params);
    const { version } = parseNotFound(VersionQuery, request.query);
    const view = await getPublicCatalog({ stores, orgCode, versionNumber: version });
    // Earlier versions stay public: the catalog's history is part of what is disclosed.
    const versions = (await stores.catalogs.versionsOf(view.org.id)).filter(
      (v) => v.state === 'published' || v.state === 'superseded',
    );
    const title = TEXT.catalogTitle(view.org.name);
    const isCurrent = view.version.state === 'published';
    return sendPublicPage(ctx, request, reply, {
      title: isCurrent ? title : `${title}（${TEXT.versionLabel(view.version.number)}）`,
      active: 'xxgk',
      crumbs: [
        HOME_CRUMB,
        XXGK_CRUMB,
        CATALOG_CRUMB,
        ...(isCurrent
          ? [{ label: view.org.shortName }]
          : [
              { label: view.org.shortName, href: catalogPath(view.org.code) },
              { label: TEXT.versionLabel(view.version.number) },
            ]),
      ],
      body: (
        <ColumnFrame active="bzml">
          <UnitCatalogPage view={view} versions={versions} />
        </ColumnFrame>
      ),
    });
  });

  // A workbook, not a page: never shared through the public page cache.
  app.get(`${CATALOG_COLUMN_PATH}/:orgCode.xlsx`, { config: { pageCache: false } }, async (request, reply) => {
    const { orgCode } = parseNotFound(OrgParams, request.params);
    const { version } = parseNotFound(VersionQuery, request.query);
    const view = await getPublicCatalog({ stores, orgCode, versionNumber: version });
    const bytes = await ctx.workbooks.write(catalogToSheets(view.entries, view.org.name, view.localFields));
    const fileName = TEXT.workbookName(view.org.name, linkVersion(view.version));
    return (
      reply
        .header('content-type', WORKBOOK_TYPE)
        .header('content-length', String(bytes.length))
        // An ASCII name for old clients, the Chinese name for everyone else (RFC 6266, RFC 5987).
        .header(
          'content-disposition',
          `attachment; filename="catalog-${view.org.code}-v${view.version.number}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=300')
        .send(bytes)
    );
  });

  app.get(`${CATALOG_COLUMN_PATH}/:orgCode/:entryKey`, async (request, reply) => {
    const { orgCode, entryKey } = parseNotFound(EntryParams, request.params);
    const query = parseNotFound(EntryQuery, request.query);
    const view = await getPublicCatalog({ stores, orgCode, versionNumber: query.version });
    const entry = view.entries.find((e) => e.key === entryKey);
    if (!entry) throw new DomainError('not_found', { message: TEXT.noEntry });
    const documents = await findEditions({
      documents: stores.documents,
      actor: PUBLIC_ACTOR,
      // A village files under its town's catalog, so the unit's whole subtree counts.
      filter: { catalogEntryKeys: [entry.key], orgSubtreeOf: view.org.id },
      page: { offset: (query.page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    });
    const linked = linkVersion(view.version);
    const path = catalogEntryPath(view.org.code, entry.key, linked);
    const label = entry.itemL2 ? `${entry.itemL1}：${entry.itemL2}` : entry.itemL1;
    return sendPublicPage(ctx, request, reply, {
      title: `${label} - ${TEXT.catalogTitle(view.org.name)}`,
      active: 'xxgk',
      crumbs: [
        HOME_CRUMB,
        XXGK_CRUMB,
        CATALOG_CRUMB,
        { label: view.org.shortName, href: catalogPath(view.org.code, linked) },
        { label },
      ],
      body: (
        <ColumnFrame active="bzml">
          <CatalogEntryPage
            view={view}
            entry={entry}
            documents={documents}
            page={query.page}
            pageSize={PAGE_SIZE}
            pageHref={(page) => `${path}${path.includes('?') ? '&' : '?'}page=${page}`}
          />
        </ColumnFrame>
      ),
    });
  });
}

/** Malformed codes, keys or numbers in a public URL are simply pages that do not exist. */
function parseNotFound<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainError('not_found');
  return result.data;
}
