import { isIsoDate } from '../../../platform/clock.ts';
import { DomainError, type FieldIssue } from '../../../platform/errors.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { MAX_QUERY_CHARACTERS, normalizeText, parseQuery } from '../domain/query.ts';
import { highlight } from '../domain/snippet.ts';
import { expandQuery } from '../domain/synonyms.ts';
import {
  FACET_MATCH_LIMIT,
  type SearchCriteria,
  type SearchEntry,
  type SearchEntryKind,
  type SearchFacets,
  type SearchIndex,
  type SynonymStore,
} from '../ports.ts';
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
  total: number;
  page: number;
  pageSize: number;
  /** Counts per unit and field, or null when the result set is too large to count. */
  facets: SearchFacets | null;
};

/** The values the validity and topic filters accept (the documents module's lists). */
export type SearchVocabulary = { validities: readonly string[]; topics: readonly string[] };

const QUERY_MESSAGES = {
  empty: SEARCH_TEXT.queryTooShort,
  too_short: SEARCH_TEXT.queryTooShort,
  punctuation: SEARCH_TEXT.queryOnlyPunctuation,
  too_long: SEARCH_TEXT.queryTooLong(MAX_QUERY_CHARACTERS),
} as const;

/**
 * Searches everything published (条例 Art. 23: information disclosed on the government's own
 * initiative is made easy to find): documents with their attachments' text, and the entries of
 * published standard catalogs. The query is widened by the district's synonyms. Only live editions
 * are in the index, so withdrawn, superseded and draft editions never come back.
 * @throws DomainError `validation_failed` for a query or filter that cannot be searched, with the
 * field and a Chinese message saying why.
 */
export async function searchPublic(
  deps: { index: SearchIndex; orgs: OrgStore; synonyms: SynonymStore; vocabulary: SearchVocabulary },
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
  const pageSize = Math.min(Math.max(1, input.pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const page = Math.max(1, input.page ?? 1);
  const criteria: SearchCriteria = {
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
    offset: (page - 1) * pageSize,
    limit: pageSize,
  };
  const results = await deps.index.search(criteria);
  // The search counted its matches already: past the limit the facets are not even tried.
  const facets = results.total > FACET_MATCH_LIMIT ? null : await deps.index.facets(criteria);
  return {
    total: results.total,
    page,
    pageSize,
    facets,
    items: results.items.map((entry) => hitOf(entry, expanded.terms)),
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
