import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { transitionVersion } from '../domain/version.ts';
import { catalogActorId, loadVersionFor, recordCatalogChange, type CatalogStores } from './catalog-context.ts';

/**
 * Removes an entry from a version being drafted (the published version keeps it until the new one
 * is approved).
 * @throws DomainError `not_found`, `invalid_transition`.
 */
export async function removeCatalogEntry(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  entryId: string;
}): Promise<void> {
  const now = options.clock.now();
  await options.uow.run(async (stores) => {
    const entry = await stores.catalogs.getEntry(options.entryId);
    if (!entry) throw new DomainError('not_found');
    const { version } = await loadVersionFor(stores, options.actor, entry.versionId, 'edit');
    await stores.catalogs.deleteEntry(entry.id);
    await stores.catalogs.updateVersion(
      transitionVersion(version, { type: 'edit' }, catalogActorId(options.actor), now),
      version.state,
    );
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.entry_removed', version, { before: entry });
  });
}
