import { isIsoDate } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { MAX_QUERY_CHARACTERS, parseQuery } from '../domain/query.ts';
import type { SearchCriteria } from '../ports.ts';
import { SEARCH_TEXT } from '../strings.ts';

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

/** A search that can be run: what to ask the index (less the page), and the terms to mark. */
export type ResolvedSearch = { criteria: Omit<SearchCriteria, 'offset' | 'limit'>; terms: readonly string[] };

const QUERY_MESSAGES = {
  empty: SEARCH_TEXT.queryTooShort,
  too_short: SEARCH_TEXT.queryTooShort,
  punctuation: SEARCH_TEXT.queryOnlyPunctuation,
  too_long: SEARCH_TEXT.queryTooLong(MAX_QUERY_CHARACTERS),
} as const;

/**
 * Checks a search and turns it into the index's criteria: the one place the page, the API and the
 * downloads of a result set decide what a search means, so a download holds what the page showed.
 * @throws DomainError `validation_failed` for a query or filter that cannot be searched, with the
 * field and a Chinese message saying why.
 */
export async function resolveSearch(deps: { orgs: OrgStore }, input: SearchInput): Promise<ResolvedSearch> {
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
  return {
    terms: parsed.terms,
    criteria: {
      phrases: [parsed.phrase],
      orgPath: org?.path,
      fieldCode: input.field,
      genre: input.genre,
      from: input.from,
      to: input.to,
      sort: input.sort ?? 'relevance',
    },
  };
}
