import type { Edition } from '../domain/workflow.ts';
import type { DocumentStores } from './edition-context.ts';

/**
 * The job that tells subscribers about a publication. It is sent in the publishing transaction, so
 * it exists exactly when the publication was committed (an outbox), and whoever runs it finds the
 * edition as published.
 */
export const DOCUMENT_PUBLISHED_JOB = 'document-published';

/**
 * Announces an edition that has just gone live, when it is news: a document's first publication, or
 * a later edition its editor marked as a major change (条例 Art. 26: information is updated promptly;
 * a correction of a typing error is not sent to anybody). A scheduled or forced publication is
 * announced alike.
 */
export async function announcePublication(stores: DocumentStores, before: Edition, after: Edition): Promise<void> {
  if (after.state !== 'published' || before.state === 'published') return;
  if (after.number > 1 && !after.content.isMajor) return;
  await stores.jobs.send(DOCUMENT_PUBLISHED_JOB, { documentId: after.documentId, editionId: after.id });
}
