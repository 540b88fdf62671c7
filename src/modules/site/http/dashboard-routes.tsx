import type { FastifyInstance } from 'fastify';
import type { SiteWebDeps } from './deps.ts';
import { can, canAnywhere, scopeFor } from '../../access/index.ts';
import {
  findEditions,
  EDITION_STATE_LABELS,
  reasonToPreventApproval,
  type EditionState,
  EditionTable,
} from '../../documents/index.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';

/** The back-office home: my drafts, what waits for my review, force-published items to approve. */
export function registerDashboardRoutes(app: FastifyInstance, ctx: SiteWebDeps): void {
  app.get('/admin/', async (request, reply) => {
    const actor = request.actor;
    const userId = actor.kind === 'staff' ? actor.userId : '';
    const documents = ctx.stores.documents;
    const page = { offset: 0, limit: 20 };
    const myDrafts = await findEditions({
      documents,
      actor,
      filter: { createdBy: userId, states: ['draft', 'rejected'] },
      page,
    });
    const submitted = canAnywhere(actor, 'document.review')
      ? await findEditions({ documents, actor, filter: { states: ['submitted'] }, page: { offset: 0, limit: 100 } })
      : { items: [], total: 0 };
    const forMyReview = submitted.items.filter(
      (item) =>
        can(actor, 'document.review', item.org.path) && reasonToPreventApproval(item.edition, userId) === undefined,
    );
    const flagged =
      canAnywhere(actor, 'document.review') || canAnywhere(actor, 'document.force_publish')
        ? await findEditions({ documents, actor, filter: { awaitingRetrospectiveApproval: true }, page })
        : { items: [], total: 0 };
    const counts = await documents.countByState(scopeFor(actor, 'document.read'));
    return sendAdminPage(ctx, request, reply, {
      title: '工作台',
      active: 'dashboard',
      body: (
        <section>
          <h1>工作台</h1>
          <ul class="stat-list">
            {(Object.keys(EDITION_STATE_LABELS) as EditionState[])
              .filter((state) => state !== 'superseded')
              .map((state) => (
                <li>
                  <a href={`/admin/documents?state=${state}`}>
                    <span class="stat-number">{counts[state] ?? 0}</span>
                    <span class="stat-label">{EDITION_STATE_LABELS[state]}</span>
                  </a>
                </li>
              ))}
          </ul>
          <section class="panel">
            <h2>待我审核（{forMyReview.length}）</h2>
            <EditionTable items={forMyReview} caption="待我审核" />
          </section>
          <section class="panel">
            <h2>我的草稿（{myDrafts.total}）</h2>
            <EditionTable items={myDrafts.items} caption="我的草稿" />
          </section>
          {flagged.total > 0 ? (
            <section class="panel">
              <h2>强制发布待事后审核（{flagged.total}）</h2>
              <EditionTable items={flagged.items} caption="强制发布待事后审核" />
            </section>
          ) : null}
        </section>
      ),
    });
  });
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
}
