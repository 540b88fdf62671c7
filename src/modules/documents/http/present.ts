import { z } from 'zod';
import { pilotField } from '../../../reference/pilot-fields.ts';
import type { Org } from '../../orgs/index.ts';
import type { Edition, GovDocument } from '../domain/workflow.ts';
import { EDITION_STATES } from '../domain/workflow.ts';
import type { Attachment, EditionListItem } from '../ports.ts';
import type { HistoryEntry, PublicDocumentView } from '../queries/get-document.ts';

/** The public address of a document's page. */
export function documentPath(documentId: string): string {
  return `/xxgk/doc/${documentId}`;
}

/** A document's short address, for text messages where every character counts; it redirects to the page. */
export function documentShortPath(documentId: string): string {
  return `/d/${documentId}`;
}

/** The public address of an attachment (the file name is there for people and download managers). */
export function attachmentPath(attachment: Pick<Attachment, 'id' | 'fileName'>): string {
  return `/xxgk/files/${attachment.id}/${encodeURIComponent(attachment.fileName)}`;
}

export const PublicDocumentSummary = z
  .object({
    id: z.string(),
    indexNumber: z.string().nullable().meta({ description: '索引号' }),
    title: z.string(),
    docNumber: z.string().nullable().meta({ description: '文号' }),
    issuer: z.string().meta({ description: '发布机构' }),
    org: z.object({ code: z.string(), name: z.string() }),
    writtenOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    topic: z.string(),
    genre: z.string(),
    field: z.object({ code: z.string(), name: z.string() }).nullable(),
    validity: z.string(),
    isNormative: z.boolean(),
    state: z.enum(['published', 'withdrawn']),
    url: z.string().meta({ description: '公众页面地址' }),
  })
  .meta({ id: 'PublicDocumentSummary' });

export const PublicDocumentDetail = PublicDocumentSummary.extend({
  keywords: z.array(z.string()),
  audiences: z.array(z.string()).meta({ description: '服务对象' }),
  policyTags: z.array(z.string()).meta({ description: '政策标签' }),
  validityOn: z.string().nullable(),
  bodyHtml: z.string(),
  version: z.string(),
  withdrawal: z.object({ at: z.string(), reason: z.string() }).nullable(),
  attachments: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      url: z.string(),
    }),
  ),
  history: z.array(
    z.object({ version: z.string(), publishedAt: z.string(), changeNote: z.string().nullable(), isMajor: z.boolean() }),
  ),
}).meta({ id: 'PublicDocumentDetail' });

export const StaffEditionView = z
  .object({
    documentId: z.string(),
    editionId: z.string(),
    number: z.number(),
    state: z.enum(EDITION_STATES),
    indexNumber: z.string().nullable(),
    org: z.object({ id: z.string(), code: z.string(), name: z.string() }),
    title: z.string(),
    docNumber: z.string().nullable(),
    issuer: z.string(),
    writtenOn: z.string().nullable(),
    publishedOn: z.string().nullable(),
    topic: z.string(),
    genre: z.string(),
    isNormative: z.boolean(),
    validity: z.string(),
    validityOn: z.string().nullable(),
    fieldCode: z.string().nullable(),
    keywords: z.array(z.string()),
    audiences: z.array(z.string()),
    policyTags: z.array(z.string()),
    catalogEntryKey: z.string().nullable(),
    formedOn: z.string().nullable(),
    bodyHtml: z.string(),
    changeNote: z.string().nullable(),
    isMajor: z.boolean(),
    version: z.string().nullable(),
    createdBy: z.string(),
    updatedAt: z.string(),
    submittedBy: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    publishedAt: z.string().nullable(),
    scheduledAt: z.string().nullable(),
    forcePublished: z.boolean(),
    awaitingRetrospectiveApproval: z.boolean(),
    rejectionReason: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    publicUrl: z.string().nullable(),
  })
  .meta({ id: 'StaffEdition' });

export function presentPublicSummary(
  edition: Edition,
  document: GovDocument,
  org: Pick<Org, 'code' | 'name'>,
  baseUrl: string,
): z.infer<typeof PublicDocumentSummary> {
  const field = edition.content.fieldCode ? pilotField(edition.content.fieldCode) : undefined;
  return {
    id: document.id,
    indexNumber: document.indexNumber,
    title: edition.content.title,
    docNumber: edition.content.docNumber,
    issuer: edition.content.issuer,
    org: { code: org.code, name: org.name },
    writtenOn: edition.content.writtenOn,
    publishedOn: edition.content.publishedOn,
    topic: edition.content.topic,
    genre: edition.content.genre,
    field: field ? { code: field.code, name: field.name } : null,
    validity: edition.content.validity,
    isNormative: edition.content.isNormative,
    state: edition.state === 'withdrawn' ? 'withdrawn' : 'published',
    url: `${baseUrl}${documentPath(document.id)}`,
  };
}

export function presentPublicListItem(item: EditionListItem, baseUrl: string): z.infer<typeof PublicDocumentSummary> {
  return presentPublicSummary(item.edition, item.document, item.org, baseUrl);
}

export function presentPublicDetail(view: PublicDocumentView, baseUrl: string): z.infer<typeof PublicDocumentDetail> {
  const { edition } = view;
  return {
    ...presentPublicSummary(edition, view.document, view.org, baseUrl),
    keywords: edition.content.keywords,
    audiences: edition.content.audiences,
    policyTags: edition.content.policyTags,
    validityOn: edition.content.validityOn,
    bodyHtml: edition.content.bodyHtml,
    version: versionLabel(edition) ?? '1.0',
    withdrawal:
      edition.state === 'withdrawn' && edition.withdrawnAt
        ? { at: edition.withdrawnAt, reason: edition.withdrawalReason ?? '' }
        : null,
    attachments: view.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      mediaType: a.mediaType,
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      url: `${baseUrl}${attachmentPath(a)}`,
    })),
    history: view.history.map((h: HistoryEntry) => ({ ...h })),
  };
}

export function presentStaffEdition(
  edition: Edition,
  document: GovDocument,
  org: Pick<Org, 'id' | 'code' | 'name'>,
  baseUrl: string,
): z.infer<typeof StaffEditionView> {
  const c = edition.content;
  const isLive = edition.state === 'published' || edition.state === 'withdrawn';
  return {
    documentId: document.id,
    editionId: edition.id,
    number: edition.number,
    state: edition.state,
    indexNumber: document.indexNumber,
    org: { id: org.id, code: org.code, name: org.name },
    title: c.title,
    docNumber: c.docNumber,
    issuer: c.issuer,
    writtenOn: c.writtenOn,
    publishedOn: c.publishedOn,
    topic: c.topic,
    genre: c.genre,
    isNormative: c.isNormative,
    validity: c.validity,
    validityOn: c.validityOn,
    fieldCode: c.fieldCode,
    keywords: c.keywords,
    audiences: c.audiences,
    policyTags: c.policyTags,
    catalogEntryKey: c.catalogEntryKey,
    formedOn: c.formedOn,
    bodyHtml: c.bodyHtml,
    changeNote: c.changeNote,
    isMajor: c.isMajor,
    version: versionLabel(edition),
    createdBy: edition.createdBy,
    updatedAt: edition.updatedAt,
    submittedBy: edition.submittedBy,
    reviewedBy: edition.reviewedBy,
    publishedAt: edition.publishedAt,
    scheduledAt: edition.scheduledAt,
    forcePublished: edition.forcePublished,
    awaitingRetrospectiveApproval: edition.forcePublished && edition.retroApprovedBy === null && isLive,
    rejectionReason: edition.rejectionReason,
    withdrawalReason: edition.withdrawalReason,
    publicUrl: isLive ? `${baseUrl}${documentPath(document.id)}` : null,
  };
}

/** "2.1" for a published edition, null before publication. */
export function versionLabel(edition: Pick<Edition, 'versionMajor' | 'versionMinor'>): string | null {
  return edition.versionMajor === null ? null : `${edition.versionMajor}.${edition.versionMinor ?? 0}`;
}

/** A human-readable file size. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
