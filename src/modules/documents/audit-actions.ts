import { entryBuilder, type AuditActionLabels } from '../audit/index.ts';

/** What the documents module records in the audit log, with the viewer's labels. */
export const DOCUMENT_AUDIT_ACTIONS = {
  'document.draft_created': '新建草稿',
  'document.draft_updated': '修改草稿',
  'document.submitted': '提交审核',
  'document.rejected': '退回修改',
  'document.published': '审核发布',
  'document.scheduled': '定时发布',
  'document.unscheduled': '取消定时发布',
  'document.published_on_schedule': '到点自动发布',
  'document.force_published': '强制发布',
  'document.retrospectively_approved': '事后审核确认',
  'document.withdrawn': '撤回',
  'document.edition_created': '创建新版本',
  'document.draft_discarded': '删除草稿',
  'document.attachment_added': '上传附件',
  'document.attachment_removed': '删除附件',
} as const satisfies AuditActionLabels;

/** An audit entry of one of the documents module's actions. */
export const documentEntry = entryBuilder(DOCUMENT_AUDIT_ACTIONS);

/** One of the documents module's audit actions. */
export type DocumentAuditAction = keyof typeof DOCUMENT_AUDIT_ACTIONS;
