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

const CJK = /\p{Script=Han}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A run of text that tokens are made of: Chinese characters, or a word of letters and digits. */
export type Run = { kind: 'cjk' | 'word'; text: string };

/** Splits normalised text into runs of Chinese characters and words; everything else separates them. */
export function runsOf(normalized: string): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  for (const ch of normalized) {
    const kind = CJK.test(ch) ? 'cjk' : WORD_CHAR.test(ch) ? 'word' : undefined;
    if (kind === undefined) {
      current = undefined;
      continue;
    }
    if (current?.kind === kind) current.text += ch;
    else {
      current = { kind, text: ch };
      runs.push(current);
    }
  }
  return runs;
}

/** The tokens of one run: overlapping bigrams of Chinese (one character alone stays itself), or the word. */
function tokensOfRun(run: Run): string[] {
  if (run.kind === 'word') return [run.text];
  const chars = [...run.text];
  if (chars.length === 1) return chars;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
  return bigrams;
}

/** The tokens of a text, in order, for the index. */
export function indexTokens(text: string): string[] {
  return runsOf(normalizeText(text)).flatMap(tokensOfRun);
}

/** The text the index stores for a field: its tokens separated by spaces. */
export function tokenizedText(text: string): string {
  return indexTokens(text).join(' ');
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
