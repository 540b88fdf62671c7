import { highlight } from '../domain/snippet.ts';
import type { SearchIndex } from '../ports.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { resolveSearch, type SearchInput } from './resolve-search.ts';

export type { SearchInput } from './resolve-search.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Characters of body text shown around the first hit. */
const SNIPPET_LENGTH = 120;

/** One hit, ready to show: title and snippet are HTML, escaped first and then marked. */
export type SearchHit = {
  documentId: string;
  titleHtml: string;
  snippetHtml: string;
  docNumber: string | null;
  indexNumber: string | null;
  orgName: string;
  genre: string;
  fieldCode: string | null;
  validity: string;
  publishedOn: string;
};

/** `total` is an estimate (约) when `totalExact` is false: see the index's `SearchResults`. */
export type SearchOutcome = { items: SearchHit[]; total: number; totalExact: boolean; page: number; pageSize: number };

/**
 * Searches everything published (条例 Art. 23: information disclosed on the government's own
 * initiative is made easy to find). Only live editions are in the index, so withdrawn, superseded
 * and draft editions never come back.
 * @throws DomainError `validation_failed` for a query or filter that cannot be searched, with the
 * field and a Chinese message saying why.
 */
export async function searchPublic(
  deps: { index: SearchIndex; orgs: OrgStore },
  input: SearchInput,
): Promise<SearchOutcome> {
  const { criteria, terms } = await resolveSearch(deps, input);
  const pageSize = Math.min(Math.max(1, input.pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const page = Math.max(1, input.page ?? 1);
  const results = await deps.index.search({ ...criteria, offset: (page - 1) * pageSize, limit: pageSize });
  return {
    total: results.total,
    totalExact: results.totalExact,
    page,
    pageSize,
    items: results.items.map((entry) => ({
      documentId: entry.documentId,
      titleHtml: highlight(entry.title, terms),
      snippetHtml: highlight(entry.bodyText.replace(/\s+/g, ' '), terms, SNIPPET_LENGTH),
      docNumber: entry.docNumber,
      indexNumber: entry.indexNumber,
      orgName: entry.orgName,
      genre: entry.genre,
      fieldCode: entry.fieldCode,
      validity: entry.validity,
      publishedOn: entry.publishedOn,
    })),
  };
}
