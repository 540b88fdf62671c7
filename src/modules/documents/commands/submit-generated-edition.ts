import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DomainError, assertNoFieldIssues } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, requirePermission, type Actor, type Permission } from '../../access/index.ts';
import { documentEntry } from '../audit-actions.ts';
import { checkUpload } from '../domain/attachment-policy.ts';
import { bodyAsHtml, checkBodyLength, normalizeContent, type EditionContentInput } from '../domain/metadata.ts';
import { findPersonalData, htmlToPlainText, PERSONAL_DATA_LABELS } from '../domain/personal-data.ts';
import { newDraftEdition, transition, UNPUBLISHED_STATES, type Edition, type GovDocument } from '../domain/workflow.ts';
import type { Attachment, FileSniffer, FileStorage } from '../ports.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { checkCatalogFiling, recordDocumentChange, workflowActorId, type DocumentStores } from './edition-context.ts';

/** A file generated with the information (a Word or Excel copy), attached to the edition. */
export type GeneratedFile = { fileName: string; bytes: Buffer };

/**
 * Puts information another module compiles from the system's data (the annual report, 条例 Art. 50)
 * into the workflow as an edition sent for review: a new document the first time, the next edition
 * of that document afterwards, or the content of an unpublished draft or rejected edition replaced.
 * The reviewers of the unit then publish it as any other (the second pair of eyes: the person who
 * submitted it may not approve it), and a published edition supersedes the earlier one.
 *
 * The caller names the permission under which the actor compiles this information (not
 * `document.draft`: the annual report is written by the disclosure office, not by editors).
 * `alongside` runs in the same transaction, so the caller's own record of the edition is kept
 * exactly when the edition is.
 * @throws DomainError `validation_failed`, `sensitive_data_found`, `invalid_transition` (a version is
 *   already in review), `upload_*`, `not_found`, `forbidden`, `out_of_scope`.
 */
export async function submitGeneratedEdition<S extends DocumentStores>(options: {
  uow: UnitOfWork<S>;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  files: FileStorage;
  sniff: FileSniffer;
  maxBytes: number;
  actor: Actor;
  permission: Permission;
  orgId: string;
  /** The document an earlier submission created, if any. */
  documentId: string | null;
  input: EditionContentInput;
  attachments: readonly GeneratedFile[];
  alongside?: (stores: S, result: { document: GovDocument; edition: Edition }) => Promise<void>;
}): Promise<{ document: GovDocument; edition: Edition }> {
  const now = options.clock.now();
  // Sanitised and sniffed before the transaction: both run off the request thread and may take a moment.
  const typed = bodyAsHtml(options.input.bodyHtml);
  assertNoFieldIssues(checkBodyLength(typed));
  const bodyHtml = await options.sanitiser.sanitise(typed);
  const files = await Promise.all(
    options.attachments.map(async (file) => ({
      ...file,
      ...checkUpload({
        fileName: file.fileName,
        sizeBytes: file.bytes.length,
        maxBytes: options.maxBytes,
        detectedExtension: await options.sniff({ bytes: file.bytes }),
      }),
    })),
  );
  return options.uow.run(async (stores) => {
    const org = await stores.orgs.getById(options.orgId);
    if (!org) throw new DomainError('not_found');
    requirePermission(options.actor, options.permission, org.path);
    const input = { ...options.input, issuer: options.input.issuer.trim() || org.name };
    const { content, issues } = normalizeContent(input, bodyHtml, chinaDate(now));
    assertNoFieldIssues(issues);
    await checkCatalogFiling(stores, org, content);
    // 条例 Art. 15: personal data never goes out with generated text either; there is no override here.
    const findings = [
      ...findPersonalData(content.title, 'title'),
      ...findPersonalData(htmlToPlainText(content.bodyHtml), 'body'),
    ];
    if (findings.length > 0) {
      throw new DomainError('sensitive_data_found', {
        message: DOCUMENT_TEXT.generatedPersonalData(
          findings.map((f) => DOCUMENT_TEXT.personalDataFound(f.where, PERSONAL_DATA_LABELS[f.kind], f.masked)),
        ),
        details: { findings },
      });
    }
    const actorId = workflowActorId(options.actor) ?? 'system';

    let document: GovDocument | undefined;
    let before: Edition | undefined;
    let draft: Edition;
    let auditAction: 'document.draft_created' | 'document.edition_created' | 'document.draft_updated';
    if (options.documentId) document = await stores.documents.getDocument(options.documentId);
    if (document && document.orgId !== org.id) {
      throw new DomainError('validation_failed', {
        fields: [{ field: 'orgId', message: DOCUMENT_TEXT.generatedElsewhere }],
      });
    }
    if (!document) {
      document = {
        id: newId(),
        orgId: org.id,
        indexNumber: null,
        createdAt: now.toISOString(),
        createdBy: actorId,
        firstPublishedAt: null,
      };
      await stores.documents.insertDocument(document);
      draft = newDraftEdition({ id: newId(), documentId: document.id, number: 1, content, actorId, now });
      await stores.documents.insertEdition(draft);
      auditAction = 'document.draft_created';
    } else {
      const editions = await stores.documents.editionsOf(document.id);
      const pending = editions.find((e) => UNPUBLISHED_STATES.includes(e.state));
      if (pending && pending.state !== 'draft' && pending.state !== 'rejected') {
        throw new DomainError('invalid_transition', { message: DOCUMENT_TEXT.generatedUnderReview });
      }
      if (pending) {
        before = pending;
        const edited = transition(pending, { type: 'edit' }, { actorId, now });
        draft = {
          ...edited,
          content: pending.number === 1 ? { ...content, changeNote: null, isMajor: true } : content,
        };
        await stores.documents.updateEdition(draft, pending.state);
        for (const old of await stores.documents.attachmentsOf(pending.id)) {
          await stores.documents.deleteAttachment(old.id);
        }
        auditAction = 'document.draft_updated';
      } else {
        const number = Math.max(0, ...editions.map((e) => e.number)) + 1;
        draft = { ...newDraftEdition({ id: newId(), documentId: document.id, number, content, actorId, now }) };
        // A later edition keeps the change note it was given (newDraftEdition clears it for a first one).
        if (number > 1) draft = { ...draft, content: { ...draft.content, changeNote: content.changeNote } };
        await stores.documents.insertEdition(draft);
        auditAction = 'document.edition_created';
      }
    }
    const context = { document, org };
    await recordDocumentChange(stores.audit, options.actor, now, auditAction, context, before, draft);

    for (const [sortOrder, file] of files.entries()) {
      // Written before the row: a failed transaction leaves at most an unreferenced file, never a row without bytes.
      const sha256 = await options.files.put({ bytes: file.bytes });
      const attachment: Attachment = {
        id: newId(),
        editionId: draft.id,
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.bytes.length,
        sha256,
        sortOrder,
        createdAt: now.toISOString(),
        createdBy: actorId,
      };
      await stores.documents.insertAttachment(attachment);
      await stores.audit.append(
        documentEntry(auditActor(options.actor), now, {
          action: 'document.attachment_added',
          entityType: 'document',
          entityId: document.id,
          orgId: org.id,
          after: attachment,
        }),
      );
    }

    const submitted = transition(draft, { type: 'submit' }, { actorId: workflowActorId(options.actor), now });
    await stores.documents.updateEdition(submitted, draft.state);
    await recordDocumentChange(stores.audit, options.actor, now, 'document.submitted', context, draft, submitted);
    const result = { document, edition: submitted };
    await options.alongside?.(stores, result);
    return result;
  });
}
