import { chinaDate, type Clock } from '../../../platform/clock.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { DomainError, assertNoFieldIssues } from '../../../platform/errors.ts';
import type { RichTextSanitiser } from '../../../platform/sanitize.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { bodyAsHtml, checkBodyLength, normalizeContent, type EditionContentInput } from '../domain/metadata.ts';
import { transition, type Edition } from '../domain/workflow.ts';
import {
  checkCatalogFiling,
  loadEditionContext,
  recordDocumentChange,
  requireActionPermission,
  workflowActorId,
  type DocumentStores,
} from './edition-context.ts';

/**
 * Saves an editor's changes to a draft or rejected edition. When `expectedUpdatedAt` is given and
 * someone saved in between, nothing is overwritten.
 * @throws DomainError `rich_text_too_complex`, `validation_failed`, `invalid_transition`, `conflict`, `not_found`, `forbidden`.
 */
export async function updateDraft(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  sanitiser: RichTextSanitiser;
  actor: Actor;
  editionId: string;
  input: EditionContentInput;
  expectedUpdatedAt?: string | undefined;
}): Promise<Edition> {
  const now = options.clock.now();
  // Sanitised before the transaction: it runs off the request thread and may take a moment.
  const typed = bodyAsHtml(options.input.bodyHtml);
  assertNoFieldIssues(checkBodyLength(typed));
  const bodyHtml = await options.sanitiser.sanitise(typed);
  return options.uow.run(async (stores) => {
    const context = await loadEditionContext(stores, options.editionId);
    const { edition, org } = context;
    requireActionPermission(options.actor, 'edit', org);
    if (options.expectedUpdatedAt && options.expectedUpdatedAt !== edition.updatedAt) {
      throw new DomainError('conflict', { message: DOCUMENT_TEXT.draftChangedMeanwhile });
    }
    const input = { ...options.input, issuer: options.input.issuer.trim() || org.name };
    const { content, issues } = normalizeContent(input, bodyHtml, chinaDate(now));
    assertNoFieldIssues(issues);
    await checkCatalogFiling(stores, org, content);
    const edited = transition(edition, { type: 'edit' }, { actorId: workflowActorId(options.actor), now });
    const after: Edition = {
      ...edited,
      // The first edition has nothing to note a change against.
      content: edition.number === 1 ? { ...content, changeNote: null, isMajor: true } : content,
    };
    await stores.documents.updateEdition(after, edition.state);
    await recordDocumentChange(stores.audit, options.actor, now, 'document.draft_updated', context, edition, after);
    return after;
  });
}
