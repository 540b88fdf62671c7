import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { DomainError, assertNoFieldIssues } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { bodyAsHtml, checkBodyLength, normalizeContent, type EditionContentInput } from '../domain/metadata.ts';
import { newDraftEdition, type Edition, type GovDocument } from '../domain/workflow.ts';
import {
  checkCatalogFiling,
  recordDocumentChange,
  requireActionPermission,
  workflowActorId,
  type DocumentStores,
} from './edition-context.ts';

/**
 * Starts a new document in a unit with its first edition as a draft. The body is sanitised on the
 * server; the 发布机构 defaults to the unit's name.
 * @throws DomainError `rich_text_too_complex`, `validation_failed` listing every wrong field, `not_found`, `forbidden`.
 */
export async function createDraft(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  actor: Actor;
  orgId: string;
  input: EditionContentInput;
}): Promise<{ document: GovDocument; edition: Edition }> {
  const now = options.clock.now();
  // Sanitised before the transaction: it runs off the request thread and may take a moment.
  const typed = bodyAsHtml(options.input.bodyHtml);
  assertNoFieldIssues(checkBodyLength(typed));
  const bodyHtml = await options.sanitiser.sanitise(typed);
  return options.uow.run(async (stores) => {
    const org = await stores.orgs.getById(options.orgId);
    if (!org)
      throw new DomainError('validation_failed', { fields: [{ field: 'orgId', message: DOCUMENT_TEXT.orgMissing }] });
    requireActionPermission(options.actor, 'edit', org);
    const input = { ...options.input, issuer: options.input.issuer.trim() || org.name };
    const { content, issues } = normalizeContent(input, bodyHtml, chinaDate(now));
    assertNoFieldIssues(issues);
    await checkCatalogFiling(stores, org, content);
    const actorId = workflowActorId(options.actor) ?? 'system';
    const document: GovDocument = {
      id: newId(),
      orgId: org.id,
      indexNumber: null,
      createdAt: now.toISOString(),
      createdBy: actorId,
      firstPublishedAt: null,
    };
    const edition = newDraftEdition({ id: newId(), documentId: document.id, number: 1, content, actorId, now });
    await stores.documents.insertDocument(document);
    await stores.documents.insertEdition(edition);
    await recordDocumentChange(
      stores.audit,
      options.actor,
      now,
      'document.draft_created',
      { document, org },
      undefined,
      edition,
    );
    return { document, edition };
  });
}
