import { normalizeText } from '../domain/query.ts';
import { highlight } from '../domain/snippet.ts';
import {
  FACET_MATCH_LIMIT,
  type SearchEntry,
  type SearchEntryKind,
  type SearchFacets,
  type SearchIndex,
} from '../ports.ts';
import { resolveSearch, type ResolveSearchDeps, type SearchInput } from './resolve-search.ts';

export type { SearchInput, SearchVocabulary } from './resolve-search.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Characters of body text shown around the first hit. */
const SNIPPET_LENGTH = 120;

/** One hit, ready to show: title and snippet are HTML, escaped first and then marked. */
export type SearchHit = {
  kind: SearchEntryKind;
  documentId: string;
  /** The public page of the hit (a path on this site). */
  href: string;
  titleHtml: string;
  snippetHtml: string;
  /** The name of the attachment the words were found in, when they were found only there. */
  matchedAttachment: string | null;
  docNumber: string | null;
  indexNumber: string | null;
  orgName: string;
  genre: string;
  fieldCode: string | null;
  validity: string;
  publishedOn: string;
};

export type SearchOutcome = {
  items: SearchHit[];
  /** An estimate (约) when `totalExact` is false: see the index's `SearchResults`. */
  total: number;
  totalExact: boolean;
  page: number;
  pageSize: number;
  /** Counts per unit and field, or null when the result set is too large to count. */
  facets: SearchFacets | null;
};

/**
 * Searches everything published (条例 Art. 23: information disclosed on the government's own
 * initiative is made easy to find): documents with their attachments' text, and the entries of
 * published standard catalogs. The query is widened by the district's synonyms. Only live editions
 * are in the index, so withdrawn, superseded and draft editions never come back.
 * @throws DomainError `validation_failed` for a query or filter that cannot be searched, with the
 * field and a Chinese message saying why.
 */
export async function searchPublic(
  deps: ResolveSearchDeps & { index: SearchIndex },
  input: SearchInput,
): Promise<SearchOutcome> {
  const { criteria, terms } = await resolveSearch(deps, input);
  const pageSize = Math.min(Math.max(1, input.pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const page = Math.max(1, input.page ?? 1);
  const paged = { ...criteria, offset: (page - 1) * pageSize, limit: pageSize };
  const results = await deps.index.search(paged);
  // The search counted (or estimated) its matches already: past the limit the facets are not even
  // tried; under it they are counted exactly, or null if the estimate was low.
  const facets = results.total > FACET_MATCH_LIMIT ? null : await deps.index.facets(paged);
  return {
    total: results.total,
    totalExact: results.totalExact,
    page,
    pageSize,
    facets,
    items: results.items.map((entry) => hitOf(entry, terms)),
  };
}

/** A hit as shown: marked title, and a snippet of the body — or of the attachment the words are only in. */
function hitOf(entry: SearchEntry, terms: readonly string[]): SearchHit {
  const attachment = matchedAttachment(entry, terms);
  const snippetSource = attachment ? attachment.text : entry.bodyText;
  return {
    kind: entry.kind,
    documentId: entry.documentId,
    href: entry.href,
    titleHtml: highlight(entry.title, terms),
    snippetHtml: highlight(snippetSource.replace(/\s+/g, ' '), terms, SNIPPET_LENGTH),
    matchedAttachment: attachment?.name ?? null,
    docNumber: entry.docNumber,
    indexNumber: entry.indexNumber,
    orgName: entry.orgName,
    genre: entry.genre,
    fieldCode: entry.fieldCode,
    validity: entry.validity,
    publishedOn: entry.publishedOn,
  };
}

/** The first attachment holding one of the words, when the document's own fields hold none. */
function matchedAttachment(entry: SearchEntry, terms: readonly string[]) {
  if (entry.attachments.length === 0) return undefined;
  const own = normalizeText([entry.title, entry.docNumber ?? '', entry.indexNumber ?? '', entry.bodyText].join('\n'));
  if (terms.some((term) => own.includes(term))) return undefined;
  return entry.attachments.find((attachment) => {
    const text = normalizeText(attachment.text);
    return terms.some((term) => text.includes(term));
  });
}
