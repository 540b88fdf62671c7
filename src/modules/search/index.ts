/**
 * The search module's door: the public search of everything published (条例 Art. 23: information
 * disclosed on the government's own initiative is made easy to find), and the district's search
 * synonyms. Nothing else in the module is imported from outside it.
 */
export { MAX_QUERY_CHARACTERS, indexTokens, normalizeText, parseQuery, tokenizedText } from './domain/query.ts';
export type { ParsedQuery } from './domain/query.ts';
export { highlight } from './domain/snippet.ts';
export { expandQuery, formatSynonymGroups, parseSynonymGroups } from './domain/synonyms.ts';
export { FACET_MATCH_LIMIT, SEARCH_ENTRY_KINDS } from './ports.ts';
export type {
  AttachmentText,
  SearchCriteria,
  SearchEntry,
  SearchEntryKind,
  SearchFacets,
  SearchIndex,
  SearchResults,
  SynonymStore,
} from './ports.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, searchPublic } from './queries/search-public.ts';
export type { SearchHit, SearchInput, SearchOutcome, SearchVocabulary } from './queries/search-public.ts';
export { saveSynonyms } from './commands/save-synonyms.ts';
export { SEARCH_AUDIT_ACTIONS } from './audit-actions.ts';
export { registerSearchPublicRoutes } from './http/public-routes.tsx';
export { registerSearchAdminRoutes } from './http/admin-routes.tsx';
export { searchApiRoutes } from './http/api-routes.ts';
