import { z } from 'zod';
import { DOCUMENT_TEXT } from '../strings.ts';
import type { DocumentsWebDeps } from './deps.ts';
import { DomainError } from '../../../platform/errors.ts';
import { apiRoute, type ApiRoute } from '../../../platform/http/api.ts';
import { formFile, isMultipartForm } from '../../../platform/http/forms.ts';
import type { Actor } from '../../access/index.ts';
import { addAttachment } from '../commands/add-attachment.ts';
import { approveRetrospectively } from '../commands/approve-retrospectively.ts';
import { createDraft } from '../commands/create-draft.ts';
import { createNewEdition } from '../commands/create-new-edition.ts';
import { discardDraft } from '../commands/discard-draft.ts';
import { forcePublishEdition } from '../commands/force-publish-edition.ts';
import { publishEdition } from '../commands/publish-edition.ts';
import { rejectEdition } from '../commands/reject-edition.ts';
import { scheduleEdition } from '../commands/schedule-edition.ts';
import { submitEdition } from '../commands/submit-edition.ts';
import { unscheduleEdition } from '../commands/unschedule-edition.ts';
import { updateDraft } from '../commands/update-draft.ts';
import { withdrawEdition } from '../commands/withdraw-edition.ts';
import type { Edition } from '../domain/workflow.ts';
import { findEditions } from '../queries/find-editions.ts';
import { getPublicDocument, getStaffDocument } from '../queries/get-document.ts';
import {
  PublicDocumentDetail,
  PublicDocumentSummary,
  StaffEditionView,
  presentPublicDetail,
  presentPublicListItem,
  presentStaffEdition,
} from './present.ts';
import { EditionContentBody, IdParams, PublicListQuery, StaffListQuery } from './schemas.ts';

const ReasonBody = z.object({ reason: z.string().max(1000).meta({ description: '原因' }) });
const AttachmentView = z
  .object({ id: z.string(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number(), sha256: z.string() })
  .meta({ id: 'Attachment' });

/** Public reads of government information, and the staff workflow for holders of a token. */
export function documentApiRoutes(ctx: DocumentsWebDeps): ApiRoute[] {
  const { stores } = ctx;
  const deps = { uow: ctx.uow, clock: ctx.clock, sanitiser: ctx.sanitiser };

  /** The edition as the staff API returns it, read back through the staff filter. */
  const staffView = async (actor: Actor, edition: Edition) => {
    const view = await getStaffDocument({
      documents: stores.documents,
      orgs: stores.orgs,
      actor,
      documentId: edition.documentId,
    });
    return presentStaffEdition(edition, view.document, view.org, ctx.config.publicUrl);
  };

  const action = (
    path: string,
    summary: string,
    run: (actor: Actor, editionId: string, body: unknown) => Promise<Edition>,
    body?: z.ZodType,
  ): ApiRoute =>
    apiRoute({
      method: 'POST',
      path: `/api/v1/staff/editions/{id}/${path}`,
      summary,
      tag: 'staff-workflow',
      auth: 'token',
      params: IdParams,
      ...(body ? { body } : {}),
      response: StaffEditionView,
      handler: async ({ params, body: parsed, staff }) => staffView(staff, await run(staff, params.id, parsed)),
    });

  return [
    apiRoute({
      method: 'GET',
      path: '/api/v1/documents',
      summary: '公开的政府信息列表',
      tag: 'public',
      auth: 'public',
      query: PublicListQuery,
      response: z.object({ items: z.array(PublicDocumentSummary), total: z.number() }),
      handler: async ({ query }) => {
        const orgs = query.org ? await stores.orgs.getByCode(query.org) : undefined;
        if (query.org && !orgs) return { items: [], total: 0 };
        const result = await findEditions({
          documents: stores.documents,
          // The public list is the public list, whoever asks.
          actor: { kind: 'public' },
          filter: {
            orgSubtreeOf: orgs?.id,
            fieldCode: query.field,
            topic: query.topic,
            genre: query.genre,
            query: query.q,
          },
          page: { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
        });
        return {
          items: result.items.map((item) => presentPublicListItem(item, ctx.config.publicUrl)),
          total: result.total,
        };
      },
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/documents/{id}',
      summary: '一条公开的政府信息（含正文、附件和更新记录）',
      tag: 'public',
      auth: 'public',
      params: IdParams,
      response: PublicDocumentDetail,
      handler: async ({ params }) =>
        presentPublicDetail(
          await getPublicDocument({ documents: stores.documents, orgs: stores.orgs, documentId: params.id }),
          ctx.config.publicUrl,
        ),
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/staff/documents',
      summary: '本人管理范围内的信息（各状态）',
      tag: 'staff-workflow',
      auth: 'token',
      query: StaffListQuery,
      response: z.object({ items: z.array(StaffEditionView), total: z.number() }),
      handler: async ({ query, staff }) => {
        const org = query.org ? await stores.orgs.getByCode(query.org) : undefined;
        // An unknown unit matches nothing; dropping the filter would answer a different question.
        if (query.org && !org) return { items: [], total: 0 };
        const result = await findEditions({
          documents: stores.documents,
          actor: staff,
          filter: {
            states: query.state ? [query.state] : undefined,
            orgSubtreeOf: org?.id,
            fieldCode: query.field,
            topic: query.topic,
            genre: query.genre,
            query: query.q,
            createdBy: query.mine ? staff.userId : undefined,
            awaitingRetrospectiveApproval: query.flagged === '1' || undefined,
          },
          page: { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
        });
        return {
          items: result.items.map((item) =>
            presentStaffEdition(item.edition, item.document, item.org, ctx.config.publicUrl),
          ),
          total: result.total,
        };
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/staff/documents',
      summary: '新建信息（生成草稿）',
      tag: 'staff-workflow',
      auth: 'token',
      body: EditionContentBody.extend({ orgId: z.string().meta({ description: '发布单位编号' }) }),
      response: StaffEditionView,
      successStatus: 201,
      handler: async ({ body, staff }) => {
        const { edition } = await createDraft({ ...deps, actor: staff, orgId: body.orgId, input: body });
        return staffView(staff, edition);
      },
    }),
    apiRoute({
      method: 'POST',
      path: '/api/v1/staff/documents/{id}/editions',
      summary: '为已发布的信息创建新版本草稿',
      tag: 'staff-workflow',
      auth: 'token',
      params: IdParams,
      response: StaffEditionView,
      successStatus: 201,
      handler: async ({ params, staff }) =>
        staffView(staff, await createNewEdition({ ...deps, actor: staff, documentId: params.id })),
    }),
    apiRoute({
      method: 'GET',
      path: '/api/v1/staff/editions/{id}',
      summary: '一个版本的全部内容和流程状态',
      tag: 'staff-workflow',
      auth: 'token',
      params: IdParams,
      response: StaffEditionView,
      handler: async ({ params, staff }) => {
        const edition = await stores.documents.getEdition(params.id);
        if (!edition) throw new DomainError('not_found');
        return staffView(staff, edition);
      },
    }),
    apiRoute({
      method: 'PATCH',
      path: '/api/v1/staff/editions/{id}',
      summary: '修改草稿（全部字段）',
      tag: 'staff-workflow',
      auth: 'token',
      params: IdParams,
      body: EditionContentBody.extend({
        expectedUpdatedAt: z
          .string()
          .optional()
          .meta({ description: '读取时的 updatedAt；若已被他人修改则返回 conflict' }),
      }),
      response: StaffEditionView,
      handler: async ({ params, body, staff }) =>
        staffView(
          staff,
          await updateDraft({
            ...deps,
            actor: staff,
            editionId: params.id,
            input: body,
            expectedUpdatedAt: body.expectedUpdatedAt,
          }),
        ),
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/staff/editions/{id}',
      summary: '删除草稿',
      tag: 'staff-workflow',
      auth: 'token',
      params: IdParams,
      response: z.object({ documentDeleted: z.boolean() }),
      handler: async ({ params, staff }) => discardDraft({ ...deps, actor: staff, editionId: params.id }),
    }),
    action(
      'submit',
      '提交审核（含个人信息检查）',
      (actor, editionId, body) =>
        submitEdition({
          ...deps,
          actor,
          editionId,
          overrideReason: (body as { overrideReason?: string } | undefined)?.overrideReason,
        }),
      z.object({
        overrideReason: z.string().max(1000).optional().meta({ description: '审核人员放行个人信息检查的理由' }),
      }),
    ),
    action('publish', '审核发布（须非起草人）', (actor, editionId) => publishEdition({ ...deps, actor, editionId })),
    action(
      'reject',
      '退回修改',
      (actor, editionId, body) =>
        rejectEdition({ ...deps, actor, editionId, reason: (body as { reason: string }).reason }),
      ReasonBody,
    ),
    action(
      'schedule',
      '定时发布',
      (actor, editionId, body) =>
        scheduleEdition({ ...deps, actor, editionId, at: new Date((body as { at: string }).at) }),
      z.object({ at: z.iso.datetime({ offset: true }).meta({ description: '发布时间（ISO 8601，含时区）' }) }),
    ),
    action('unschedule', '取消定时发布', (actor, editionId) => unscheduleEdition({ ...deps, actor, editionId })),
    action(
      'force-publish',
      '强制发布（单位管理员；须事后审核）',
      (actor, editionId, body) =>
        forcePublishEdition({ ...deps, actor, editionId, reason: (body as { reason: string }).reason }),
      ReasonBody,
    ),
    action('approve', '对强制发布进行事后审核确认', (actor, editionId) =>
      approveRetrospectively({ ...deps, actor, editionId }),
    ),
    action(
      'withdraw',
      '撤回已发布的信息',
      (actor, editionId, body) =>
        withdrawEdition({ ...deps, actor, editionId, reason: (body as { reason: string }).reason }),
      ReasonBody,
    ),
    apiRoute({
      method: 'POST',
      path: '/api/v1/staff/editions/{id}/attachments',
      summary: '上传附件（multipart/form-data，字段 file）',
      tag: 'staff-workflow',
      auth: 'token',
      params: IdParams,
      multipart: true,
      body: z.object({}),
      response: AttachmentView,
      successStatus: 201,
      handler: async ({ params, staff, request }) => {
        if (!isMultipartForm(request)) throw new DomainError('unsupported_media_type');
        const file = formFile(request, 'file');
        if (!file)
          throw new DomainError('validation_failed', {
            fields: [{ field: 'file', message: DOCUMENT_TEXT.fileFieldRequired }],
          });
        const attachment = await addAttachment({
          ...deps,
          actor: staff,
          files: ctx.files,
          sniff: ctx.sniff,
          maxBytes: ctx.config.maxUploadBytes,
          editionId: params.id,
          fileName: file.fileName,
          content: file,
        });
        return {
          id: attachment.id,
          fileName: attachment.fileName,
          mediaType: attachment.mediaType,
          sizeBytes: attachment.sizeBytes,
          sha256: attachment.sha256,
        };
      },
    }),
  ];
}
