import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CatalogWebDeps } from './deps.ts';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, formFields, formFile } from '../../../platform/http/forms.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { catalogTemplate } from '../../../reference/catalog-templates.ts';
import { PILOT_FIELDS } from '../../../reference/pilot-fields.ts';
import { scopeFor, scopeIncludes } from '../../access/index.ts';
import { uncoveredWarning } from '../../../platform/working-days.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { addLocalField } from '../commands/add-local-field.ts';
import { approveCatalog } from '../commands/approve-catalog.ts';
import { importCatalogSheet } from '../commands/import-catalog-sheet.ts';
import { importCatalogTemplate } from '../commands/import-catalog-template.ts';
import { addNegativeItem, removeNegativeItem } from '../commands/manage-negative-list.ts';
import { removeCatalogEntry } from '../commands/remove-catalog-entry.ts';
import { returnCatalog } from '../commands/return-catalog.ts';
import { saveCatalogEntry } from '../commands/save-catalog-entry.ts';
import { startCatalogVersion } from '../commands/start-catalog-version.ts';
import { submitCatalog } from '../commands/submit-catalog.ts';
import { parseLegalBasis } from '../domain/cell-text.ts';
import { catalogToSheets } from '../domain/sheet.ts';
import { getCatalogIndex } from '../queries/catalog-index.ts';
import { getCatalogWorkspace } from '../queries/catalog-views.ts';
import { timelinessReport } from '../queries/timeliness-report.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { CatalogIndex } from '../views/admin-catalog-index.tsx';
import { CatalogWorkspacePage } from '../views/admin-catalog-workspace.tsx';
import { EntryForm } from '../views/admin-entry-form.tsx';
import { TimelinessPage } from '../views/admin-timeliness-report.tsx';
import {
  EMPTY_ENTRY_FORM,
  entryContentFromForm,
  entryFormValues,
  formValuesOfEntry,
  type EntryFormValues,
} from './entry-form.ts';

const OrgParams = z.object({ code: z.string().regex(/^[A-Za-z0-9-]{2,32}$/) });
const IdParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) });

/** The back office's catalogs: drafting, importing, reviewing, and the timeliness report. */
export function registerCatalogAdminRoutes(app: FastifyInstance, ctx: CatalogWebDeps): void {
  const { stores } = ctx;
  const deps = { uow: ctx.uow, clock: ctx.clock };
  const templateFields = PILOT_FIELDS.map((f) => f.code).filter((code) => catalogTemplate(code) !== undefined);

  const orgOf = async (request: FastifyRequest) => {
    const { code } = parseInput(OrgParams, request.params);
    const org = await stores.orgs.getByCode(code);
    if (!org) throw new DomainError('not_found');
    return org;
  };
  const workingVersion = async (orgId: string) => {
    const working = (await stores.catalogs.versionsOf(orgId)).find(
      (v) => v.state === 'draft' || v.state === 'returned' || v.state === 'submitted',
    );
    if (!working) throw new DomainError('invalid_transition', { message: CATALOG_TEXT.noWorkingVersion });
    return working;
  };
  /** Runs a change and returns to the catalog page with its outcome as the flash message. */
  const act = async (reply: FastifyReply, back: string, success: string, run: () => Promise<unknown>) => {
    try {
      await run();
      setFlash(reply, { kind: 'success', text: success });
    } catch (error) {
      if (!isDomainError(error) || error.status >= 500 || error.code === 'not_found') throw error;
      const details = error.fields.map((f) => f.message);
      setFlash(reply, {
        kind: 'error',
        text: [error.message, ...details.slice(0, 12), details.length > 12 ? `……共 ${details.length} 处` : '']
          .filter(Boolean)
          .join(' '),
      });
    }
    return seeOther(reply, back);
  };

  app.get('/admin/catalogs', async (request, reply) => {
    const view = await getCatalogIndex({
      stores,
      actor: request.actor,
      clock: ctx.clock,
      calendar: await ctx.calendarCache.get(),
    });
    return sendAdminPage(ctx, request, reply, {
      title: CATALOG_TEXT.title,
      active: 'catalogs',
      body: (
        <CatalogIndex
          rows={view.rows}
          queue={view.queue}
          late={view.late}
          localFields={view.localFields}
          canAddFields={view.canAddFields}
          csrfToken={request.csrfToken}
        />
      ),
    });
  });

  app.post('/admin/catalog-fields', async (request, reply) => {
    const name = field(formFields(request), 'name');
    return act(reply, '/admin/catalogs', CATALOG_TEXT.localFieldAdded, () =>
      addLocalField({ ...deps, actor: request.actor, name }),
    );
  });

  app.get('/admin/catalogs/:code', async (request, reply) => {
    const org = await orgOf(request);
    const workspace = await getCatalogWorkspace({ stores, actor: request.actor, orgId: org.id });
    return sendAdminPage(ctx, request, reply, {
      title: `${org.name} 标准目录`,
      active: 'catalogs',
      body: (
        <CatalogWorkspacePage workspace={workspace} csrfToken={request.csrfToken} templateFields={templateFields} />
      ),
    });
  });

  app.post('/admin/catalogs/:code/start', async (request, reply) => {
    const org = await orgOf(request);
    return act(reply, `/admin/catalogs/${org.code}`, CATALOG_TEXT.started, () =>
      startCatalogVersion({ ...deps, actor: request.actor, orgId: org.id }),
    );
  });

  app.post('/admin/catalogs/:code/template', async (request, reply) => {
    const org = await orgOf(request);
    const fieldCode = field(formFields(request), 'fieldCode');
    return act(reply, `/admin/catalogs/${org.code}`, CATALOG_TEXT.templateImported, async () =>
      importCatalogTemplate({ ...deps, actor: request.actor, versionId: (await workingVersion(org.id)).id, fieldCode }),
    );
  });

  app.post('/admin/catalogs/:code/import', { config: { uploads: true } }, async (request, reply) => {
    const org = await orgOf(request);
    const file = formFile(request, 'file');
    return act(reply, `/admin/catalogs/${org.code}`, CATALOG_TEXT.sheetImported, async () => {
      if (!file)
        throw new DomainError('validation_failed', {
          fields: [{ field: 'file', message: CATALOG_TEXT.chooseWorkbook }],
        });
      return importCatalogSheet({
        ...deps,
        actor: request.actor,
        versionId: (await workingVersion(org.id)).id,
        readWorkbook: (bytes) => ctx.workbooks.read(bytes),
        bytes: await readFile(file.path),
      });
    });
  });

  app.get('/admin/catalogs/:code/export.xlsx', async (request, reply) => {
    const org = await orgOf(request);
    const workspace = await getCatalogWorkspace({ stores, actor: request.actor, orgId: org.id });
    const entries = workspace.working ? workspace.workingEntries : workspace.publishedEntries;
    const bytes = await ctx.workbooks.write(catalogToSheets(entries, org.name, workspace.localFields));
    const version = workspace.working ?? workspace.published;
    const name = `${org.name}标准目录${version ? `第${version.number}版` : ''}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(bytes);
  });

  app.post('/admin/catalogs/:code/submit', async (request, reply) => {
    const org = await orgOf(request);
    return act(reply, `/admin/catalogs/${org.code}`, CATALOG_TEXT.submitted, async () =>
      submitCatalog({ ...deps, actor: request.actor, versionId: (await workingVersion(org.id)).id }),
    );
  });

  app.post('/admin/catalogs/:code/review', async (request, reply) => {
    const org = await orgOf(request);
    const fields = formFields(request);
    const versionId = field(fields, 'versionId');
    if (field(fields, 'decision') === 'approve') {
      return act(reply, `/admin/catalogs/${org.code}`, CATALOG_TEXT.approved, () =>
        approveCatalog({ ...deps, actor: request.actor, versionId }),
      );
    }
    const entryComments = Object.fromEntries(
      Object.keys(fields)
        .filter((name) => name.startsWith('comment-'))
        .map((name) => [name.slice('comment-'.length), field(fields, name)]),
    );
    return act(reply, `/admin/catalogs/${org.code}`, CATALOG_TEXT.returned, () =>
      returnCatalog({ ...deps, actor: request.actor, versionId, comment: field(fields, 'comment'), entryComments }),
    );
  });

  app.post('/admin/catalogs/:code/negative', async (request, reply) => {
    const org = await orgOf(request);
    const fields = formFields(request);
    return act(reply, `/admin/catalogs/${org.code}`, CATALOG_TEXT.negativeAdded, async () => {
      const basis = parseLegalBasis(field(fields, 'legalBasis'));
      if (!basis.ok)
        throw new DomainError('validation_failed', { fields: [{ field: 'legalBasis', message: basis.message }] });
      return addNegativeItem({
        ...deps,
        actor: request.actor,
        versionId: (await workingVersion(org.id)).id,
        item: field(fields, 'item'),
        legalBasis: basis.value,
        note: field(fields, 'note'),
      });
    });
  });

  app.post('/admin/catalogs/:code/negative/:id/delete', async (request, reply) => {
    const org = await orgOf(request);
    const { id } = parseInput(IdParams, { id: (request.params as { id: string }).id });
    return act(reply, `/admin/catalogs/${org.code}`, CATALOG_TEXT.negativeRemoved, async () =>
      removeNegativeItem({ ...deps, actor: request.actor, versionId: (await workingVersion(org.id)).id, itemId: id }),
    );
  });

  app.get('/admin/catalogs/:code/entries/new', async (request, reply) => {
    const org = await orgOf(request);
    await workingVersion(org.id);
    return renderEntryForm(
      request,
      reply,
      `/admin/catalogs/${org.code}/entries`,
      `/admin/catalogs/${org.code}`,
      EMPTY_ENTRY_FORM,
      [],
      '新增目录事项',
    );
  });

  app.post('/admin/catalogs/:code/entries', async (request, reply) => {
    const org = await orgOf(request);
    const working = await workingVersion(org.id);
    return saveFromForm(request, reply, {
      versionId: working.id,
      orgCode: org.code,
      action: `/admin/catalogs/${org.code}/entries`,
      heading: '新增目录事项',
    });
  });

  app.get('/admin/catalog-entries/:id/edit', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const { entry, orgCode } = await entryFor(request, id);
    return renderEntryForm(
      request,
      reply,
      `/admin/catalog-entries/${id}`,
      `/admin/catalogs/${orgCode}`,
      formValuesOfEntry(entry),
      [],
      '编辑目录事项',
      entry.reviewComment,
    );
  });

  app.post('/admin/catalog-entries/:id', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const { entry, orgCode } = await entryFor(request, id);
    return saveFromForm(request, reply, {
      versionId: entry.versionId,
      entryId: id,
      orgCode,
      action: `/admin/catalog-entries/${id}`,
      heading: '编辑目录事项',
    });
  });

  app.post('/admin/catalog-entries/:id/delete', async (request, reply) => {
    const { id } = parseInput(IdParams, request.params);
    const { orgCode } = await entryFor(request, id);
    return act(reply, `/admin/catalogs/${orgCode}`, CATALOG_TEXT.entryRemoved, () =>
      removeCatalogEntry({ ...deps, actor: request.actor, entryId: id }),
    );
  });

  app.get('/admin/catalogs/:code/timeliness', async (request, reply) => {
    const org = await orgOf(request);
    const report = await timelinessReport({
      stores,
      actor: request.actor,
      clock: ctx.clock,
      calendar: await ctx.calendarCache.get(),
      orgId: org.id,
    });
    return sendAdminPage(ctx, request, reply, {
      title: `${org.name} 公开时限报告`,
      active: 'catalogs',
      body: <TimelinessPage report={report} warning={uncoveredWarning(report.uncoveredYears)} />,
    });
  });

  /** The entry and its unit's code, for staff who can see the unit. */
  async function entryFor(request: FastifyRequest, id: string) {
    const entry = await stores.catalogs.getEntry(id);
    const version = entry && (await stores.catalogs.getVersion(entry.versionId));
    const org = version && (await stores.orgs.getById(version.orgId));
    if (!entry || !org || !scopeIncludes(scopeFor(request.actor, 'document.read'), org.path))
      throw new DomainError('not_found');
    return { entry, orgCode: org.code };
  }

  async function saveFromForm(
    request: FastifyRequest,
    reply: FastifyReply,
    target: { versionId: string; entryId?: string; orgCode: string; action: string; heading: string },
  ) {
    const values = entryFormValues(formFields(request));
    const { content, issues } = entryContentFromForm(values);
    try {
      if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
      await saveCatalogEntry({
        ...deps,
        actor: request.actor,
        versionId: target.versionId,
        entryId: target.entryId,
        content,
      });
      setFlash(reply, { kind: 'success', text: CATALOG_TEXT.entrySaved });
      return seeOther(reply, `/admin/catalogs/${target.orgCode}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderEntryForm(
        request,
        reply,
        target.action,
        `/admin/catalogs/${target.orgCode}`,
        values,
        error.fields,
        target.heading,
        null,
        400,
      );
    }
  }

  async function renderEntryForm(
    request: FastifyRequest,
    reply: FastifyReply,
    action: string,
    cancelHref: string,
    values: EntryFormValues,
    issues: FieldIssue[],
    heading: string,
    reviewComment: string | null = null,
    status = 200,
  ) {
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: heading,
        active: 'catalogs',
        body: (
          <EntryForm
            action={action}
            heading={heading}
            csrfToken={request.csrfToken}
            values={values}
            issues={issues}
            localFields={await stores.catalogs.localFields()}
            cancelHref={cancelHref}
            reviewComment={reviewComment}
          />
        ),
      },
      status,
    );
  }
}
