import { normalizeText } from '../../modules/search/index.ts';

/**
 * Relevance, computed in the application over a bounded set of candidates, the same on SQLite and
 * PostgreSQL. It is BM25 (k1 = 1.2, b = 0.75) per field, the fields weighted like a reader scans a
 * list: title and 文号 10, 索引号 5, body 1. A term's idf is the same for every candidate of a
 * one-phrase query, so it does not change the order and is left out; synonyms count alike.
 *
 * Which entries match is decided by the index, exactly; ranking only orders them. The term
 * frequency is counted on the normalised field text: a phrase's longest run of Chinese characters
 * (or its longest word) as a substring, which is where its bigrams occur in a row.
 */
const K1 = 1.2;
const B = 0.75;
const WEIGHTS = { title: 10, docNumber: 10, indexNumber: 5, body: 1 } as const;
type Field = keyof typeof WEIGHTS;
const FIELDS = Object.keys(WEIGHTS) as Field[];

/** What ranking reads of a candidate. `id` is the index's row key, newest highest. */
export type Candidate = {
  id: number;
  title: string;
  docNumber: string | null;
  indexNumber: string | null;
  body: string;
  publishedOn: string;
};

/**
 * The text each phrase is counted by: its tokens joined back into runs (overlapping bigrams
 * 社会 会保 保障 → 社会保障), the longest run.
 */
export function needlesOf(phrases: readonly (readonly string[])[]): string[] {
  return phrases.map((phrase) => {
    const runs: string[] = [];
    for (const token of phrase) {
      const last = runs.at(-1);
      const chars = [...token];
      if (last !== undefined && chars.length === 2 && [...last].at(-1) === chars[0] && isHan(chars[0]!)) {
        runs[runs.length - 1] = last + chars[1]!;
      } else runs.push(token);
    }
    return runs.reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
  });
}

const HAN = /\p{Script=Han}/u;
const isHan = (ch: string) => HAN.test(ch);

function occurrences(text: string, needle: string): number {
  if (needle === '') return 0;
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

function fieldText(candidate: Candidate, field: Field): string {
  return field === 'title'
    ? candidate.title
    : field === 'body'
      ? candidate.body
      : field === 'docNumber'
        ? (candidate.docNumber ?? '')
        : (candidate.indexNumber ?? '');
}

/** The candidates' ids, best first (ties: newer 发布日期 first, then the newer row). */
export function rankCandidates(candidates: readonly Candidate[], phrases: readonly (readonly string[])[]): number[] {
  if (candidates.length === 0) return [];
  const needles = needlesOf(phrases);
  const texts = candidates.map((c) => FIELDS.map((f) => normalizeText(fieldText(c, f))));
  const average = FIELDS.map((_, i) => Math.max(1, texts.reduce((sum, t) => sum + t[i]!.length, 0) / texts.length));
  const scored = candidates.map((candidate, c) => {
    let score = 0;
    FIELDS.forEach((field, i) => {
      const text = texts[c]![i]!;
      const tf = needles.reduce((sum, needle) => sum + occurrences(text, needle), 0);
      if (tf === 0) return;
      const norm = K1 * (1 - B + (B * text.length) / average[i]!);
      score += (WEIGHTS[field] * tf * (K1 + 1)) / (tf + norm);
    });
    return { id: candidate.id, score, publishedOn: candidate.publishedOn };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score || (a.publishedOn < b.publishedOn ? 1 : a.publishedOn > b.publishedOn ? -1 : 0) || b.id - a.id,
  );
  return scored.map((s) => s.id);
}
