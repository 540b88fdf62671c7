import type { Clock } from '../../../platform/clock.ts';
import { CATALOG_TEXT } from '../strings.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Actor } from '../../access/index.ts';
import { fieldSortBase, type CatalogEntry } from '../domain/entry.ts';
import { describeSheetIssue, sheetsToEntries, type Sheet } from '../domain/sheet.ts';
import { transitionVersion } from '../domain/version.ts';
import { catalogActorId, loadVersionFor, recordCatalogChange, type CatalogStores } from './catalog-context.ts';

/** What an import did, field by field. */
export type SheetImportSummary = { fields: string[]; added: number; changed: number; removed: number };

/**
 * Imports a catalog spreadsheet into a version being drafted. Each worksheet replaces the entries of
 * its field: an entry with the same 一级 and 二级事项 keeps its key (and its documents), others are
 * added or removed. A file with any problem changes nothing and lists every problem by row and column.
 * @throws DomainError `validation_failed` (every problem), `invalid_transition`, `not_found`.
 */
export async function importCatalogSheet(options: {
  uow: UnitOfWork<CatalogStores>;
  clock: Clock;
  actor: Actor;
  versionId: string;
  readWorkbook: (bytes: Buffer) => Promise<Sheet[] | undefined>;
  bytes: Buffer;
}): Promise<SheetImportSummary> {
  const sheets = await options.readWorkbook(options.bytes);
  if (!sheets) {
    throw new DomainError('validation_failed', {
      fields: [{ field: 'file', message: CATALOG_TEXT.notWorkbook }],
    });
  }
  const now = options.clock.now();
  return options.uow.run(async (stores) => {
    const { version } = await loadVersionFor(stores, options.actor, options.versionId, 'edit');
    const { entries: imported, issues } = sheetsToEntries(sheets, await stores.catalogs.localFields());
    if (issues.length > 0) {
      throw new DomainError('validation_failed', {
        message: CATALOG_TEXT.workbookRefused(issues.length),
        fields: issues.map((issue) => ({
          field: `${issue.sheet}!${issue.row ?? ''}${issue.column ?? ''}`,
          message: describeSheetIssue(issue),
        })),
      });
    }
    const fields = [...new Set(imported.map((e) => e.fieldCode))];
    const current = (await stores.catalogs.entriesOf(version.id)).filter((e) => fields.includes(e.fieldCode));
    const summary: SheetImportSummary = { fields, added: 0, changed: 0, removed: 0 };
    const kept = new Set<string>();
    let position = 0;
    for (const content of imported) {
      position++;
      const match = current.find(
        (e) =>
          !kept.has(e.id) &&
          e.fieldCode === content.fieldCode &&
          e.itemL1 === content.itemL1 &&
          e.itemL2 === content.itemL2,
      );
      const sortKey = fieldSortBase(content.fieldCode) + position;
      if (match) {
        kept.add(match.id);
        await stores.catalogs.updateEntry({ ...match, ...content, position: sortKey });
        summary.changed++;
      } else {
        const entry: CatalogEntry = { ...content, id: newId(), key: newId(), position: sortKey, reviewComment: null };
        await stores.catalogs.insertEntry(version.id, entry);
        summary.added++;
      }
    }
    for (const entry of current.filter((e) => !kept.has(e.id))) {
      await stores.catalogs.deleteEntry(entry.id);
      summary.removed++;
    }
    await stores.catalogs.updateVersion(
      transitionVersion(version, { type: 'edit' }, catalogActorId(options.actor), now),
      version.state,
    );
    await recordCatalogChange(stores.audit, options.actor, now, 'catalog.sheet_imported', version, { after: summary });
    return summary;
  });
}
