import { escapeHtml } from '../../../platform/html-text.ts';
import { normalizeText } from './query.ts';

/** Characters of context shown before the first hit. */
const LEAD = 30;

/**
 * Marks the query's terms in a text: the text is escaped first and only then are <mark> tags put
 * around the hits, so nothing in a document can inject markup. `maxLength` cuts a window around the
 * first hit (with … where text was left out); without it the whole text is marked.
 */
export function highlight(text: string, terms: readonly string[], maxLength?: number): string {
  // NFKC can change lengths (ｆｕｌｌ → full); compare per character so offsets stay in the original.
  const chars = [...text];
  const folded = chars.map((ch) => normalizeText(ch)[0] ?? ch);
  const wanted = terms.filter((t) => t !== '').map((t) => [...t]);
  const marked = new Array<boolean>(chars.length).fill(false);
  let first = -1;
  for (const term of wanted) {
    for (let at = indexOfChars(folded, term, 0); at >= 0; at = indexOfChars(folded, term, at + 1)) {
      if (first < 0 || at < first) first = at;
      for (let i = at; i < at + term.length; i++) marked[i] = true;
    }
  }
  let start = 0;
  let end = chars.length;
  if (maxLength !== undefined && chars.length > maxLength) {
    start = Math.max(0, Math.min(first < 0 ? 0 : first - LEAD, chars.length - maxLength));
    end = start + maxLength;
  }
  let html = start > 0 ? '…' : '';
  let open = false;
  for (let i = start; i < end; i++) {
    if (marked[i] && !open) html += '<mark>';
    if (!marked[i] && open) html += '</mark>';
    open = marked[i]!;
    html += escapeHtml(chars[i]!);
  }
  if (open) html += '</mark>';
  if (end < chars.length) html += '…';
  return html;
}

/** Index (in characters) of a needle in character-folded text, from a character position. */
function indexOfChars(folded: string[], n: string[], from: number): number {
  outer: for (let i = from; i + n.length <= folded.length; i++) {
    for (let j = 0; j < n.length; j++) if (folded[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
}
