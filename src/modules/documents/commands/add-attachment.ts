import type { Clock } from '../../../platform/clock.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { documentEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import { TEXT_BEARING_MEDIA_TYPES, checkUpload } from '../domain/attachment-policy.ts';
import { ALLOWED_FROM } from '../domain/workflow.ts';
import { sizeOf, type Attachment, type FileContent, type FileSniffer, type FileStorage } from '../ports.ts';
import { loadEditionContext, requireActionPermission, type DocumentStores } from './edition-context.ts';
import { ATTACHMENT_TEXT_JOB } from './public-index.ts';

/**
 * Attaches a file to an editable edition. The type is decided from the bytes and must agree with
 * the name; the content is stored under its SHA-256. A PDF, Word or Excel file gets a job that
 * extracts its text for the search index.
 * @throws DomainError `upload_too_large`, `upload_type_not_allowed`, `upload_type_mismatch`,
 *   `invalid_transition` (edition not editable), `forbidden`, `not_found`.
 */
export async function addAttachment(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  files: FileStorage;
  sniff: FileSniffer;
  maxBytes: number;
  editionId: string;
  fileName: string;
  content: FileContent;
}): Promise<Attachment> {
  const sizeBytes = sizeOf(options.content);
  const checked = checkUpload({
    fileName: options.fileName,
    sizeBytes,
    maxBytes: options.maxBytes,
    detectedExtension: await options.sniff(options.content),
  });
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const context = await loadEditionContext(stores, options.editionId);
    requireActionPermission(options.actor, 'edit', context.org);
    if (!ALLOWED_FROM.edit.includes(context.edition.state)) {
      throw new DomainError('invalid_transition', { message: DOCUMENT_TEXT.attachmentsOnlyOnDrafts });
    }
    // Written before the row: a failed transaction leaves at most an unreferenced file, never a row without bytes.
    const sha256 = await options.files.put(options.content);
    const existing = await stores.documents.attachmentsOf(context.edition.id);
    const attachment: Attachment = {
      id: newId(),
      editionId: context.edition.id,
      fileName: checked.fileName,
      mediaType: checked.mediaType,
      sizeBytes,
      sha256,
      sortOrder: existing.length,
      createdAt: now.toISOString(),
      createdBy: options.actor.kind === 'staff' ? options.actor.userId : 'system',
    };
    await stores.documents.insertAttachment(attachment);
    // Its text is read now, off the request, so it is usually ready when the edition is published.
    const known = await stores.attachmentTexts.textsOf([sha256]);
    if (TEXT_BEARING_MEDIA_TYPES.includes(attachment.mediaType) && !known.has(sha256)) {
      await stores.jobs.send(ATTACHMENT_TEXT_JOB, {
        sha256,
        mediaType: attachment.mediaType,
        documentId: context.document.id,
      });
    }
    await stores.audit.append(
      documentEntry(auditActor(options.actor), now, {
        action: 'document.attachment_added',
        entityType: 'document',
        entityId: context.document.id,
        orgId: context.org.id,
        after: attachment,
      }),
    );
    return attachment;
  });
}
