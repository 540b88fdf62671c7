/**
 * The documents module's door: everything the composition root and other modules may use. Nothing
 * else in the module is imported from outside it.
 */
export { addAttachment } from './commands/add-attachment.ts';
export { createDraft } from './commands/create-draft.ts';
export { createNewEdition } from './commands/create-new-edition.ts';
export { forcePublishEdition } from './commands/force-publish-edition.ts';
export { publishEdition } from './commands/publish-edition.ts';
export { rebuildPublicIndex } from './commands/rebuild-public-index.ts';
export { rejectEdition } from './commands/reject-edition.ts';
export { submitEdition } from './commands/submit-edition.ts';
export { submitGeneratedEdition } from './commands/submit-generated-edition.ts';
export type { GeneratedFile } from './commands/submit-generated-edition.ts';
export { updateDraft } from './commands/update-draft.ts';
export { withdrawEdition } from './commands/withdraw-edition.ts';
export type { Audience, EditionContentInput, Genre, PolicyTag, Topic } from './domain/metadata.ts';
export { AUDIENCES, GENRES, POLICY_TAGS, TOPICS, VALIDITIES } from './domain/metadata.ts';
export { EDITION_STATE_LABELS, reasonToPreventApproval } from './domain/workflow.ts';
export type { Edition, EditionState, GovDocument } from './domain/workflow.ts';
export { registerDocumentAdminRoutes } from './http/admin-routes.tsx';
export { documentApiRoutes } from './http/api-routes.ts';
export { registerColumnRoutes } from './http/column-routes.tsx';
export { feedAlternates } from './http/feed-routes.ts';
export { PUBLISH_DUE_EDITIONS_JOB, publishDueEditions } from './jobs/publish-due-editions.ts';
export { ATTACHMENT_TEXT_JOB, extractAttachmentText } from './jobs/extract-attachment-text.ts';
export type {
  AttachmentTextExtractor,
  AttachmentTextRecord,
  AttachmentTextStore,
  CatalogFiling,
  DocumentPageAdditions,
  DocumentStore,
  EditionListItem,
  EntryChoiceGroup,
  FileSniffer,
  FileStorage,
  Paged,
} from './ports.ts';
export { findEditions } from './queries/find-editions.ts';
export { announcedPublication } from './queries/announced-publication.ts';
export type { AnnouncedPublication } from './queries/announced-publication.ts';
export { DOCUMENT_PUBLISHED_JOB } from './commands/announce-publication.ts';
export { regulatoryCounts } from './queries/regulatory-counts.ts';
export type { IssuanceCounts, RegulatoryCounts } from './domain/regulatory-counts.ts';
export type { DocumentStores } from './commands/edition-context.ts';
export { DOCUMENT_TEXT } from './strings.ts';
export { EditionTable } from './views/document-list.tsx';
export { ColumnFrame, DocumentTable, SUB_COLUMNS } from './views/column.tsx';
export { attachmentPath, documentPath, documentShortPath } from './http/present.ts';
export { DOCUMENT_AUDIT_ACTIONS } from './audit-actions.ts';
