/**
 * The search module's door: the public search of everything published (条例 Art. 23: information
 * disclosed on the government's own initiative is made easy to find). Nothing else in the module is
 * imported from outside it.
 */
export { MAX_QUERY_CHARACTERS, indexTokens, normalizeText, parseQuery, tokenizedText } from './domain/query.ts';
export type { ParsedQuery } from './domain/query.ts';
export { highlight } from './domain/snippet.ts';
export type { SearchCriteria, SearchEntry, SearchIndex, SearchResults } from './ports.ts';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, searchPublic } from './queries/search-public.ts';
export type { SearchHit, SearchInput, SearchOutcome } from './queries/search-public.ts';
export { registerSearchPublicRoutes } from './http/public-routes.tsx';
export { searchApiRoutes } from './http/api-routes.ts';
