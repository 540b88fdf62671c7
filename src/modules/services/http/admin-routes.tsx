import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { formFields } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { can, canAnywhere, type Actor } from '../../access/index.ts';
import { findEditions, TOPICS } from '../../documents/index.ts';
import { listOrgs } from '../../orgs/index.ts';
import { submitServiceBundle } from '../commands/submit-service-bundle.ts';
import { submitServiceGuide } from '../commands/submit-service-guide.ts';
import { SERVICE_TEXT } from '../strings.ts';
import { ServiceAdminList } from '../views/admin-list.tsx';
import { BundleForm } from '../views/bundle-form.tsx';
import { GuideForm } from '../views/guide-form.tsx';
import type { ServiceWebDeps } from './deps.ts';
import { bundleInputOf, guideInputOf, one, valuesOfBundle, valuesOfGuide, type FormValues } from './forms.ts';
import { ServiceIdParams } from './schemas.ts';

/** The newest guides and bundles the list shows; a unit has tens, not thousands. */
const LIST_LIMIT = 200;
/** The published guides a bundle form offers. */
const GUIDE_CHOICES = 300;

/**
 * The back office's 办事服务 pages: the list of the reader's guides and bundles, and the forms that
 * send a guide or a bundle for review (a new one, or the next edition of one). Reviewing and
 * publishing happen on the document's page, through the documents' workflow.
 */
export function registerServiceAdminRoutes(app: FastifyInstance, ctx: ServiceWebDeps): void {
  app.get('/admin/services', async (request, reply) => {
    if (!canAnywhere(request.actor, 'document.read')) throw new DomainError('forbidden');
    const list = async (genre: string) =>
      (
        await findEditions({
          documents: ctx.stores.documents,
          actor: request.actor,
          filter: { genre },
          page: { offset: 0, limit: LIST_LIMIT },
        })
      ).items;
    return sendAdminPage(ctx, request, reply, {
      title: SERVICE_TEXT.admin.listTitle,
      active: 'services',
      body: (
        <ServiceAdminList
          guides={await list('办事指南')}
          bundles={await list('一件事')}
          canDraft={canAnywhere(request.actor, 'document.draft')}
        />
      ),
    });
  });

  app.get('/admin/services/guides/new', async (request, reply) =>
    renderGuideForm(request, reply, { feeFree: 'on', topic: '综合政务' }, [], 200, null),
  );
  app.post('/admin/services/guides', async (request, reply) => submitGuide(request, reply, null));
  app.get('/admin/services/guides/:id/edit', async (request, reply) => {
    const { document, edition } = await editable(request);
    const record = await ctx.stores.services.guideForEdition(edition.id);
    if (!record) throw new DomainError('not_found', { message: SERVICE_TEXT.notAGuide });
    const values: FormValues = {
      ...valuesOfGuide(record.guide),
      orgId: document.orgId,
      topic: edition.content.topic,
      catalogEntryKey: edition.content.catalogEntryKey ?? '',
      formedOn: edition.content.formedOn ?? '',
    };
    return renderGuideForm(request, reply, values, [], 200, document.id);
  });
  app.post('/admin/services/guides/:id', async (request, reply) => {
    const { document, edition } = await editable(request);
    if (!(await ctx.stores.services.guideForEdition(edition.id))) {
      throw new DomainError('not_found', { message: SERVICE_TEXT.notAGuide });
    }
    return submitGuide(request, reply, document.id);
  });

  app.get('/admin/services/bundles/new', async (request, reply) => renderBundleForm(request, reply, {}, [], 200, null));
  app.post('/admin/services/bundles', async (request, reply) => submitBundle(request, reply, null));
  app.get('/admin/services/bundles/:id/edit', async (request, reply) => {
    const { document, edition } = await editable(request);
    const record = await ctx.stores.services.bundleForEdition(edition.id);
    if (!record) throw new DomainError('not_found', { message: SERVICE_TEXT.notABundle });
    return renderBundleForm(
      request,
      reply,
      { ...valuesOfBundle(record.bundle), orgId: document.orgId },
      [],
      200,
      document.id,
    );
  });
  app.post('/admin/services/bundles/:id', async (request, reply) => {
    const { document, edition } = await editable(request);
    if (!(await ctx.stores.services.bundleForEdition(edition.id))) {
      throw new DomainError('not_found', { message: SERVICE_TEXT.notABundle });
    }
    return submitBundle(request, reply, document.id);
  });

  /** The document the path names and its newest edition, if the reader may draft for its unit; else it does not exist. */
  async function editable(request: FastifyRequest) {
    const { id } = parseInput(ServiceIdParams, request.params);
    const document = await ctx.stores.documents.getDocument(id);
    const org = document ? await ctx.stores.orgs.getById(document.orgId) : undefined;
    if (!document || !org || !can(request.actor, 'document.draft', org.path)) throw new DomainError('not_found');
    const edition = (await ctx.stores.documents.editionsOf(id)).sort((a, b) => b.number - a.number)[0];
    if (!edition) throw new DomainError('not_found');
    return { document, edition };
  }

  function valuesOf(request: FastifyRequest): FormValues {
    return formFields(request);
  }

  async function submitGuide(request: FastifyRequest, reply: FastifyReply, documentId: string | null) {
    const values = valuesOf(request);
    try {
      const { document } = await submitServiceGuide({
        ...ctx,
        maxUploadBytes: ctx.config.maxUploadBytes,
        actor: request.actor,
        orgId: one(values, 'orgId'),
        documentId,
        input: guideInputOf(values),
        filing: {
          topic: one(values, 'topic'),
          catalogEntryKey: one(values, 'catalogEntryKey'),
          formedOn: one(values, 'formedOn'),
          changeNote: one(values, 'changeNote') || null,
        },
      });
      setFlash(reply, { kind: 'success', text: SERVICE_TEXT.submitted });
      return seeOther(reply, `/admin/documents/${document.id}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed') && !isDomainError(error, 'invalid_transition')) throw error;
      const issues = error.fields.length > 0 ? error.fields : [{ field: '(form)', message: error.message }];
      return renderGuideForm(request, reply, values, issues, error.status, documentId);
    }
  }

  async function submitBundle(request: FastifyRequest, reply: FastifyReply, documentId: string | null) {
    const values = valuesOf(request);
    try {
      const { document } = await submitServiceBundle({
        ...ctx,
        maxUploadBytes: ctx.config.maxUploadBytes,
        actor: request.actor,
        orgId: one(values, 'orgId'),
        documentId,
        input: bundleInputOf(values),
        changeNote: one(values, 'changeNote') || null,
      });
      setFlash(reply, { kind: 'success', text: SERVICE_TEXT.submitted });
      return seeOther(reply, `/admin/documents/${document.id}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed') && !isDomainError(error, 'invalid_transition')) throw error;
      const issues = error.fields.length > 0 ? error.fields : [{ field: '(form)', message: error.message }];
      return renderBundleForm(request, reply, values, issues, error.status, documentId);
    }
  }

  /** The units the reader may draft for; editing, only the document's own. */
  async function orgChoicesFor(actor: Actor, documentId: string | null, orgId: string) {
    const orgs = (await listOrgs(ctx.stores)).filter(
      (org) => can(actor, 'document.draft', org.path) && (!documentId || org.id === orgId),
    );
    if (orgs.length === 0) throw new DomainError('forbidden');
    return orgs;
  }

  async function renderGuideForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    issues: FieldIssue[],
    status: number,
    documentId: string | null,
  ) {
    const orgs = await orgChoicesFor(request.actor, documentId, one(values, 'orgId'));
    const groups = await ctx.filing.entryChoices(orgs.map((org) => org.id));
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: documentId ? SERVICE_TEXT.admin.editGuide : SERVICE_TEXT.admin.newGuide,
        active: 'services',
        body: (
          <GuideForm
            documentId={documentId}
            csrfToken={request.csrfToken}
            values={values}
            issues={issues}
            orgChoices={orgs.map((org) => ({ value: org.id, label: org.name }))}
            topicChoices={TOPICS.map((t) => ({ value: t, label: t }))}
            catalogGroups={groups.map((g) => ({
              label: g.orgName,
              options: g.entries.map((e) => ({ value: e.key, label: e.label })),
            }))}
          />
        ),
      },
      status,
    );
  }

  async function renderBundleForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    issues: FieldIssue[],
    status: number,
    documentId: string | null,
  ) {
    const orgs = await orgChoicesFor(request.actor, documentId, one(values, 'orgId'));
    // Any unit's published guides: one event often spans several units.
    const guides = await ctx.stores.services.publishedGuides({ orgIds: null, offset: 0, limit: GUIDE_CHOICES });
    const names = new Map((await listOrgs(ctx.stores)).map((org) => [org.id, org.name]));
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: documentId ? SERVICE_TEXT.admin.editBundle : SERVICE_TEXT.admin.newBundle,
        active: 'services',
        body: (
          <BundleForm
            documentId={documentId}
            csrfToken={request.csrfToken}
            values={values}
            issues={issues}
            orgChoices={orgs.map((org) => ({ value: org.id, label: org.name }))}
            guideChoices={guides.items.map((g) => ({
              value: g.documentId,
              label: `${g.title}（${names.get(g.orgId) ?? ''}）`,
            }))}
          />
        ),
      },
      status,
    );
  }
}
