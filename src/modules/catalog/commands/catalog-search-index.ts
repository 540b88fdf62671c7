import { chinaDate } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { Org } from '../../orgs/index.ts';
import type { SearchEntry } from '../../search/index.ts';
import {
  formatAudience,
  formatChannels,
  formatElements,
  formatFiveOpen,
  formatLegalBasis,
  formatLevels,
  formatMode,
  formatTimeLimit,
} from '../domain/cell-text.ts';
import { ELEMENT_LABELS, type CatalogEntry } from '../domain/entry.ts';
import type { CatalogVersion } from '../domain/version.ts';
import { catalogEntryPath } from '../views/catalog-links.ts';
import type { CatalogStores } from './catalog-context.ts';

/**
 * What the public search index holds for an entry (事项) of a published catalog: its name (一级事项
 * and 二级事项) as the title, its other elements as the body, linked to its public page.
 */
export function catalogSearchEntry(org: Org, version: CatalogVersion, entry: CatalogEntry): SearchEntry {
  const elements: [string, string][] = [
    [ELEMENT_LABELS.contentElements, formatElements(entry.contentElements)],
    [ELEMENT_LABELS.legalBasis, formatLegalBasis(entry.legalBasis)],
    [ELEMENT_LABELS.timeLimit, formatTimeLimit(entry.timeLimit)],
    [ELEMENT_LABELS.publisher, entry.publisher],
    [ELEMENT_LABELS.channels, formatChannels(entry.channels, entry.otherChannels)],
    [ELEMENT_LABELS.audience, formatAudience(entry.audience)],
    [ELEMENT_LABELS.mode, formatMode(entry.mode)],
    [ELEMENT_LABELS.levels, formatLevels(entry.levels)],
    [ELEMENT_LABELS.fiveOpen, formatFiveOpen(entry.fiveOpen)],
  ];
  return {
    kind: 'catalog',
    documentId: entry.id,
    editionId: version.id,
    href: catalogEntryPath(org.code, entry.key),
    orgId: org.id,
    orgPath: org.path,
    orgName: org.name,
    title: entry.itemL2 ? `${entry.itemL1}：${entry.itemL2}` : entry.itemL1,
    docNumber: null,
    indexNumber: null,
    bodyText: elements
      .filter(([, text]) => text.trim() !== '')
      .map(([label, text]) => `${label}：${text}`)
      .join('\n'),
    fieldCode: entry.fieldCode,
    // Documents' metadata: a catalog entry has no 体裁, 主题分类 or 有效性, so those filters leave it out.
    genre: '',
    topic: '',
    validity: '',
    publishedOn: chinaDate(new Date(version.publishedAt ?? version.updatedAt)),
    attachments: [],
  };
}

/** Puts every entry of a just-published catalog version in the search index (same transaction). */
export async function indexCatalogVersion(stores: CatalogStores, org: Org, version: CatalogVersion): Promise<number> {
  const entries = await stores.catalogs.entriesOf(version.id);
  for (const entry of entries) await stores.searchIndex.put(catalogSearchEntry(org, version, entry));
  return entries.length;
}

/** Takes the entries of a superseded catalog version out of the search index (same transaction). */
export async function unindexCatalogVersion(stores: CatalogStores, version: CatalogVersion): Promise<void> {
  for (const entry of await stores.catalogs.entriesOf(version.id)) await stores.searchIndex.remove(entry.id);
}

/**
 * Rebuilds the catalog part of the public search index from every unit's published catalog, in
 * one transaction. Returns how many entries were indexed.
 */
export async function rebuildCatalogIndex(options: { uow: UnitOfWork<CatalogStores> }): Promise<number> {
  return options.uow.run(async (stores) => {
    await stores.searchIndex.clear('catalog');
    let indexed = 0;
    for (const summary of await stores.catalogs.publishedCatalogs()) {
      const version = await stores.catalogs.getVersion(summary.versionId);
      const org = await stores.orgs.getById(summary.orgId);
      if (version && org) indexed += await indexCatalogVersion(stores, org, version);
    }
    return indexed;
  });
}
