import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { ColumnFrame, DOCUMENT_TEXT, feedAlternates } from '../../documents/index.ts';
import { listOrgs, sortAsTree } from '../../orgs/index.ts';
import { INTERPRETATION_KINDS } from '../domain/kinds.ts';
import { InterpretationList } from '../views/interpretation-list.tsx';
import { concernView, publicConcerns } from '../queries/concern-views.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import { ConcernList, ConcernPage } from '../views/concerns.tsx';
import type { InterpretationWebDeps } from './deps.ts';

/** The 政策解读 list's query: a unit (its code, with the units under it), a kind, a page. */
const ListQuery = z.object({
  org: z.string().max(32).optional().catch(undefined),
  kind: z.enum(INTERPRETATION_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
const LIST_PAGE_SIZE = 20;

/** Ids as the product makes them; anything else is a page that does not exist. */
const ConcernParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) });

const T = INTERPRETATION_TEXT.concern;
const HOME_CRUMB: Crumb = { label: '首页', href: '/' };
const XXGK_CRUMB: Crumb = { label: DOCUMENT_TEXT.columnTitle, href: '/xxgk/' };
const CONCERNS_PATH = '/xxgk/hygq';

/**
 * 回应关切 in the 政府信息公开 column: the concerns that have a published response, and each with its
 * timeline. Public and the same for everybody, so served from the shared page cache.
 */
export function registerInterpretationPublicRoutes(app: FastifyInstance, ctx: InterpretationWebDeps): void {
  // The 政策解读 list (plan §三.5): every published interpretation, by unit (with the units under it) and kind.
  app.get('/xxgk/zcjd', async (request, reply) => {
    const query = ListQuery.parse(request.query);
    const orgs = sortAsTree(await listOrgs(ctx.stores));
    const unit = query.org ? orgs.find((org) => org.code === query.org) : undefined;
    if (query.org && !unit) throw new DomainError('not_found', { message: DOCUMENT_TEXT.publisherNotFound });
    const orgIds = unit ? orgs.filter((org) => org.path.startsWith(unit.path)).map((org) => org.id) : null;
    const result = await ctx.stores.interpretations.publishedList({
      orgIds,
      kind: query.kind,
      offset: (query.page - 1) * LIST_PAGE_SIZE,
      limit: LIST_PAGE_SIZE,
    });
    const names = new Map(orgs.map((org) => [org.id, org.name]));
    const heading = DOCUMENT_TEXT.interpretationsTitle;
    return sendPublicPage(ctx, request, reply, {
      title: heading,
      active: 'xxgk',
      crumbs: [HOME_CRUMB, XXGK_CRUMB, { label: heading }],
      alternates: feedAlternates(unit ? `${unit.name}${heading}` : heading, { org: unit?.code, genre: '政策解读' }),
      body: (
        <ColumnFrame active="zcjd">
          <InterpretationList
            heading={heading}
            items={result.items.map((item) => ({ ...item, orgName: names.get(item.orgId) ?? '' }))}
            total={result.total}
            page={query.page}
            pageSize={LIST_PAGE_SIZE}
            orgs={orgs.map((org) => ({
              value: org.code,
              label: `${'　'.repeat(Math.max(0, org.depth - 1))}${org.name}`,
            }))}
            filter={{ org: unit?.code ?? '', kind: query.kind ?? '' }}
          />
        </ColumnFrame>
      ),
    });
  });

  app.get(CONCERNS_PATH, async (request, reply) => {
    const items = await publicConcerns(ctx.stores);
    return sendPublicPage(ctx, request, reply, {
      title: T.title,
      active: 'xxgk',
      crumbs: [HOME_CRUMB, XXGK_CRUMB, { label: T.title }],
      alternates: feedAlternates(T.title, { genre: '回应关切' }),
      body: (
        <ColumnFrame active="hygq">
          <h1>{T.title}</h1>
          <ConcernList items={items} admin={false} />
        </ColumnFrame>
      ),
    });
  });

  app.get(`${CONCERNS_PATH}/:id`, async (request, reply) => {
    const params = ConcernParams.safeParse(request.params);
    if (!params.success) throw new DomainError('not_found', { message: T.notFound });
    const view = await concernView(ctx.stores, { concernId: params.data.id, actor: null });
    return sendPublicPage(ctx, request, reply, {
      title: view.concern.title,
      active: 'xxgk',
      crumbs: [HOME_CRUMB, XXGK_CRUMB, { label: T.title, href: CONCERNS_PATH }, { label: view.concern.title }],
      body: (
        <ColumnFrame active="hygq">
          <ConcernPage view={view} admin={false} />
        </ColumnFrame>
      ),
    });
  });
}
