import type { Clock } from '../../../platform/clock.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import type { LegalBasis, NegativeItem } from '../domain/entry.ts';
import { transitionVersion } from '../domain/version.ts';
import { catalogActorId, loadVersionFor, recordCatalogChange, type CatalogStores } from './catalog-context.ts';

/**
 * Adds an item to the negative list (不予公开事项清单, plan §三.1). Every item names the law that
 * keeps it closed (条例 Arts. 14–16: state secrets, other laws, internal and process information).
 * @throws DomainError `validation_failed`, `invalid_transition`.
 */
export async function addNegativeItem(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  versionId: string;
  item: string;
  legalBasis: LegalBasis[];
  note: string;
}): Promise<NegativeItem> {
  const issues = [];
  if (options.item.trim() === '') issues.push({ field: 'item', message: CATALOG_TEXT.negativeItemRequired });
  if (options.legalBasis.length === 0)
    issues.push({ field: 'legalBasis', message: CATALOG_TEXT.negativeBasisRequired });
  if (issues.length > 0) throw new DomainError('validation_failed', { fields: issues });
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { version } = await loadVersionFor(stores, options.actor, options.versionId, 'edit');
    const existing = await stores.catalogs.negativeItemsOf(version.id);
    const item: NegativeItem = {
      id: newId(),
      key: newId(),
      position: existing.length + 1,
      item: options.item.trim(),
      legalBasis: options.legalBasis,
      note: options.note.trim() || null,
    };
    await stores.catalogs.insertNegativeItem(version.id, item);
    await stores.catalogs.updateVersion(
      transitionVersion(version, { type: 'edit' }, catalogActorId(options.actor), now),
      version.state,
    );
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.negative_item_added', version, {
      after: item,
    });
    return item;
  });
}

/**
 * Removes an item from the negative list of a version being drafted.
 * @throws DomainError `not_found`, `invalid_transition`.
 */
export async function removeNegativeItem(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  versionId: string;
  itemId: string;
}): Promise<void> {
  const now = options.clock.now();
  await options.uow.run(async (stores) => {
    const { version } = await loadVersionFor(stores, options.actor, options.versionId, 'edit');
    const item = (await stores.catalogs.negativeItemsOf(version.id)).find((i) => i.id === options.itemId);
    if (!item) throw new DomainError('not_found');
    await stores.catalogs.deleteNegativeItem(item.id);
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.negative_item_removed', version, {
      before: item,
    });
  });
}
