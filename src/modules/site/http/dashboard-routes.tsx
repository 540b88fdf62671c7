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
import { CoveragePanel } from '../../interpretation/index.ts';
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
    const requestCounts = canAnywhere(actor, 'request.handle') ? await ctx.requestCounts(actor) : [];
    const coverage = canAnywhere(actor, 'document.read') ? await ctx.interpretationCoverage(actor) : null;
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
          {requestCounts.length > 0 ? (
            <section class="panel">
              <h2>依申请公开</h2>
              <table class="data-table">
                <caption class="visually-hidden">各单位依申请公开办理情况</caption>
                <thead>
                  <tr>
                    <th scope="col">受理机关</th>
                    <th scope="col">办理中</th>
                    <th scope="col">待确认收到</th>
                    <th scope="col">5个工作日内到期</th>
                    <th scope="col">已逾期</th>
                  </tr>
                </thead>
                <tbody>
                  {requestCounts.map((unit) => (
                    <tr>
                      <th scope="row">{unit.orgName}</th>
                      <td>
                        <a href="/admin/ysqgk">{unit.open}</a>
                      </td>
                      <td>{unit.submitted}</td>
                      <td>{unit.dueSoon}</td>
                      <td class={unit.overdue > 0 ? 'overdue' : undefined}>{unit.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          {coverage && coverage.total.total > 0 ? <CoveragePanel view={coverage} /> : null}
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
