import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chinaDate } from '../../../platform/clock.ts';
import { DomainError, isDomainError } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, fieldList, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { can, canAnywhere, type Actor } from '../../access/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { completeConsultation } from '../commands/complete-consultation.ts';
import { disposeComments } from '../commands/dispose-comments.ts';
import { moderateComment } from '../commands/moderate-comment.ts';
import { publishConsultation } from '../commands/publish-consultation.ts';
import { reviseDraft } from '../commands/revise-draft.ts';
import { saveDraft, type DraftInput } from '../commands/save-draft.ts';
import { DISPOSITIONS, type Disposition } from '../domain/comment.ts';
import { lastDayOf } from '../domain/consultation.ts';
import { CONSULTATION_PAGE_SIZE, consultationView, staffConsultations } from '../queries/consultation-views.ts';
import { CONSULTATION_TEXT } from '../strings.ts';
import { AdminConsultation, type AdminFormState } from '../views/admin-consultation.tsx';
import { DraftForm, type DraftFormValues } from '../views/admin-form.tsx';
import { AdminConsultationList } from '../views/admin-list.tsx';
import { adminConsultationPath } from '../views/paths.ts';
import type { ParticipationWebDeps } from './deps.ts';
import { formActions } from './form-action.ts';
import { ConsultationIdParams, PageQuery } from './schemas.ts';

const BASE = '/admin/participation/consultations';
const ACTIVE = 'participation';
/** Form errors shown on the form they came from. */
const FORM_ERRORS = new Set(['validation_failed', 'invalid_transition']);

function draftValues(fields: Record<string, string | string[]>): DraftFormValues {
  return {
    orgId: field(fields, 'orgId'),
    title: field(fields, 'title'),
    summary: field(fields, 'summary'),
    major: field(fields, 'major') !== '',
    shortReason: field(fields, 'shortReason'),
    opensOn: field(fields, 'opensOn'),
    closesOn: field(fields, 'closesOn'),
    text: field(fields, 'text'),
  };
}

/**
 * The back office's 意见征集 pages: the list, the draft form, and a consultation's page whose forms
 * publish it, publish a new version, hide or show comments, record dispositions and publish the
 * adoption report. Each form posts to its own route and comes back to the page.
 */
export function registerParticipationAdminRoutes(app: FastifyInstance, deps: ParticipationWebDeps): void {
  const orgChoices = async (actor: Actor) => {
    const orgs = (await listOrgs(deps.stores)).filter((org) => can(actor, 'interaction.handle', org.path));
    if (orgs.length === 0) throw new DomainError('forbidden');
    return orgs.map((org) => ({ value: org.id, label: org.name }));
  };

  app.get(BASE, async (request, reply) => {
    if (!canAnywhere(request.actor, 'interaction.handle')) throw new DomainError('forbidden');
    const { page } = parseInput(PageQuery, request.query);
    const { items, total } = await staffConsultations(deps.stores, {
      actor: request.actor,
      now: deps.clock.now(),
      page,
    });
    return sendAdminPage(deps, request, reply, {
      title: '意见征集',
      active: ACTIVE,
      body: (
        <AdminConsultationList
          items={items}
          page={page}
          pageSize={CONSULTATION_PAGE_SIZE}
          total={total}
          canCreate={canAnywhere(request.actor, 'interaction.handle')}
        />
      ),
    });
  });

  const renderDraftForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    consultationId: string | null,
    values: DraftFormValues,
    issues: DomainError['fields'],
    status = 200,
  ) =>
    sendAdminPage(
      deps,
      request,
      reply,
      {
        title: consultationId === null ? '新建征求意见' : '修改征求意见草稿',
        active: ACTIVE,
        body: (
          <DraftForm
            consultationId={consultationId}
            values={values}
            issues={issues}
            orgChoices={await orgChoices(request.actor)}
            csrfToken={request.csrfToken}
          />
        ),
      },
      status,
    );

  const submitDraft = async (request: FastifyRequest, reply: FastifyReply, consultationId: string | null) => {
    const values = draftValues(formFields(request));
    try {
      const input: DraftInput = values;
      const saved = await saveDraft({ uow: deps.uow, clock: deps.clock, actor: request.actor, consultationId, input });
      setFlash(reply, { kind: 'success', text: CONSULTATION_TEXT.saved });
      return seeOther(reply, adminConsultationPath(saved.id));
    } catch (error) {
      if (!isDomainError(error) || !FORM_ERRORS.has(error.code)) throw error;
      const issues = error.fields.length > 0 ? error.fields : [{ field: '(form)', message: error.message }];
      return renderDraftForm(request, reply, consultationId, values, issues, error.status);
    }
  };

  app.get(`${BASE}/new`, async (request, reply) => {
    const choices = await orgChoices(request.actor);
    const now = deps.clock.now();
    return renderDraftForm(
      request,
      reply,
      null,
      {
        orgId: choices[0]?.value ?? '',
        title: '',
        summary: '',
        major: true,
        shortReason: '',
        opensOn: chinaDate(now),
        closesOn: chinaDate(new Date(now.getTime() + 30 * 86_400_000)),
        text: '',
      },
      [],
    );
  });
  app.post(BASE, async (request, reply) => submitDraft(request, reply, null));

  const viewFor = async (request: FastifyRequest) => {
    const { id } = parseInput(ConsultationIdParams, request.params);
    return consultationView(deps.stores, { consultationId: id, actor: request.actor, now: deps.clock.now() });
  };
  const showConsultation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form?: AdminFormState,
    status = 200,
  ) => {
    const view = await viewFor(request);
    return sendAdminPage(
      deps,
      request,
      reply,
      {
        title: view.consultation.title,
        active: ACTIVE,
        body: <AdminConsultation view={view} csrfToken={request.csrfToken} form={form} />,
      },
      status,
    );
  };

  app.get(`${BASE}/:id`, async (request, reply) => showConsultation(request, reply));
  app.get(`${BASE}/:id/edit`, async (request, reply) => {
    const view = await viewFor(request);
    const c = view.consultation;
    return renderDraftForm(
      request,
      reply,
      c.id,
      {
        orgId: c.orgId,
        title: c.title,
        summary: c.summary,
        major: c.major,
        shortReason: c.shortReason,
        opensOn: chinaDate(new Date(c.opensAt)),
        closesOn: lastDayOf(c.closesAt),
        text: view.version.paragraphs.join('\n'),
      },
      [],
    );
  });
  app.post(`${BASE}/:id`, async (request, reply) => {
    const { id } = parseInput(ConsultationIdParams, request.params);
    return submitDraft(request, reply, id);
  });

  /** Runs one form's use case; on a form error, the page again with the error and what was posted. */
  const act = formActions({
    idOf: (request) => parseInput(ConsultationIdParams, request.params).id,
    pathOf: adminConsultationPath,
    show: (request, reply, form, status) => showConsultation(request, reply, form, status),
  });
  const base = (request: FastifyRequest, id: string) => ({
    uow: deps.uow,
    clock: deps.clock,
    actor: request.actor,
    consultationId: id,
  });

  app.post(
    `${BASE}/:id/publish`,
    act(CONSULTATION_TEXT.published, (request, id) => publishConsultation(base(request, id))),
  );
  app.post(
    `${BASE}/:id/revise`,
    act(CONSULTATION_TEXT.revised, (request, id, fields) =>
      reviseDraft({ ...base(request, id), input: { text: field(fields, 'text'), note: field(fields, 'note') } }),
    ),
  );
  app.post(
    `${BASE}/:id/moderate`,
    act(CONSULTATION_TEXT.moderated, (request, id, fields) =>
      moderateComment({
        ...base(request, id),
        input: {
          commentId: field(fields, 'commentId'),
          hide: field(fields, 'hide') === '1',
          reason: field(fields, 'reason'),
        },
      }),
    ),
  );
  app.post(
    `${BASE}/:id/dispositions`,
    act(CONSULTATION_TEXT.disposed, (request, id, fields) =>
      disposeComments({
        ...base(request, id),
        input: [...new Set(fieldList(fields, 'ids'))].slice(0, 5000).map((commentId) => {
          const chosen = field(fields, `disposition.${commentId}`);
          return {
            commentId,
            disposition: (DISPOSITIONS as readonly string[]).includes(chosen) ? (chosen as Disposition) : null,
            reason: field(fields, `reason.${commentId}`).slice(0, 4000),
            group: field(fields, `group.${commentId}`).slice(0, 400),
          };
        }),
      }),
    ),
  );
  app.post(
    `${BASE}/:id/complete`,
    act(CONSULTATION_TEXT.completed, (request, id, fields) =>
      completeConsultation({
        ...base(request, id),
        input: { finalLink: field(fields, 'finalLink'), reportSummary: field(fields, 'reportSummary') },
      }),
    ),
  );
}
