import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, isDomainError, type FieldIssue } from '../../../platform/errors.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { formFields, field, formFile } from '../../../platform/http/forms.ts';
import { readFile } from 'node:fs/promises';
import { sheetAsChartText } from '../domain/chart-data.ts';
import { seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { draftableOrgs, publishedChoices } from './choices.ts';
import { submitGraphicInterpretation } from '../commands/submit-graphic-interpretation.ts';
import { INTERPRETATION_TEXT } from '../strings.ts';
import { GraphicForm } from '../views/graphic-form.tsx';
import { KindForm } from '../views/kind-form.tsx';
import { VideoForm } from '../views/video-form.tsx';
import { blocksOfKindForm, FORM_KINDS, kindFormOfBlocks, type FormKind } from './kind-form.ts';
import type { InterpretationWebDeps } from './deps.ts';
import { blocksOfForm, formIssues, formOfBlocks, type GraphicFormValues } from './graphic-form.ts';
import { can } from '../../access/index.ts';
import { asGraphicBlocks } from '../domain/content.ts';
import { registerNewMediaRoutes } from './new-media-routes.ts';

/** A chart's workbook is a small table; anything larger is not what a chart is drawn from. */
const MAX_CHART_WORKBOOK_BYTES = 2 * 1024 * 1024;

const EditParams = z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) });
/** The policy and kind a new interpretation is for, when the link names them; anything odd is ignored. */
const NewInterpretationQuery = z.object({
  policy: z.string().max(40).optional().catch(undefined),
  kind: z
    .enum(['graphic', 'video', ...FORM_KINDS])
    .optional()
    .catch(undefined),
});

/** The form's kind: a 图解 unless the form names another. */
function kindOf(value: string | undefined): 'graphic' | 'video' | FormKind {
  if (value === 'video') return 'video';
  return (FORM_KINDS as readonly string[]).includes(value ?? '') ? (value as FormKind) : 'graphic';
}

/** A video interpretation's three files, as the form sent them. */
const VIDEO_FIELDS = ['video', 'captions', 'poster'] as const;

/**
 * The back office's interpretation pages: the graphic builder, which sends an interpretation for
 * review, and an interpretation's new-media downloads.
 */
export function registerInterpretationAdminRoutes(app: FastifyInstance, ctx: InterpretationWebDeps): void {
  registerNewMediaRoutes(app, ctx);
  app.get('/admin/interpretations/new', async (request, reply) => {
    const { policy, kind } = parseInput(NewInterpretationQuery, request.query);
    return renderForm(request, reply, { policyDocumentId: policy ?? '', kind: kind ?? 'graphic' }, [], 200);
  });

  // Multipart: a chart's data may come as an .xlsx workbook (the graphic form's file fields).
  app.post('/admin/interpretations', { config: { uploads: true } }, async (request, reply) =>
    submit(request, reply, null),
  );

  // The next edition of an interpretation, or its draft or returned edition corrected: the form
  // filled from the newest edition's blocks, sent for review again.
  app.get('/admin/interpretations/:id/edit', async (request, reply) => {
    const { document, record, edition } = await editable(request);
    const blocks = record.blocks;
    const values: GraphicFormValues = {
      ...(record.kind === 'graphic'
        ? formOfBlocks(asGraphicBlocks(blocks))
        : kindFormOfBlocks(kindOf(record.kind) as FormKind, blocks)),
      kind: record.kind,
      orgId: document.orgId,
      title: edition.content.title,
      policyDocumentId: record.policyDocumentIds[0] ?? '',
      policy2: record.policyDocumentIds[1] ?? '',
      policy3: record.policyDocumentIds[2] ?? '',
    };
    return renderForm(request, reply, values, [], 200, document.id);
  });

  app.post('/admin/interpretations/:id', { config: { uploads: true } }, async (request, reply) => {
    const { document } = await editable(request);
    return submit(request, reply, document.id);
  });

  /** The interpretation the path names, if the reader may draft for its unit; else it does not exist. */
  async function editable(request: FastifyRequest) {
    const { id } = parseInput(EditParams, request.params);
    const document = await ctx.stores.documents.getDocument(id);
    const org = document ? await ctx.stores.orgs.getById(document.orgId) : undefined;
    if (!document || !org || !can(request.actor, 'document.draft', org.path)) throw new DomainError('not_found');
    const edition = (await ctx.stores.documents.editionsOf(id)).sort((a, b) => b.number - a.number)[0];
    const record = edition ? await ctx.stores.interpretations.forEdition(edition.id) : undefined;
    if (!edition || !record || record.kind === 'video') {
      throw new DomainError('not_found', { message: INTERPRETATION_TEXT.media.notInterpretation });
    }
    return { document, edition, record };
  }

  async function submit(request: FastifyRequest, reply: FastifyReply, documentId: string | null) {
    const fields = formFields(request);
    const values: GraphicFormValues = Object.fromEntries(
      Object.keys(fields).map((name) => [name, field(fields, name)]),
    );
    const kind = kindOf(values.kind);
    const uploadIssues = kind === 'graphic' ? await readChartFiles(request, values) : [];
    const uploads = [];
    if (kind === 'video') {
      for (const name of VIDEO_FIELDS) {
        const file = formFile(request, `video.${name}`);
        if (file && file.sizeBytes > 0) uploads.push({ fileName: file.fileName, bytes: await readFile(file.path) });
      }
    }
    const { blocks, places } =
      kind === 'graphic'
        ? blocksOfForm(values)
        : kind === 'video'
          ? { blocks: [videoBlockOf(request, values)], places: ['video'] }
          : blocksOfKindForm(kind, values);
    if (uploadIssues.length > 0) return renderForm(request, reply, values, uploadIssues, 400, documentId);
    try {
      const { document } = await submitGraphicInterpretation({
        ...ctx,
        maxUploadBytes: ctx.config.maxUploadBytes,
        actor: request.actor,
        orgId: values.orgId ?? '',
        documentId,
        input: {
          kind,
          title: values.title ?? '',
          policyDocumentIds: [values.policyDocumentId ?? '', values.policy2 ?? '', values.policy3 ?? ''],
          blocks,
          changeNote: values.changeNote,
        },
        uploads,
      });
      setFlash(reply, { kind: 'success', text: INTERPRETATION_TEXT.submitted });
      return seeOther(reply, `/admin/documents/${document.id}`);
    } catch (error) {
      if (!isDomainError(error, 'validation_failed')) throw error;
      return renderForm(request, reply, values, formIssues(error.fields, places), 400, documentId);
    }
  }

  /** The video block the form describes: its description and the names of the files chosen. */
  function videoBlockOf(request: FastifyRequest, values: GraphicFormValues) {
    const nameOf = (name: string) => {
      const file = formFile(request, `video.${name}`);
      return file && file.sizeBytes > 0 ? file.fileName : '';
    };
    return {
      kind: 'video' as const,
      description: values['video.description'] ?? '',
      video: nameOf('video'),
      captions: nameOf('captions'),
      poster: nameOf('poster'),
    };
  }

  /**
   * A chart's data uploaded as an .xlsx workbook replaces what was pasted: its first worksheet as
   * tab-separated text, which the form then shows and the use case reads like pasted data.
   */
  async function readChartFiles(request: FastifyRequest, values: GraphicFormValues): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    for (const place of ['chart1', 'chart2']) {
      const file = formFile(request, `${place}.file`);
      if (!file || file.sizeBytes === 0) continue;
      const name = `${place}.file`;
      if (file.sizeBytes > MAX_CHART_WORKBOOK_BYTES) {
        issues.push({
          field: name,
          message: INTERPRETATION_TEXT.chart.workbookTooLarge(MAX_CHART_WORKBOOK_BYTES / 1024 / 1024),
        });
        continue;
      }
      const sheets = await ctx.workbooks.read(await readFile(file.path));
      const first = sheets?.[0];
      if (!sheets) issues.push({ field: name, message: INTERPRETATION_TEXT.chart.notWorkbook });
      else if (!first || first.rows.every((row) => row.every((cell) => cell.trim() === ''))) {
        issues.push({ field: name, message: INTERPRETATION_TEXT.chart.emptyWorkbook });
      } else values[`${place}.data`] = sheetAsChartText(first.rows);
    }
    return issues;
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: GraphicFormValues,
    issues: FieldIssue[],
    status: number,
    documentId: string | null = null,
  ) {
    // Editing, the unit is the document's own.
    const orgs = (await draftableOrgs(ctx, request.actor)).filter((org) => !documentId || org.id === values.orgId);
    if (orgs.length === 0) throw new DomainError('forbidden');
    const policyChoices = await publishedChoices(
      ctx,
      request.actor,
      (genre) => genre !== '政策解读' && genre !== '回应关切',
    );
    const orgChoices = orgs.map((org) => ({ value: org.id, label: org.name }));
    const kind = kindOf(values.kind);
    return sendAdminPage(
      ctx,
      request,
      reply,
      {
        title: `新建${INTERPRETATION_TEXT.kinds[kind]}`,
        active: 'interpretations',
        body:
          kind === 'video' ? (
            <VideoForm
              csrfToken={request.csrfToken}
              values={values}
              issues={issues}
              orgChoices={orgChoices}
              policyChoices={policyChoices}
              maxUploadMb={Math.floor(ctx.config.maxUploadBytes / 1024 / 1024)}
            />
          ) : kind === 'graphic' ? (
            <GraphicForm
              documentId={documentId}
              csrfToken={request.csrfToken}
              values={values}
              issues={issues}
              orgChoices={orgChoices}
              policyChoices={policyChoices}
            />
          ) : (
            <KindForm
              documentId={documentId}
              kind={kind}
              csrfToken={request.csrfToken}
              values={values}
              issues={issues}
              orgChoices={orgChoices}
              policyChoices={policyChoices}
            />
          ),
      },
      status,
    );
  }
}
