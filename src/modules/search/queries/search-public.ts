import { isIsoDate } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { MAX_QUERY_CHARACTERS, parseQuery } from '../domain/query.ts';
import { highlight } from '../domain/snippet.ts';
import type { SearchIndex } from '../ports.ts';
import { SEARCH_TEXT } from '../strings.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Characters of body text shown around the first hit. */
const SNIPPET_LENGTH = 120;

/** A search as people ask it: the words, and the filters of the search page and the API. */
export type SearchInput = {
  q: string;
  /** A unit's code: the unit and every unit under it. */
  org?: string | undefined;
  /** A pilot field's code. */
  field?: string | undefined;
  genre?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: 'relevance' | 'date' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};

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

const QUERY_MESSAGES = {
  empty: SEARCH_TEXT.queryTooShort,
  too_short: SEARCH_TEXT.queryTooShort,
  punctuation: SEARCH_TEXT.queryOnlyPunctuation,
  too_long: SEARCH_TEXT.queryTooLong(MAX_QUERY_CHARACTERS),
} as const;

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
  const issues: FieldIssue[] = [];
  const parsed = parseQuery(input.q);
  if (!parsed.ok) issues.push({ field: 'q', message: QUERY_MESSAGES[parsed.reason] });
  for (const key of ['from', 'to'] as const) {
    const value = input[key];
    if (value !== undefined && !isIsoDate(value)) issues.push({ field: key, message: SEARCH_TEXT.dateInvalid });
  }
  if (input.from && input.to && isIsoDate(input.from) && isIsoDate(input.to) && input.from > input.to) {
    issues.push({ field: 'to', message: SEARCH_TEXT.dateOrder });
  }
  const org = input.org ? await deps.orgs.getByCode(input.org) : undefined;
  if (input.org && !org) issues.push({ field: 'org', message: SEARCH_TEXT.orgUnknown });
  if (issues.length > 0 || !parsed.ok) throw new DomainError('validation_failed', { fields: issues });

  const pageSize = Math.min(Math.max(1, input.pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const page = Math.max(1, input.page ?? 1);
  const results = await deps.index.search({
    phrases: [parsed.phrase],
    orgPath: org?.path,
    fieldCode: input.field,
    genre: input.genre,
    from: input.from,
    to: input.to,
    sort: input.sort ?? 'relevance',
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  return {
    total: results.total,
    totalExact: results.totalExact,
    page,
    pageSize,
    items: results.items.map((entry) => ({
      documentId: entry.documentId,
      titleHtml: highlight(entry.title, parsed.terms),
      snippetHtml: highlight(entry.bodyText.replace(/\s+/g, ' '), parsed.terms, SNIPPET_LENGTH),
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
