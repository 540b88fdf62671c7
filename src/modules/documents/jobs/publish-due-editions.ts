import type { Clock } from '../../../platform/clock.ts';
import { isDomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { systemActor } from '../../access/index.ts';
import { applyAction } from '../commands/apply-action.ts';
import type { DocumentStores } from '../commands/edition-context.ts';
import type { DocumentStore } from '../ports.ts';

/** The job that publishes scheduled editions; the composition root runs it every few seconds. */
export const PUBLISH_DUE_EDITIONS_JOB = 'publish-due-editions';

/**
 * Publishes every scheduled edition whose time has come, each in its own transaction. Safe to run
 * in several processes at once: the conditional save lets exactly one of them publish an edition.
 * Returns the ids published.
 */
export async function publishDueEditions(options: {
  stores: { documents: DocumentStore };
  uow: UnitOfWork<DocumentStores>;
  clock: Clock;
}): Promise<string[]> {
  const due = await options.stores.documents.dueScheduled(options.clock.now(), 100);
  const published: string[] = [];
  for (const edition of due) {
    try {
      await applyAction({
        uow: options.uow,
        clock: options.clock,
        actor: systemActor('scheduler'),
        editionId: edition.id,
        action: { type: 'publish_scheduled' },
        auditAction: 'document.published_on_schedule',
      });
      published.push(edition.id);
    } catch (error) {
      // Another instance got there first; anything else is a real failure.
      if (!isDomainError(error, 'conflict') && !isDomainError(error, 'invalid_transition')) throw error;
    }
  }
  return published;
}
