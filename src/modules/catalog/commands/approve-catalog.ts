import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { transitionVersion, type CatalogVersion } from '../domain/version.ts';
import { catalogActorId, loadVersionFor, recordCatalogChange, type CatalogStores } from './catalog-context.ts';
import { indexCatalogVersion, unindexCatalogVersion } from './catalog-search-index.ts';

/**
 * The district office approves a submitted catalog: it is published on the portal and supersedes
 * the unit's previous published version (plan §三.1: reviewed, published, adjusted dynamically).
 * Its entries replace the previous version's in the public search index, in the same transaction.
 * @throws DomainError `invalid_transition`, `forbidden`, `not_found`.
 */
export async function approveCatalog(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  versionId: string;
}): Promise<CatalogVersion> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { version, org } = await loadVersionFor(stores, options.actor, options.versionId, 'approve');
    for (const previous of await stores.catalogs.versionsOf(version.orgId)) {
      if (previous.state === 'published') {
        await stores.catalogs.updateVersion(transitionVersion(previous, { type: 'supersede' }, null, now), 'published');
        await unindexCatalogVersion(stores, previous);
      }
    }
    for (const entry of await stores.catalogs.entriesOf(version.id)) {
      if (entry.reviewComment !== null) await stores.catalogs.updateEntry({ ...entry, reviewComment: null });
    }
    const after = transitionVersion(version, { type: 'approve' }, catalogActorId(options.actor), now);
    await stores.catalogs.updateVersion(after, version.state);
    await indexCatalogVersion(stores, org, after);
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.approved', after, {
      before: { state: version.state },
      after: { state: after.state, number: after.number },
    });
    return after;
  });
}
