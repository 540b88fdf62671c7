/**
 * Chinese query handling, pure. Chinese has no spaces between words, so recall comes from
 * overlapping CJK bigrams (the approach of Lucene's CJK analyzer): "社会保障" is indexed as
 * 社会 会保 保障, and a query of two or more characters is the phrase of its own bigrams, which
 * matches exactly where the query occurs as a substring — 社会保障 inside 人力资源和社会保障局 too.
 * Letters and digits form words of their own. The same tokeniser serves the index and the query, so
 * both database adapters only ever see space-separated tokens.
 */

/** Longest query accepted, in characters. */
export const MAX_QUERY_CHARACTERS = 100;

const OPENING = /[[(（【［〔〖]/g;
const CLOSING = /[\])）】］〕〗]/g;

/**
 * The one form text is compared in: full-width letters, digits and punctuation folded to their plain
 * forms (NFKC), lower case, and the brackets people type around a 文号's year ([] () （） 【】) made
 * the hexagonal brackets 〔〕 of GB/T 9704-2012 §7.2.4.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(OPENING, '〔').replace(CLOSING, '〕');
}

/** Chinese characters in a row, or letters and digits (other than Chinese characters) in a row. */
const RUN = /(\p{Script=Han}+)|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/** A run of text that tokens are made of: Chinese characters, or a word of letters and digits. */
export type Run = { kind: 'cjk' | 'word'; text: string };

/** Splits normalised text into runs of Chinese characters and words; everything else separates them. */
export function runsOf(normalized: string): Run[] {
  const runs: Run[] = [];
  for (const match of normalized.matchAll(RUN))
    runs.push({ kind: match[1] === undefined ? 'word' : 'cjk', text: match[0] });
  return runs;
}

/** The tokens of one run: overlapping bigrams of Chinese (one character alone stays itself), or the word. */
function tokensOfRun(run: Run): string[] {
  if (run.kind === 'word') return [run.text];
  // Characters outside the BMP (CJK Extension B and later) take two code units; most runs have none.
  const chars = SURROGATE.test(run.text) ? [...run.text] : run.text;
  if (chars.length === 1) return [run.text];
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return bigrams;
}

/** The tokens of a text, in order, for the index. */
export function indexTokens(text: string): string[] {
  return runsOf(normalizeText(text)).flatMap(tokensOfRun);
}

/**
 * The text the index stores for a field: its tokens separated by spaces (`indexTokens` joined, built
 * in one pass: a rebuild tokenises every document).
 */
export function tokenizedText(text: string): string {
  let out = '';
  for (const run of runsOf(normalizeText(text))) {
    if (out !== '') out += ' ';
    if (run.kind === 'word' || SURROGATE.test(run.text)) out += tokensOfRun(run).join(' ');
    else if (run.text.length === 1) out += run.text;
    else {
      const t = run.text;
      out += t[0]! + t[1]!;
      for (let i = 1; i + 1 < t.length; i++) out += ' ' + t[i]! + t[i + 1]!;
    }
  }
  return out;
}

/** A query checked and tokenised: the phrase of tokens to match, and the terms to highlight. */
export type ParsedQuery =
  | { ok: true; normalized: string; phrase: string[]; terms: string[] }
  | { ok: false; reason: 'empty' | 'punctuation' | 'too_short' | 'too_long' };

/**
 * Checks a query and turns it into a phrase of tokens. A lone Chinese character between other runs
 * (the 号 of 余政办发〔2020〕16号) is left out of the phrase: in the text it is usually part of a
 * bigram with its neighbour (16号文件 → 号文), which the query cannot know.
 */
export function parseQuery(input: string): ParsedQuery {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if ([...trimmed].length > MAX_QUERY_CHARACTERS) return { ok: false, reason: 'too_long' };
  const normalized = normalizeText(trimmed);
  const runs = runsOf(normalized);
  if (runs.length === 0) return { ok: false, reason: 'punctuation' };
  const characters = runs.reduce((sum, run) => sum + [...run.text].length, 0);
  if (characters < 2) return { ok: false, reason: 'too_short' };
  const kept = runs.length === 1 ? runs : runs.filter((run) => !(run.kind === 'cjk' && [...run.text].length === 1));
  return {
    ok: true,
    normalized,
    phrase: kept.flatMap(tokensOfRun),
    terms: [...new Set(runs.map((run) => run.text))],
  };
}
