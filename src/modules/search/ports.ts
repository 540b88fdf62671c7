/** What an entry of the index is: a document's live edition, or an entry of a published standard catalog. */
export type SearchEntryKind = 'document' | 'catalog';
export const SEARCH_ENTRY_KINDS = ['document', 'catalog'] as const satisfies readonly SearchEntryKind[];

/** The text extracted from one attachment of a document, indexed with its body. */
export type AttachmentText = { name: string; text: string };

/**
 * One public thing in the search index: the live edition of a document (条例 Art. 19–20:
 * information disclosed on the government's own initiative), one entry per document, or an entry
 * (事项) of a unit's published standard catalog.
 */
export type SearchEntry = {
  kind: SearchEntryKind;
  /** The document's id, or the catalog entry's. */
  documentId: string;
  /** The live edition's id, or the catalog version's. */
  editionId: string;
  /** The public page the hit links to (a path on this site). */
  href: string;
  orgId: string;
  /** The unit's materialised path, for the unit-subtree filter. */
  orgPath: string;
  orgName: string;
  title: string;
  /** 文号, normalised, or null. */
  docNumber: string | null;
  /** 索引号. */
  indexNumber: string | null;
  /** The body as plain text. */
  bodyText: string;
  fieldCode: string | null;
  genre: string;
  topic: string;
  validity: string;
  /** 发布日期 (YYYY-MM-DD). */
  publishedOn: string;
  /** The attachments' extracted text, searched as part of the body (empty when none has text). */
  attachments: AttachmentText[];
};

/**
 * What a search asks the index for. `phrases` are alternatives (the query's own phrase from the
 * domain's `parseQuery`, then its synonyms'): an entry matches when it contains any of them.
 */
export type SearchCriteria = {
  phrases: readonly (readonly string[])[];
  orgPath?: string | undefined;
  fieldCode?: string | undefined;
  genre?: string | undefined;
  kind?: SearchEntryKind | undefined;
  /** 有效性 (有效, 失效, 废止 …). */
  validity?: string | undefined;
  /** 主题分类. */
  topic?: string | undefined;
  /** 发布日期 range, inclusive (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
  sort: 'relevance' | 'date';
  offset: number;
  limit: number;
};

/**
 * A page of results and how many entries match. `total` is exact when `totalExact`; past a few
 * thousand matches the index estimates it instead (the page then says 约 N 条), because counting
 * hundreds of thousands of matches would cost more than finding the page.
 */
export type SearchResults = { items: SearchEntry[]; total: number; totalExact: boolean };

/** Facets are counted only up to this many matches; a larger result set gets none. */
export const FACET_MATCH_LIMIT = 20_000;

/** How the matches of a search spread over units and pilot fields. */
export type SearchFacets = {
  units: { orgId: string; orgName: string; count: number }[];
  /** `fieldCode` null: entries filed under no field. */
  fields: { fieldCode: string | null; count: number }[];
};

/**
 * The search index, bound to a connection or a transaction. Its writes happen in the transaction of
 * the publication, supersession or withdrawal that causes them, so the index never shows an edition
 * that is not live. SQLite (FTS5) and PostgreSQL (tsvector with GIN) adapters answer.
 */
export interface SearchIndex {
  /** Indexes the live edition of a document, replacing whatever was indexed for it before. */
  put(entry: SearchEntry): Promise<void>;
  /** Indexes many live editions at once (a rebuild), each replacing what was indexed for it before. */
  putMany(entries: readonly SearchEntry[]): Promise<void>;
  /** Takes a document out of the index (withdrawn, or nothing live). */
  remove(documentId: string): Promise<void>;
  /** Empties the index, or its entries of one kind, before a rebuild. */
  clear(kind?: SearchEntryKind): Promise<void>;
  /**
   * Before a rebuild's `putMany` calls: the index may defer the upkeep it does on every write
   * (merging its pieces) until `finishBulkLoad`. Searches stay correct meanwhile, only slower.
   */
  startBulkLoad(): Promise<void>;
  /** After a rebuild's writes: the index does its upkeep on every write again. */
  finishBulkLoad(): Promise<void>;
  /**
   * One bounded step of merging the index's pieces into one, the shape it is fastest to search in;
   * true while more remains. Each step is meant for a short transaction of its own, so that
   * publishing goes on between steps; an index that keeps itself merged answers false at once.
   */
  compactStep(): Promise<boolean>;
  /**
   * The documents the index holds (kind `document`) whose ids are after `after` and, unless `upTo`
   * is null, not after `upTo`, in the database's order of ids: a rebuild compares them with the
   * live documents of the same range and removes what is no longer live.
   */
  indexedDocumentIds(after: string, upTo: string | null): Promise<string[]>;
  search(criteria: SearchCriteria): Promise<SearchResults>;
  /** The exact number of entries matching the criteria (pages and offsets ignored); slow for common words. */
  matchCount(criteria: SearchCriteria): Promise<number>;
  /**
   * Counts the matches of a search per unit and per pilot field (paging ignored), or null when
   * there are more than `maxMatches` (default `FACET_MATCH_LIMIT`) of them.
   */
  facets(criteria: SearchCriteria, maxMatches?: number): Promise<SearchFacets | null>;
  count(): Promise<number>;
}

/** The district's synonym groups (医保 = 医疗保障), in the order it wrote them. */
export interface SynonymStore {
  list(): Promise<string[][]>;
  /** Replaces every group. */
  replaceAll(groups: readonly (readonly string[])[], at: Date, by: string): Promise<void>;
}
