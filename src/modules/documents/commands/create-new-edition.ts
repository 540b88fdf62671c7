import type { Clock } from '../../../platform/clock.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { newDraftEdition, UNPUBLISHED_STATES, type Edition } from '../domain/workflow.ts';
import {
  recordDocumentChange,
  requireActionPermission,
  workflowActorId,
  type DocumentStores,
} from './edition-context.ts';

/**
 * Starts a new draft edition of published (or withdrawn) information, copying its content and
 * attachments. The live edition stays public until the new one is published. A document has at
 * most one unpublished edition (GOV.UK publishing-api: one draft at a time).
 * @throws DomainError `draft_exists`, `invalid_transition` (never published), `not_found`, `forbidden`.
 */
export async function createNewEdition(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  documentId: string;
}): Promise<Edition> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const document = await stores.documents.getDocument(options.documentId);
    const org = document && (await stores.orgs.getById(document.orgId));
    if (!document || !org) throw new DomainError('not_found');
    requireActionPermission(options.actor, 'edit', org);
    const editions = await stores.documents.editionsOf(document.id);
    if (editions.some((e) => UNPUBLISHED_STATES.includes(e.state))) throw new DomainError('draft_exists');
    const live = editions.find((e) => e.state === 'published' || e.state === 'withdrawn');
    if (!live) throw new DomainError('invalid_transition', { message: DOCUMENT_TEXT.notYetPublished });
    const actorId = workflowActorId(options.actor) ?? 'system';
    const latestNumber = Math.max(...editions.map((e) => e.number));
    const draft = newDraftEdition({
      id: newId(),
      documentId: document.id,
      number: latestNumber + 1,
      content: { ...live.content, publishedOn: null },
      actorId,
      now,
    });
    await stores.documents.insertEdition(draft);
    for (const attachment of await stores.documents.attachmentsOf(live.id)) {
      await stores.documents.insertAttachment({ ...attachment, id: newId(), editionId: draft.id });
    }
    await recordDocumentChange(
      stores.audit,
      options.actor,
      now,
      'document.edition_created',
      { document, org },
      undefined,
      draft,
    );
    return draft;
  });
}
