import { chinaYear } from '../../../platform/clock.ts';
import { formatIndexNumber } from '../domain/index-number.ts';
import { nextVersion, transition, type Edition } from '../domain/workflow.ts';
import type { DocumentStores, EditionContext } from './edition-context.ts';

/**
 * What publishing an edition does beyond its own state: the previous live edition is superseded
 * (one live edition at a time), the edition gets its version number, and a document published for
 * the first time gets its 索引号. Returns the edition to save.
 */
export async function completePublication(
  stores: DocumentStores,
  context: EditionContext,
  publishedEdition: Edition,
  now: Date,
): Promise<Edition> {
  const { document, org } = context;
  const editions = await stores.documents.editionsOf(document.id);
  const previousLive = editions.find(
    (e) => e.id !== publishedEdition.id && (e.state === 'published' || e.state === 'withdrawn'),
  );
  if (previousLive) {
    await stores.documents.updateEdition(
      transition(previousLive, { type: 'supersede' }, { actorId: null, now }),
      previousLive.state,
    );
  }
  const latestVersioned = [...editions]
    .filter((e) => e.id !== publishedEdition.id && e.versionMajor !== null)
    .sort((a, b) => b.number - a.number)[0];
  const version = nextVersion(latestVersioned, publishedEdition.content.isMajor || !latestVersioned);
  if (document.indexNumber === null) {
    const year = chinaYear(now);
    const serial = await stores.documents.nextIndexSerial(org.id, year);
    await stores.documents.updateDocument({
      ...document,
      indexNumber: formatIndexNumber(org.code, year, serial),
      firstPublishedAt: now.toISOString(),
    });
  }
  return { ...publishedEdition, ...version };
}
