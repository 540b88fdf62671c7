import type { Clock } from '../../../platform/clock.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { documentEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import { ALLOWED_FROM } from '../domain/workflow.ts';
import { loadEditionContext, requireActionPermission, type DocumentStores } from './edition-context.ts';

/**
 * Removes an attachment from an editable edition (earlier editions keep theirs).
 * @throws DomainError `not_found`, `invalid_transition`, `forbidden`.
 */
export async function removeAttachment(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  attachmentId: string;
}): Promise<void> {
  const now = options.clock.now();
  await options.uow.run(async (stores) => {
    const attachment = await stores.documents.getAttachment(options.attachmentId);
    if (!attachment) throw new DomainError('not_found');
    const context = await loadEditionContext(stores, attachment.editionId);
    requireActionPermission(options.actor, 'edit', context.org);
    if (!ALLOWED_FROM.edit.includes(context.edition.state)) {
      throw new DomainError('invalid_transition', { message: DOCUMENT_TEXT.attachmentsOnlyOnDrafts });
    }
    await stores.documents.deleteAttachment(attachment.id);
    await stores.audit.append(
      documentEntry(auditActor(options.actor), now, {
        action: 'document.attachment_removed',
        entityType: 'document',
        entityId: context.document.id,
        orgId: context.org.id,
        before: attachment,
      }),
    );
  });
}
