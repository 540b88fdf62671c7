import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentsWebDeps } from './deps.ts';
import { parseChinaDateTime } from '../../../platform/clock.ts';
import { DomainError, isDomainError } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, fieldList, formFields, formFile } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { can, canAnywhere, scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import type { Org } from '../../orgs/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { addAttachment } from '../commands/add-attachment.ts';
import { approveRetrospectively } from '../commands/approve-retrospectively.ts';
import { createDraft } from '../commands/create-draft.ts';
import { createNewEdition } from '../commands/create-new-edition.ts';
import { discardDraft } from '../commands/discard-draft.ts';
import { forcePublishEdition } from '../commands/force-publish-edition.ts';
import { publishEdition } from '../commands/publish-edition.ts';
import { rejectEdition } from '../commands/reject-edition.ts';
import { removeAttachment } from '../commands/remove-attachment.ts';
import { scheduleEdition } from '../commands/schedule-edition.ts';
import { submitEdition } from '../commands/submit-edition.ts';
import { unscheduleEdition } from '../commands/unschedule-edition.ts';
import { updateDraft } from '../commands/update-draft.ts';
import { withdrawEdition } from '../commands/withdraw-edition.ts';
import { findEditions } from '../queries/find-editions.ts';
import { getAdminDocument } from '../queries/get-admin-document.ts';
import { getStaffDocument } from '../queries/get-document.ts';
import { readAttachment } from '../queries/read-attachment.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { AdminDocumentList } from '../views/document-list.tsx';
import { AdminDocumentPage } from '../views/document-page.tsx';
import { EMPTY_FORM, EditionForm, formValuesOf, type EditionFormValues } from '../views/edition-form.tsx';
import { IdParams, StaffListQuery } from './schemas.ts';

/** The unit a new document is for, when the link names one; an unknown code is ignored. */
const NewDocumentQuery = z.object({ org: z.string().max(40).optional().catch(undefined) });

const WORKING_STATES = ['draft', 'rejected', 'submitted', 'scheduled', 'published', 'withdrawn'] as const;

/** The back office's documents: list, create, edit, the review workflow and attachments. */
export function registerDocumentAdminRoutes(app: FastifyInstance, ctx: DocumentsWebDeps): void {
  const { stores } = ctx;
  const deps = { uow: ctx.uow, clock: ctx.clock, sanitiser: ctx.sanitiser };

  app.get('/admin/documents', async (request, reply) => {
    const query = parseInput(StaffListQuery, request.query);
    const orgs = await visibleOrgs(request.actor);
    const org = query.org ? orgs.find((o) => o.code === query.org) : undefined;
    // A unit that does not exist or lies outside the reader's scope matches nothing (not everything).
    const result =
      query.org && !org
        ? { items: [], total: 0 }
        : await findEditions({
            documents: stores.documents,
            actor: request.actor,
            filter: {
              // One row per document: the working or live edition, never the superseded ones.
              states: query.state ? [query.state] : WORKING_STATES,
              orgSubtreeOf: org?.id,
              query: query.q,
              createdBy: query.mine && request.actor.kind === 'staff' ? request.actor.userId : undefined,
              awaitingRetrospectiveApproval: query.flagged === '1' || undefined,
            },
            page: { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
          });
    return sendAdminPage(ctx, request, reply, {
      title: '信息发布',
      active: 'documents',
      body: (
        <AdminDocumentList
          items={result.items}
          total={result.total}
          query={query}
          orgs={orgs}
          canCreate={canAnywhere(request.actor, 'document.draft')}
        />
      ),
    });
  });

  app.get('/admin/documents/new', async (request, reply) => {
    const choices = await draftableOrgs(request.actor);
    if (choices.length === 0) throw new DomainError('forbidden');
    const query = parseInput(NewDocumentQuery, request.query);
    const preselected = choices.find((o) => o.code === query.org) ?? choices[0]!;
    return renderNewForm(request, reply, { ...EMPTY_FORM, orgId: preselected.id }, [], undefined, 200);
  });

  app.post('/admin/documents', async (request, reply) => {
    const fields = formFields(request);
    const values = formValues(fields);
    try {
      const { document } = await createDraft({
        ...deps,
        actor: request.actor,
        orgId: values.orgId ?? '',
        input: values,
      });
      setFlash(reply, { kind: 'success', text: DOCUMENT_TEXT.draftCreated });
      return seeOther(reply, `/admin/documents/${document.id}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderNewForm(request, reply, values, error.fields, undefined, 400);
    }
  });

  app.get('/admin/documents/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const { view, latest, names, filing, actions } = await getAdminDocument({
      stores,
      filing: ctx.filing,
      actor: request.actor,
      documentId: id,
    });
    const extra = await ctx.pageAdditions.forAdminPage({ documentId: id, editionId: latest.id });
    return sendAdminPage(ctx, request, reply, {
      title: latest.content.title,
      active: 'documents',
      body: (
        <AdminDocumentPage
          extra={extra}
          view={view}
          actions={actions}
          csrfToken={request.csrfToken}
          userNames={names}
          maxUploadMb={Math.floor(ctx.config.maxUploadBytes / 1024 / 1024)}
          filing={filing}
        />
      ),
    });
  });

  app.get('/admin/editions/:id/edit', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const edition = await stores.documents.getEdition(id);
    if (!edition) throw new DomainError('not_found');
    // Reading through the staff filter: out-of-scope editions do not exist for this reader.
    await getStaffDocument({
      documents: stores.documents,
      orgs: stores.orgs,
      actor: request.actor,
      documentId: edition.documentId,
    });
    return renderEditForm(request, reply, id, edition.number > 1, formValuesOf(edition), [], undefined, 200);
  });

  app.post('/admin/editions/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const values = formValues(formFields(request));
    const edition = await stores.documents.getEdition(id);
    if (!edition) throw new DomainError('not_found');
    try {
      await updateDraft({
        ...deps,
        actor: request.actor,
        editionId: id,
        input: values,
        expectedUpdatedAt: values.expectedUpdatedAt,
      });
      setFlash(reply, { kind: 'success', text: DOCUMENT_TEXT.draftSaved });
      return seeOther(reply, `/admin/documents/${edition.documentId}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed') && !isDomainError(error, 'conflict')) throw error;
      return renderEditForm(
        request,
        reply,
        id,
        edition.number > 1,
        values,
        error.fields,
        error.code === 'conflict' ? error.message : undefined,
        error.status,
      );
    }
  });

  /** Registers one workflow action posted from the document page, redirecting back with a message. */
  const workflowAction = (
    path: string,
    successText: string,
    run: (actor: Actor, editionId: string, fields: Record<string, string | string[]>) => Promise<unknown>,
  ) => {
    app.post(`/admin/editions/:id/${path}`, async (request, reply) => {
      const { id } = parseInput(IdParams, request.params);
      const edition = await stores.documents.getEdition(id);
      if (!edition) throw new DomainError('not_found');
      const back = `/admin/documents/${edition.documentId}`;
      try {
        await run(request.actor, id, formFields(request));
        setFlash(reply, { kind: 'success', text: successText });
        return seeOther(reply, path === 'discard' ? '/admin/documents' : back);
      } catch (error) {
        if (!isDomainError(error) || error.status >= 500 || error.code === 'not_found') throw error;
        const detail = error.fields.length > 0 ? error.fields.map((f) => f.message).join(' ') : error.message;
        setFlash(reply, { kind: 'error', text: detail });
        return seeOther(reply, back);
      }
    });
  };
  workflowAction('submit', DOCUMENT_TEXT.submitted, (actor, editionId, f) =>
    submitEdition({ ...deps, actor, editionId, overrideReason: field(f, 'overrideReason') }),
  );
  workflowAction('publish', DOCUMENT_TEXT.published, (actor, editionId) =>
    publishEdition({ ...deps, actor, editionId }),
  );
  workflowAction('reject', DOCUMENT_TEXT.rejected, (actor, editionId, f) =>
    rejectEdition({ ...deps, actor, editionId, reason: field(f, 'reason') }),
  );
  workflowAction('schedule', DOCUMENT_TEXT.scheduled, (actor, editionId, f) => {
    const at = parseChinaDateTime(field(f, 'scheduledAt'));
    if (!at)
      throw new DomainError('validation_failed', {
        fields: [{ field: 'scheduledAt', message: DOCUMENT_TEXT.scheduledAtRequired }],
      });
    return scheduleEdition({ ...deps, actor, editionId, at });
  });
  workflowAction('unschedule', DOCUMENT_TEXT.unscheduled, (actor, editionId) =>
    unscheduleEdition({ ...deps, actor, editionId }),
  );
  workflowAction('force-publish', DOCUMENT_TEXT.forcePublished, (actor, editionId, f) =>
    forcePublishEdition({ ...deps, actor, editionId, reason: field(f, 'reason') }),
  );
  workflowAction('approve', DOCUMENT_TEXT.approved, (actor, editionId) =>
    approveRetrospectively({ ...deps, actor, editionId }),
  );
  workflowAction('withdraw', DOCUMENT_TEXT.withdrawn, (actor, editionId, f) =>
    withdrawEdition({ ...deps, actor, editionId, reason: field(f, 'reason') }),
  );
  workflowAction('discard', DOCUMENT_TEXT.discarded, (actor, editionId) => discardDraft({ ...deps, actor, editionId }));

  app.post('/admin/documents/:id/new-edition', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    try {
      const draft = await createNewEdition({ ...deps, actor: request.actor, documentId: id });
      setFlash(reply, { kind: 'success', text: DOCUMENT_TEXT.newEdition });
      return seeOther(reply, `/admin/editions/${draft.id}/edit`);
    } catch (error) {
      if (!isDomainError(error, 'draft_exists') && !isDomainError(error, 'invalid_transition')) throw error;
      setFlash(reply, { kind: 'error', text: error.message });
      return seeOther(reply, `/admin/documents/${id}`);
    }
  });

  app.post('/admin/editions/:id/attachments', { config: { uploads: true } }, async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const edition = await stores.documents.getEdition(id);
    if (!edition) throw new DomainError('not_found');
    const back = `/admin/documents/${edition.documentId}`;
    const file = formFile(request, 'file');
    try {
      if (!file)
        throw new DomainError('validation_failed', { fields: [{ field: 'file', message: DOCUMENT_TEXT.chooseFile }] });
      await addAttachment({
        ...deps,
        actor: request.actor,
        files: ctx.files,
        sniff: ctx.sniff,
        maxBytes: ctx.config.maxUploadBytes,
        editionId: id,
        fileName: file.fileName,
        content: file,
      });
      setFlash(reply, { kind: 'success', text: DOCUMENT_TEXT.attachmentAdded });
    } catch (error) {
      if (!isDomainError(error) || error.status >= 500 || error.code === 'not_found') throw error;
      setFlash(reply, { kind: 'error', text: error.fields[0]?.message ?? error.message });
    }
    return seeOther(reply, back);
  });

  app.post('/admin/attachments/:id/delete', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const attachment = await stores.documents.getAttachment(id);
    const edition = attachment && (await stores.documents.getEdition(attachment.editionId));
    if (!edition) throw new DomainError('not_found');
    await removeAttachment({ ...deps, actor: request.actor, attachmentId: id });
    setFlash(reply, { kind: 'success', text: DOCUMENT_TEXT.attachmentRemoved });
    return seeOther(reply, `/admin/documents/${edition.documentId}`);
  });

  app.get('/admin/attachments/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const { attachment, bytes } = await readAttachment({
      documents: stores.documents,
      orgs: stores.orgs,
      files: ctx.files,
      actor: request.actor,
      attachmentId: id,
    });
    return reply
      .header('content-type', attachment.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(bytes);
  });

  async function visibleOrgs(actor: Actor): Promise<Org[]> {
    const scope = scopeFor(actor, 'document.read');
    return (await listOrgs(stores)).filter((org) => scopeIncludes(scope, org.path));
  }

  async function draftableOrgs(actor: Actor): Promise<Org[]> {
    return (await listOrgs(stores)).filter((org) => can(actor, 'document.draft', org.path));
  }

  async function renderNewForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: EditionFormValues,
    issues: { field: string; message: string }[],
    message: string | undefined,
    status: number,
  ) {
    const orgChoices = await draftableOrgs(request.actor);
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: '新建信息',
        active: 'documents',
        body: (
          <EditionForm
            heading="新建信息"
            action="/admin/documents"
            csrfToken={request.csrfToken}
            values={values}
            issues={issues}
            message={message}
            orgChoices={orgChoices}
            isFollowUpEdition={false}
            cancelHref="/admin/documents"
            catalogChoices={await ctx.filing.entryChoices(orgChoices.map((o) => o.id))}
          />
        ),
      },
      status,
    );
  }

  async function renderEditForm(
    request: FastifyRequest,
    reply: FastifyReply,
    editionId: string,
    isFollowUpEdition: boolean,
    values: EditionFormValues,
    issues: { field: string; message: string }[],
    message: string | undefined,
    status: number,
  ) {
    const edition = await stores.documents.getEdition(editionId);
    const document = edition && (await stores.documents.getDocument(edition.documentId));
    const catalogChoices = document ? await ctx.filing.entryChoices([document.orgId]) : [];
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: '编辑信息',
        active: 'documents',
        body: (
          <EditionForm
            heading="编辑信息"
            action={`/admin/editions/${editionId}`}
            csrfToken={request.csrfToken}
            values={values}
            issues={issues}
            message={message}
            isFollowUpEdition={isFollowUpEdition}
            cancelHref={edition ? `/admin/documents/${edition.documentId}` : '/admin/documents'}
            catalogChoices={catalogChoices}
          />
        ),
      },
      status,
    );
  }
}

/** The edit form's fields as typed. */
function formValues(fields: Record<string, string | string[]>): EditionFormValues {
  const text = (name: string) => field(fields, name);
  return {
    orgId: text('orgId'),
    title: text('title'),
    docNumber: text('docNumber'),
    issuer: text('issuer'),
    writtenOn: text('writtenOn'),
    publishedOn: text('publishedOn'),
    topic: text('topic'),
    genre: text('genre'),
    isNormative: text('isNormative') === 'on',
    validity: text('validity') || '有效',
    validityOn: text('validityOn'),
    fieldCode: text('fieldCode'),
    keywords: text('keywords'),
    audiences: fieldList(fields, 'audiences'),
    policyTags: fieldList(fields, 'policyTags'),
    bodyHtml: text('bodyHtml'),
    changeNote: text('changeNote'),
    isMajor: text('isMajor') !== 'minor',
    catalogEntryKey: text('catalogEntryKey'),
    formedOn: text('formedOn'),
    expectedUpdatedAt: text('expectedUpdatedAt') || undefined,
  };
}
