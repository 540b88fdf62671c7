import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { ColumnFrame, DOCUMENT_TEXT } from '../../documents/index.ts';
import { concernView, publicConcerns } from '../queries/concern-views.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import { ConcernList, ConcernPage } from '../views/concerns.tsx';
import type { InterpretationWebDeps } from './deps.ts';

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
  app.get(CONCERNS_PATH, async (request, reply) => {
    const items = await publicConcerns(ctx.stores);
    return sendPublicPage(ctx, request, reply, {
      title: T.title,
      active: 'xxgk',
      crumbs: [HOME_CRUMB, XXGK_CRUMB, { label: T.title }],
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
