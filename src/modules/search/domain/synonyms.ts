import type { FieldIssue } from '../../../platform/errors.ts';
import { SEARCH_TEXT } from '../strings.ts';
import { normalizeText, parseQuery, type ParsedQuery } from './query.ts';

/** At most this many synonym groups, terms per group, and characters per term. */
export const MAX_SYNONYM_GROUPS = 200;
export const MAX_TERMS_PER_GROUP = 10;
export const MAX_TERM_CHARACTERS = 20;
/** A query is widened to at most this many phrases (its own first). */
export const MAX_QUERY_PHRASES = 12;

/** What separates the terms of a group on one line: =, ＝, commas, 、, ；, or spaces. */
const SEPARATORS = /[=＝,，、;；\s]+/u;

/**
 * Reads the synonym groups as the district writes them, one group per line (医保 = 医疗保障).
 * Blank lines are skipped; a term written twice in a group counts once.
 * @returns the groups, or the problems, each naming its line.
 */
export function parseSynonymGroups(text: string): { groups: string[][]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const groups: string[][] = [];
  const issue = (message: string) => issues.push({ field: 'groups', message });
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = index + 1;
    const issuesBefore = issues.length;
    const terms: string[] = [];
    for (const term of line.split(SEPARATORS).filter((t) => t !== '')) {
      if ([...term].length > MAX_TERM_CHARACTERS) {
        issue(SEARCH_TEXT.synonymTermTooLong(lineNumber, term.slice(0, MAX_TERM_CHARACTERS), MAX_TERM_CHARACTERS));
      } else if (!parseQuery(term).ok) {
        issue(SEARCH_TEXT.synonymTermUnsearchable(lineNumber, term));
      } else if (!terms.some((t) => normalizeText(t) === normalizeText(term))) {
        terms.push(term);
      }
    }
    // A line whose terms were refused already says why; "only one term" would repeat it.
    if (terms.length === 1 && issues.length === issuesBefore) issue(SEARCH_TEXT.synonymGroupTooSmall(lineNumber));
    if (terms.length > MAX_TERMS_PER_GROUP) issue(SEARCH_TEXT.synonymGroupTooLarge(lineNumber, MAX_TERMS_PER_GROUP));
    if (terms.length >= 2) groups.push(terms);
  });
  if (groups.length > MAX_SYNONYM_GROUPS) issue(SEARCH_TEXT.synonymTooManyGroups(MAX_SYNONYM_GROUPS));
  return { groups, issues };
}

/** The groups as the form shows them, one per line. */
export function formatSynonymGroups(groups: readonly (readonly string[])[]): string {
  return groups.map((terms) => terms.join(' = ')).join('\n');
}

/** A query widened by synonyms: the phrases to match (the query's own first) and the words to mark. */
export type ExpandedQuery = { phrases: string[][]; terms: string[] };

/**
 * Widens a parsed query with the district's synonym groups: wherever a term of a group occurs in
 * the query, each other term of the group is put in its place (城乡医保 → 城乡医疗保障). The query's
 * own phrase stays first; at most MAX_QUERY_PHRASES phrases in all.
 */
export function expandQuery(
  query: Extract<ParsedQuery, { ok: true }>,
  groups: readonly (readonly string[])[],
): ExpandedQuery {
  const variants = new Set<string>([query.normalized]);
  for (const group of groups) {
    const forms = group.map(normalizeText);
    for (const form of forms) {
      if (!query.normalized.includes(form)) continue;
      for (const other of forms) if (other !== form) variants.add(query.normalized.split(form).join(other));
    }
  }
  const phrases: string[][] = [query.phrase];
  const terms = new Set(query.terms);
  const seen = new Set([query.phrase.join(' ')]);
  for (const variant of [...variants].slice(1)) {
    const parsed = parseQuery(variant);
    if (!parsed.ok || seen.has(parsed.phrase.join(' '))) continue;
    if (phrases.length >= MAX_QUERY_PHRASES) break;
    seen.add(parsed.phrase.join(' '));
    phrases.push(parsed.phrase);
    parsed.terms.forEach((term) => terms.add(term));
  }
  return { phrases, terms: [...terms] };
}
