import { isIsoDate } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { MAX_QUERY_CHARACTERS, parseQuery } from '../domain/query.ts';
import { expandQuery } from '../domain/synonyms.ts';
import type { SearchCriteria, SearchEntryKind, SynonymStore } from '../ports.ts';
import { SEARCH_TEXT } from '../strings.ts';

/** A search as people ask it: the words, and the filters of the search page and the API. */
export type SearchInput = {
  q: string;
  /** A unit's code: the unit and every unit under it. */
  org?: string | undefined;
  /** A pilot field's code. */
  field?: string | undefined;
  genre?: string | undefined;
  /** 有效性 (有效, 失效, 废止). */
  validity?: string | undefined;
  /** 主题分类. */
  topic?: string | undefined;
  /** Documents only, or catalog entries only. */
  kind?: SearchEntryKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: 'relevance' | 'date' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
};

/** A search that can be run: what to ask the index (less the page), and the terms to mark. */
export type ResolvedSearch = { criteria: Omit<SearchCriteria, 'offset' | 'limit'>; terms: readonly string[] };

/** The values the validity and topic filters accept (the documents module's lists). */
export type SearchVocabulary = { validities: readonly string[]; topics: readonly string[] };

/** What resolving a search reads: units, the district's synonyms, the filters' lists. */
export type ResolveSearchDeps = { orgs: OrgStore; synonyms: SynonymStore; vocabulary: SearchVocabulary };

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
export async function resolveSearch(deps: ResolveSearchDeps, input: SearchInput): Promise<ResolvedSearch> {
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
  if (input.validity !== undefined && !deps.vocabulary.validities.includes(input.validity)) {
    issues.push({ field: 'validity', message: SEARCH_TEXT.validityUnknown });
  }
  if (input.topic !== undefined && !deps.vocabulary.topics.includes(input.topic)) {
    issues.push({ field: 'topic', message: SEARCH_TEXT.topicUnknown });
  }
  const org = input.org ? await deps.orgs.getByCode(input.org) : undefined;
  if (input.org && !org) issues.push({ field: 'org', message: SEARCH_TEXT.orgUnknown });
  if (issues.length > 0 || !parsed.ok) throw new DomainError('validation_failed', { fields: issues });
  const expanded = expandQuery(parsed, await deps.synonyms.list());
  return {
    terms: expanded.terms,
    criteria: {
      phrases: expanded.phrases,
      orgPath: org?.path,
      fieldCode: input.field,
      genre: input.genre,
      validity: input.validity,
      topic: input.topic,
      kind: input.kind,
      from: input.from,
      to: input.to,
      sort: input.sort ?? 'relevance',
    },
  };
}
