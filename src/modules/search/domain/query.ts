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

/** What a BMP code unit is to `runsOf`: a separator, a Chinese character, a letter or digit, or half of a surrogate pair. */
const SEPARATOR = 0;
const HAN = 1;
const WORD = 2;
const SURROGATE_HALF = 3;

let unitTable: Uint8Array | undefined;

/** Every BMP code unit classified once with `RUN`'s own character classes, so `tokenizedText` agrees with `runsOf`. */
function units(): Uint8Array {
  if (unitTable) return unitTable;
  const table = new Uint8Array(0x10000);
  const han = /\p{Script=Han}/u;
  const word = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) table[c] = SURROGATE_HALF;
    else {
      const ch = String.fromCharCode(c);
      table[c] = han.test(ch) ? HAN : word.test(ch) ? WORD : SEPARATOR;
    }
  }
  return (unitTable = table);
}

let outBuffer = new Uint16Array(4096);
const utf16 = new TextDecoder('utf-16le');

/**
 * The text the index stores for a field: `indexTokens` joined with spaces. A rebuild tokenises every
 * document, so this writes the tokens' code units into one buffer and makes one string of it, rather
 * than a string per token (which left the garbage collector a third of a million-document build).
 * Text with characters outside the BMP takes `indexTokens` itself.
 */
export function tokenizedText(text: string): string {
  const normalized = normalizeText(text);
  const n = normalized.length;
  // A bigram of a run of L characters takes 3 code units per character, less one; words take L.
  if (outBuffer.length < 3 * n) outBuffer = new Uint16Array(3 * n);
  const out = outBuffer;
  const kind = units();
  let o = 0;
  let i = 0;
  while (i < n) {
    const k = kind[normalized.charCodeAt(i)]!;
    if (k === SURROGATE_HALF) return indexTokens(text).join(' ');
    if (k === SEPARATOR) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && kind[normalized.charCodeAt(j)] === k) j++;
    if (o > 0) out[o++] = 0x20;
    if (k === WORD || j - i === 1) {
      for (let p = i; p < j; p++) out[o++] = normalized.charCodeAt(p);
    } else {
      out[o++] = normalized.charCodeAt(i);
      out[o++] = normalized.charCodeAt(i + 1);
      for (let p = i + 1; p + 1 < j; p++) {
        out[o++] = 0x20;
        out[o++] = normalized.charCodeAt(p);
        out[o++] = normalized.charCodeAt(p + 1);
      }
    }
    i = j;
  }
  return o === 0 ? '' : utf16.decode(out.subarray(0, o));
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
