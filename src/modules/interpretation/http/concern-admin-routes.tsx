import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseChinaDateTime } from '../../../platform/clock.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { can } from '../../access/index.ts';
import { EDITION_STATE_LABELS } from '../../documents/index.ts';
import { createConcern } from '../commands/create-concern.ts';
import { submitConcernResponse } from '../commands/submit-concern-response.ts';
import { concernView, staffConcerns } from '../queries/concern-views.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import {
  ConcernForm,
  ConcernList,
  ConcernPage,
  ResponseForm,
  type ConcernFormValues,
  type ResponseFormValues,
} from '../views/concerns.tsx';
import { draftableOrgs, publishedChoices } from './choices.ts';
import type { InterpretationWebDeps } from './deps.ts';

const ConcernParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) });
const T = INTERPRETATION_TEXT.concern;

function concernIdOf(params: unknown): string {
  const parsed = ConcernParams.safeParse(params);
  if (!parsed.success) throw new DomainError('not_found', { message: T.notFound });
  return parsed.data.id;
}

/**
 * The back office's 回应关切: the concerns of the reader's units, recording a new one, and a concern's
 * page with its timeline (every response's latest edition and state) and the form for the next
 * response, which goes to the unit's reviewers like any document.
 */
export function registerConcernAdminRoutes(app: FastifyInstance, ctx: InterpretationWebDeps): void {
  app.get('/admin/concerns', async (request, reply) => {
    const items = await staffConcerns(ctx.stores, request.actor);
    const canCreate = (await draftableOrgs(ctx, request.actor)).length > 0;
    return sendAdminPage(ctx, request, reply, {
      title: T.title,
      active: 'concerns',
      body: (
        <section>
          <div class="page-head">
            <h1>{T.title}</h1>
            {canCreate ? (
              <a class="button button-primary" href="/admin/concerns/new">
                登记公众关切
              </a>
            ) : null}
          </div>
          <ConcernList items={items} admin />
        </section>
      ),
    });
  });

  app.get('/admin/concerns/new', async (request, reply) => renderConcernForm(request, reply, {}, [], 200));

  app.post('/admin/concerns', async (request, reply) => {
    const fields = formFields(request);
    const values: ConcernFormValues = {
      orgId: field(fields, 'orgId'),
      title: field(fields, 'title'),
      summary: field(fields, 'summary'),
      source: field(fields, 'source'),
      reportedAt: field(fields, 'reportedAt'),
    };
    try {
      const concern = await createConcern({
        uow: ctx.uow,
        clock: ctx.clock,
        actor: request.actor,
        orgId: values.orgId ?? '',
        input: {
          title: values.title ?? '',
          summary: values.summary ?? '',
          source: values.source ?? '',
          reportedAt: parseChinaDateTime(values.reportedAt ?? ''),
        },
      });
      setFlash(reply, { kind: 'success', text: T.created });
      return seeOther(reply, `/admin/concerns/${concern.id}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderConcernForm(request, reply, values, error.fields, 400);
    }
  });

  app.get('/admin/concerns/:id', async (request, reply) =>
    renderConcern(request, reply, concernIdOf(request.params), {}, [], 200),
  );

  app.post('/admin/concerns/:id/responses', async (request, reply) => {
    const concernId = concernIdOf(request.params);
    const fields = formFields(request);
    const values: ResponseFormValues = {
      title: field(fields, 'title'),
      text: field(fields, 'text'),
      link1: field(fields, 'link1'),
      link2: field(fields, 'link2'),
      link3: field(fields, 'link3'),
    };
    try {
      // Reading through the staff filter first: a concern outside the reader's units does not exist.
      await concernView(ctx.stores, { concernId, actor: request.actor });
      const { document } = await submitConcernResponse({
        ...ctx,
        maxUploadBytes: ctx.config.maxUploadBytes,
        actor: request.actor,
        concernId,
        documentId: null,
        input: {
          title: values.title ?? '',
          text: values.text ?? '',
          linkedDocumentIds: [values.link1 ?? '', values.link2 ?? '', values.link3 ?? ''],
        },
      });
      setFlash(reply, { kind: 'success', text: T.responseSubmitted });
      return seeOther(reply, `/admin/documents/${document.id}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      const issues = error.fields.map((issue) =>
        issue.field === 'linkedDocumentIds' ? { ...issue, field: 'link1' } : issue,
      );
      return renderConcern(request, reply, concernId, values, issues, 400);
    }
  });

  async function renderConcernForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: ConcernFormValues,
    issues: FieldIssue[],
    status: number,
  ) {
    const orgs = await draftableOrgs(ctx, request.actor);
    if (orgs.length === 0) throw new DomainError('forbidden');
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: '登记公众关切',
        active: 'concerns',
        body: (
          <ConcernForm
            csrfToken={request.csrfToken}
            values={values}
            issues={issues}
            orgChoices={orgs.map((org) => ({ value: org.id, label: org.name }))}
          />
        ),
      },
      status,
    );
  }

  async function renderConcern(
    request: FastifyRequest,
    reply: FastifyReply,
    concernId: string,
    values: ResponseFormValues,
    issues: FieldIssue[],
    status: number,
  ) {
    const view = await concernView(ctx.stores, { concernId, actor: request.actor });
    const org = await ctx.stores.orgs.getById(view.concern.orgId);
    const canRespond = org !== undefined && can(request.actor, 'document.draft', org.path);
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: view.concern.title,
        active: 'concerns',
        body: (
          <>
            <ConcernPage view={view} admin stateLabels={EDITION_STATE_LABELS} />
            {canRespond ? (
              <ResponseForm
                concernId={concernId}
                csrfToken={request.csrfToken}
                values={values}
                issues={issues}
                linkChoices={await publishedChoices(ctx, request.actor, (genre) => genre !== '回应关切')}
              />
            ) : null}
          </>
        ),
      },
      status,
    );
  }
}
