/**
 * One public thing in the search index: today the live edition of a document (条例 Art. 19–20:
 * information disclosed on the government's own initiative), one entry per document.
 */
export type SearchEntry = {
  documentId: string;
  editionId: string;
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
  /** Empties the index, before a rebuild. */
  clear(): Promise<void>;
  search(criteria: SearchCriteria): Promise<SearchResults>;
  /** The exact number of entries matching the criteria (pages and offsets ignored); slow for common words. */
  matchCount(criteria: SearchCriteria): Promise<number>;
  count(): Promise<number>;
}
