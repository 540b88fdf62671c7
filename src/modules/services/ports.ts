import type { ServiceBundle } from './domain/bundle.ts';
import type { ServiceGuide } from './domain/guide.ts';
import type { Audience, LifeEvent } from './domain/vocabulary.ts';

/** What a guide's edition holds besides the document's own content (办事指南). */
export type ServiceGuideRecord = { editionId: string; documentId: string; guide: ServiceGuide; savedAt: string };

/** What a bundle's edition holds besides the document's own content (一件事). */
export type ServiceBundleRecord = { editionId: string; documentId: string; bundle: ServiceBundle; savedAt: string };

/** A published guide or bundle as the directory and its pages read it: the live edition with its record. */
export type Published<T> = {
  documentId: string;
  editionId: string;
  title: string;
  orgId: string;
  publishedOn: string;
  record: T;
};

/** Which published services a directory page or the API lists. */
export type ServiceFilter = {
  /** Units among which (every unit when null; none when empty). */
  orgIds: readonly string[] | null;
  audience?: Audience | undefined;
  event?: LifeEvent | undefined;
  offset: number;
  limit: number;
};

/** Service guides' and bundles' own records, kept in the same transaction as their editions. */
export interface ServiceStore {
  /** Inserts or replaces the record of a guide's edition. */
  saveGuide(record: ServiceGuideRecord): Promise<void>;
  guideForEdition(editionId: string): Promise<ServiceGuideRecord | undefined>;
  /** Inserts or replaces the record of a bundle's edition. */
  saveBundle(record: ServiceBundleRecord): Promise<void>;
  bundleForEdition(editionId: string): Promise<ServiceBundleRecord | undefined>;
  /** The published edition of a guide, if the document is a guide and has one. */
  publishedGuide(documentId: string): Promise<Published<ServiceGuide> | undefined>;
  /** Published guides, newest first; `total` counts them all. */
  publishedGuides(filter: ServiceFilter): Promise<{ items: Published<ServiceGuide>[]; total: number }>;
  publishedBundle(documentId: string): Promise<Published<ServiceBundle> | undefined>;
  /** Published bundles, newest first; the event filter matches the bundle's own event. */
  publishedBundles(filter: ServiceFilter): Promise<{ items: Published<ServiceBundle>[]; total: number }>;
}
