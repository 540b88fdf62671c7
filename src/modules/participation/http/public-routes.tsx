import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { keepPageUntil } from '../../../platform/http/page-cache.ts';
import { formFields, field } from '../../../platform/http/forms.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendPublicPage } from '../../../platform/web/page-shell.tsx';
import type { Crumb } from '../../../platform/web/public-layout.tsx';
import { submitComment } from '../commands/submit-comment.ts';
import { MAX_COMMENT_LENGTH, MAX_NAME_LENGTH } from '../domain/comment.ts';
import type { Consultation } from '../domain/consultation.ts';
import { compareVersions } from '../domain/paragraphs.ts';
import {
  CONSULTATION_PAGE_SIZE,
  consultationDraft,
  consultationView,
  publicConsultations,
  type ConsultationDraftView,
  type ConsultationView,
} from '../queries/consultation-views.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { CommentForm, CommentReceived, type CommentValues } from '../views/comment-form.tsx';
import { ComparePage } from '../views/compare-page.tsx';
import { ColumnPage, ConsultationList } from '../views/consultation-list.tsx';
import { ConsultationPage } from '../views/consultation-page.tsx';
import { COLUMN_PATH, CONSULTATIONS_PATH, consultationPath } from '../views/paths.ts';
import { ReportPage } from '../views/report-page.tsx';
import type { ParticipationWebDeps } from './deps.ts';
import { verifiedPersonOf } from './verification-cookie.ts';
import { CompareQuery, ConsultationIdParams, PageQuery, ParagraphValue, VersionQuery } from './schemas.ts';

const HOME: Crumb = { label: '首页', href: '/' };
const COLUMN: Crumb = { label: CONSULTATION_TEXT.columnTitle, href: COLUMN_PATH };
const LIST: Crumb = { label: CONSULTATION_TEXT.listTitle, href: CONSULTATIONS_PATH };

/** A kept page showing these consultations is right until the next of their openings or closings. */
function keepUntilNextChange(reply: FastifyReply, now: Date, items: readonly Consultation[]): void {
  for (const c of items) {
    if (c.state !== 'published') continue;
    for (const at of [Date.parse(c.opensAt), Date.parse(c.closesAt)]) {
      if (at > now.getTime()) keepPageUntil(reply, at);
    }
  }
}

/**
 * 互动交流 on the public site, the pages everybody sees alike (kept in the shared page cache until
 * the content changes or a consultation opens or closes): the column, the list of consultations, a
 * consultation with its draft and comments, a comparison of two versions, and the adoption report.
 */
export function registerParticipationPublicRoutes(app: FastifyInstance, deps: ParticipationWebDeps): void {
  const list = async (request: FastifyRequest, reply: FastifyReply, column: boolean) => {
    const { page } = parseInput(PageQuery, request.query);
    const now = deps.clock.now();
    const { items, total } = await publicConsultations(deps.stores, { now, page });
    keepUntilNextChange(reply, now, items);
    const base = column ? COLUMN_PATH : CONSULTATIONS_PATH;
    const body = (
      <ConsultationList
        items={items}
        page={page}
        pageSize={CONSULTATION_PAGE_SIZE}
        total={total}
        href={(n) => (n === 1 ? base : `${base}?page=${n}`)}
      />
    );
    return sendPublicPage(deps, request, reply, {
      title: column ? CONSULTATION_TEXT.columnTitle : CONSULTATION_TEXT.listTitle,
      active: 'hdjl',
      crumbs: column
        ? [HOME, { label: CONSULTATION_TEXT.columnTitle }]
        : [HOME, COLUMN, { label: CONSULTATION_TEXT.listTitle }],
      body: column ? (
        <ColumnPage>
          <h2>{CONSULTATION_TEXT.listTitle}</h2>
          {body}
        </ColumnPage>
      ) : (
        <section class="panel">
          <h1>{CONSULTATION_TEXT.listTitle}</h1>
          {body}
        </section>
      ),
    });
  };
  app.get(COLUMN_PATH, async (request, reply) => list(request, reply, true));
  app.get(CONSULTATIONS_PATH, async (request, reply) => list(request, reply, false));

  const viewOf = async (request: FastifyRequest, reply: FastifyReply, version?: number) => {
    const { id } = parseInput(ConsultationIdParams, request.params);
    const now = deps.clock.now();
    const view = await consultationView(deps.stores, { consultationId: id, actor: null, now, version });
    keepUntilNextChange(reply, now, [view.consultation]);
    return view;
  };
  const crumbsOf = (view: ConsultationView, last?: string): Crumb[] =>
    last === undefined
      ? [HOME, COLUMN, LIST, { label: view.consultation.title }]
      : [
          HOME,
          COLUMN,
          LIST,
          { label: view.consultation.title, href: consultationPath(view.consultation.id) },
          { label: last },
        ];

  app.get(`${CONSULTATIONS_PATH}:id`, async (request, reply) => {
    const { v, page, p } = parseInput(VersionQuery, request.query);
    const view = await viewOf(request, reply, v);
    return sendPublicPage(deps, request, reply, {
      title: view.consultation.title,
      active: 'hdjl',
      crumbs: crumbsOf(view),
      body: <ConsultationPage view={view} page={page} paragraph={p ?? null} asked={v ?? null} />,
    });
  });

  app.get(`${CONSULTATIONS_PATH}:id/cnqk`, async (request, reply) => {
    const view = await viewOf(request, reply);
    // The report exists once it is published.
    if (view.phase !== 'completed') throw new DomainError('not_found');
    return sendPublicPage(deps, request, reply, {
      title: `${view.consultation.title} 意见采纳情况`,
      active: 'hdjl',
      crumbs: crumbsOf(view, '意见采纳情况'),
      body: <ReportPage view={view} />,
    });
  });

  app.get(`${CONSULTATIONS_PATH}:id/bijiao`, async (request, reply) => {
    const { from, to } = parseInput(CompareQuery, request.query);
    const { id } = parseInput(ConsultationIdParams, request.params);
    const view = await viewOf(request, reply, to);
    const before = await deps.stores.consultations.version(id, from);
    if (!before) throw new DomainError('not_found');
    return sendPublicPage(deps, request, reply, {
      title: `${view.consultation.title} 版本对照`,
      active: 'hdjl',
      crumbs: crumbsOf(view, '版本对照'),
      body: (
        <ComparePage
          consultationId={id}
          title={view.consultation.title}
          from={from}
          to={to}
          rows={compareVersions(before.paragraphs, view.version.paragraphs)}
        />
      ),
    });
  });
}

const CommentBody = z.object({
  body: z
    .string()
    .max(MAX_COMMENT_LENGTH * 4)
    .default(''),
  name: z
    .string()
    .max(MAX_NAME_LENGTH * 4)
    .default(''),
  paragraph: ParagraphValue,
});

/** What the comment form answers on itself, beside what was typed. */
const FORM_ERRORS = new Set(['validation_failed', 'rate_limited', 'invalid_transition']);

/**
 * The comment form of a consultation (CSRF-protected, never cached): on a paragraph or the whole
 * draft. A refused comment comes back with what was typed and the reason, so nothing is lost.
 */
export function registerParticipationFormRoutes(app: FastifyInstance, deps: ParticipationWebDeps): void {
  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: ConsultationDraftView,
    values: CommentValues,
    issues: FieldIssue[],
    status = 200,
    message?: string,
  ) => {
    const quoted = values.paragraph === null ? null : (view.version.paragraphs[values.paragraph - 1] ?? null);
    return sendPublicPage(
      deps,
      request,
      reply,
      {
        title: `对《${view.consultation.title}》提意见`,
        active: 'hdjl',
        crumbs: [
          HOME,
          COLUMN,
          LIST,
          { label: view.consultation.title, href: consultationPath(view.consultation.id) },
          { label: '提意见' },
        ],
        body: (
          <CommentForm
            consultation={view.consultation}
            quoted={quoted}
            values={values}
            issues={issues}
            message={message}
            csrfToken={deps.formToken(request, reply)}
            verifiedUntil={verifiedPersonOf(request, deps.secret, deps.clock.now())?.until ?? null}
          />
        ),
      },
      status,
    );
  };
  const load = async (request: FastifyRequest) => {
    const { id } = parseInput(ConsultationIdParams, request.params);
    return consultationDraft(deps.stores, { consultationId: id, actor: null, now: deps.clock.now() });
  };

  app.get(`${CONSULTATIONS_PATH}:id/yijian`, async (request, reply) => {
    const view = await load(request);
    const paragraph = parseInput(ParagraphValue, (request.query as { p?: unknown }).p);
    if (paragraph !== null && paragraph > view.version.paragraphs.length) throw new DomainError('not_found');
    const values: CommentValues = { body: '', name: '', paragraph };
    if (view.phase !== 'open') {
      const message = view.phase === 'scheduled' ? CONSULTATION_TEXT.notOpen : CONSULTATION_TEXT.notOpenAnymore;
      return showForm(request, reply, view, values, [], 409, message);
    }
    return showForm(request, reply, view, values, []);
  });

  app.post(
    `${CONSULTATIONS_PATH}:id/yijian`,
    { config: { rateLimit: { max: 30, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const view = await load(request);
      const fields = formFields(request);
      const values: CommentValues = {
        body: field(fields, 'body').slice(0, MAX_COMMENT_LENGTH * 4),
        name: field(fields, 'name').slice(0, MAX_NAME_LENGTH * 4),
        paragraph: null,
      };
      try {
        const input = parseInput(CommentBody, { ...values, paragraph: field(fields, 'paragraph') });
        values.paragraph = input.paragraph;
        const comment = await submitComment({
          uow: deps.uow,
          clock: deps.clock,
          actor: request.actor,
          secret: deps.secret,
          consultationId: view.consultation.id,
          input,
          personKey: verifiedPersonOf(request, deps.secret, deps.clock.now())?.personKey ?? null,
        });
        return sendPublicPage(deps, request, reply, {
          title: '意见已提交',
          active: 'hdjl',
          crumbs: [
            HOME,
            COLUMN,
            LIST,
            { label: view.consultation.title, href: consultationPath(view.consultation.id) },
            { label: '意见已提交' },
          ],
          body: <CommentReceived consultation={view.consultation} body={comment.body} />,
        });
      } catch (error) {
        if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
        return showForm(
          request,
          reply,
          view,
          values,
          error.fields,
          error.status,
          error.fields.length === 0 ? error.message : undefined,
        );
      }
    },
  );
}
