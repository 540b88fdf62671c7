import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { requirePermission, type Actor } from '../../access/index.ts';
import type { CatalogVersion } from '../domain/version.ts';
import { catalogActorId, recordCatalogChange, type CatalogStores } from './catalog-context.ts';

/**
 * Opens the version a unit works on: the one already in progress, or a new draft copied from the
 * published catalog (same entry keys, so the documents filed under them stay filed and the two
 * versions can be compared), or an empty first version.
 * @throws DomainError `not_found`, `forbidden`, `out_of_scope`.
 */
export async function startCatalogVersion(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  orgId: string;
}): Promise<CatalogVersion> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const org = await stores.orgs.getById(options.orgId);
    if (!org) throw new DomainError('not_found');
    requirePermission(options.actor, 'catalog.edit', org.path);
    const versions = await stores.catalogs.versionsOf(org.id);
    const working = versions.find((v) => v.state === 'draft' || v.state === 'returned' || v.state === 'submitted');
    if (working) return working;
    const published = versions.find((v) => v.state === 'published');
    const version: CatalogVersion = {
      id: newId(),
      orgId: org.id,
      number: (versions[0]?.number ?? 0) + 1,
      state: 'draft',
      createdBy: catalogActorId(options.actor),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      submittedBy: null,
      submittedAt: null,
      reviewedBy: null,
      reviewedAt: null,
      reviewComment: null,
      publishedAt: null,
      supersededAt: null,
    };
    await stores.catalogs.insertVersion(version);
    if (published) {
      for (const entry of await stores.catalogs.entriesOf(published.id)) {
        await stores.catalogs.insertEntry(version.id, { ...entry, id: newId(), reviewComment: null });
      }
      for (const item of await stores.catalogs.negativeItemsOf(published.id)) {
        await stores.catalogs.insertNegativeItem(version.id, { ...item, id: newId() });
      }
    }
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.version_started', version, {
      after: { number: version.number, basedOn: published?.number ?? null },
    });
    return version;
  });
}
