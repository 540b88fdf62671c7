import type { Clock } from '../../../platform/clock.ts';
import { DomainError, assertNoFieldIssues } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { fieldSortBase, validateEntry, type CatalogEntry, type EntryContent } from '../domain/entry.ts';
import { transitionVersion } from '../domain/version.ts';
import { catalogActorId, loadVersionFor, recordCatalogChange, type CatalogStores } from './catalog-context.ts';

/**
 * Adds an entry to a version being drafted, or changes one (`entryId`). Every element is checked;
 * a change keeps the entry's key, so it shows as "changed" against the published version.
 * @throws DomainError `validation_failed` naming each wrong element, `invalid_transition`, `not_found`.
 */
export async function saveCatalogEntry(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  versionId: string;
  entryId?: string | undefined;
  content: EntryContent;
}): Promise<CatalogEntry> {
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { version } = await loadVersionFor(stores, options.actor, options.versionId, 'edit');
    assertNoFieldIssues(validateEntry(options.content, await stores.catalogs.localFields()));
    const entries = await stores.catalogs.entriesOf(version.id);
    const before = options.entryId ? entries.find((e) => e.id === options.entryId) : undefined;
    if (options.entryId && !before) throw new DomainError('not_found');
    const entry: CatalogEntry = before
      ? { ...before, ...options.content }
      : {
          ...options.content,
          id: newId(),
          key: newId(),
          position: nextPosition(entries, options.content.fieldCode),
          reviewComment: null,
        };
    if (before) await stores.catalogs.updateEntry(entry);
    else await stores.catalogs.insertEntry(version.id, entry);
    await stores.catalogs.updateVersion(
      transitionVersion(version, { type: 'edit' }, catalogActorId(options.actor), now),
      version.state,
    );
    await recordCatalogChange(
      stores.audit,
      options.actor,
      now,
      before ? 'catalog.entry_changed' : 'catalog.entry_added',
      version,
      {
        before,
        after: entry,
      },
    );
    return entry;
  });
}

/** Entries are ordered by field, then in the order they were added. */
export function nextPosition(entries: CatalogEntry[], fieldCode: string): number {
  const sameField = entries.filter((e) => e.fieldCode === fieldCode);
  const last = Math.max(
    0,
    ...sameField.map((e) => e.position),
    ...(sameField.length === 0 ? [fieldSortBase(fieldCode)] : []),
  );
  return last + 1;
}
