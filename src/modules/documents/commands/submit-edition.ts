import type { Clock } from '../../../platform/clock.ts';
import { DOCUMENT_TEXT } from '../strings.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { can, type Actor } from '../../access/index.ts';
import { findPersonalData, htmlToPlainText, PERSONAL_DATA_LABELS } from '../domain/personal-data.ts';
import { transition, type Edition } from '../domain/workflow.ts';
import {
  loadEditionContext,
  recordDocumentChange,
  requireActionPermission,
  workflowActorId,
  type DocumentStores,
} from './edition-context.ts';

/**
 * Sends a draft for review. Identity, mobile and bank-card numbers in the title or body block the
 * submission (条例 Art. 15, personal privacy), unless a reviewer of the unit overrides the check
 * with a reason, which is recorded on the edition and in the audit log.
 * @throws DomainError `sensitive_data_found` (details.findings lists what was found),
 *   `invalid_transition`, `forbidden`, `validation_failed` (missing change note).
 */
export async function submitEdition(options: {
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
  actor: Actor;
  editionId: string;
  overrideReason?: string | undefined;
}): Promise<Edition> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const context = await loadEditionContext(stores, options.editionId);
    const { edition, org } = context;
    requireActionPermission(options.actor, 'submit', org);
    const findings = [
      ...findPersonalData(edition.content.title, 'title'),
      ...findPersonalData(htmlToPlainText(edition.content.bodyHtml), 'body'),
    ];
    const overrideReason = options.overrideReason?.trim() ?? '';
    let override: Pick<Edition, 'sensitiveOverrideReason' | 'sensitiveOverrideBy'> = {
      sensitiveOverrideReason: null,
      sensitiveOverrideBy: null,
    };
    if (findings.length > 0) {
      const mayOverride = can(options.actor, 'document.review', org.path);
      if (overrideReason === '' || !mayOverride) {
        const list = findings.map((f) =>
          DOCUMENT_TEXT.personalDataFound(f.where, PERSONAL_DATA_LABELS[f.kind], f.masked),
        );
        throw new DomainError('sensitive_data_found', {
          message: DOCUMENT_TEXT.personalDataRefused(list, mayOverride),
          details: { findings },
        });
      }
      override = { sensitiveOverrideReason: overrideReason, sensitiveOverrideBy: workflowActorId(options.actor) };
    }
    const after = {
      ...transition(edition, { type: 'submit' }, { actorId: workflowActorId(options.actor), now }),
      ...override,
    };
    await stores.documents.updateEdition(after, edition.state);
    await recordDocumentChange(stores.audit, options.actor, now, 'document.submitted', context, edition, after);
    return after;
  });
}
