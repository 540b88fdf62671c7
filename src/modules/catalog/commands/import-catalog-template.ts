import type { Clock } from '../../../platform/clock.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { catalogTemplate } from '../../../reference/catalog-templates.ts';
import type { Actor } from '../../access/index.ts';
import type { CatalogEntry } from '../domain/entry.ts';
import { transitionVersion } from '../domain/version.ts';
import { catalogActorId, loadVersionFor, recordCatalogChange, type CatalogStores } from './catalog-context.ts';
import { nextPosition } from './save-catalog-entry.ts';

/**
 * Adds a pilot field's standard template to a version being drafted; the unit then adapts the
 * entries. Items the version already has (same field, 一级 and 二级事项) are not added twice.
 * @throws DomainError `not_found` (no template for the field), `invalid_transition`.
 */
export async function importCatalogTemplate(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  versionId: string;
  fieldCode: string;
}): Promise<{ added: number; skipped: number }> {
  const template = catalogTemplate(options.fieldCode);
  if (!template) throw new DomainError('not_found', { message: CATALOG_TEXT.noTemplate });
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { version } = await loadVersionFor(stores, options.actor, options.versionId, 'edit');
    const entries = await stores.catalogs.entriesOf(version.id);
    const has = (e: { fieldCode: string; itemL1: string; itemL2: string }) =>
      entries.some((x) => x.fieldCode === e.fieldCode && x.itemL1 === e.itemL1 && x.itemL2 === e.itemL2);
    let added = 0;
    for (const content of template.entries) {
      if (has(content)) continue;
      const entry: CatalogEntry = {
        ...content,
        id: newId(),
        key: newId(),
        position: nextPosition(entries, content.fieldCode),
        reviewComment: null,
      };
      await stores.catalogs.insertEntry(version.id, entry);
      entries.push(entry);
      added++;
    }
    await stores.catalogs.updateVersion(
      transitionVersion(version, { type: 'edit' }, catalogActorId(options.actor), now),
      version.state,
    );
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.template_imported', version, {
      after: { fieldCode: options.fieldCode, added },
    });
    return { added, skipped: template.entries.length - added };
  });
}
