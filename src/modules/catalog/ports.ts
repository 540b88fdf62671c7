import type { Sheet } from './domain/sheet.ts';
import type { AccessScope } from '../access/index.ts';
import type { CatalogEntry, LocalField, NegativeItem } from './domain/entry.ts';
import type { CatalogVersion, VersionState } from './domain/version.ts';

/** One unit's published catalog in the district overview. */
export type PublishedCatalogSummary = {
  orgId: string;
  versionId: string;
  number: number;
  publishedAt: string;
  fieldCodes: string[];
  entries: number;
};

/** Catalog versions, their entries and negative lists, and the district's local fields. */
export interface CatalogStore {
  getVersion(id: string): Promise<CatalogVersion | undefined>;
  /** A unit's versions, newest first. */
  versionsOf(orgId: string): Promise<CatalogVersion[]>;
  /** The versions of several units' catalogs in one query, newest first within each unit. */
  versionsOfOrgs(orgIds: string[]): Promise<CatalogVersion[]>;
  insertVersion(version: CatalogVersion): Promise<void>;
  /**
   * Saves a version only if it is still in `expectedState`.
   * @throws DomainError `conflict` when someone else changed it first.
   */
  updateVersion(version: CatalogVersion, expectedState: VersionState): Promise<void>;
  /** Versions in the given states inside the scope, oldest submission first (the review queue). */
  findVersions(scope: AccessScope, states: readonly VersionState[]): Promise<CatalogVersion[]>;

  entriesOf(versionId: string): Promise<CatalogEntry[]>;
  getEntry(id: string): Promise<(CatalogEntry & { versionId: string }) | undefined>;
  insertEntry(versionId: string, entry: CatalogEntry): Promise<void>;
  updateEntry(entry: CatalogEntry): Promise<void>;
  deleteEntry(id: string): Promise<void>;

  negativeItemsOf(versionId: string): Promise<NegativeItem[]>;
  insertNegativeItem(versionId: string, item: NegativeItem): Promise<void>;
  deleteNegativeItem(id: string): Promise<void>;

  localFields(): Promise<LocalField[]>;
  insertLocalField(field: LocalField, at: Date): Promise<void>;

  /** The published entry with this key in one of these units' catalogs. */
  publishedEntry(orgIds: string[], key: string): Promise<{ orgId: string; entry: CatalogEntry } | undefined>;
  /** Every unit's published catalog, for the overview. */
  publishedCatalogs(): Promise<PublishedCatalogSummary[]>;
}

/** Spreadsheets in the catalog's printed layout, read and written (an XLSX adapter answers). */
export interface Workbooks {
  read(bytes: Buffer): Promise<Sheet[] | undefined>;
  write(sheets: Sheet[]): Promise<Buffer>;
}
