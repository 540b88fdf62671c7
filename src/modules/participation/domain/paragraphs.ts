import { stripInvisibleControls } from '../../../platform/text.ts';

/**
 * A draft is a list of paragraphs: comments point at one by its number, and two versions are
 * compared paragraph by paragraph.
 */

/** Splits typed or pasted text into paragraphs: one per non-blank line, trimmed. */
export function splitParagraphs(text: string): string[] {
  return stripInvisibleControls(text)
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/[\s\u3000]+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** One row of a comparison: a paragraph kept, changed, added or removed (numbers are 1-based). */
export type ParagraphChange =
  | { kind: 'same'; before: number; after: number; text: string }
  | { kind: 'changed'; before: number; after: number; old: string; text: string }
  | { kind: 'added'; after: number; text: string }
  | { kind: 'removed'; before: number; old: string };

/**
 * Compares two versions paragraph by paragraph: the longest common subsequence of identical
 * paragraphs is kept; between two kept paragraphs, removed and added paragraphs are paired in order
 * as changed ones (a paragraph reworded in place), the rest stay removed or added.
 * O(n·m) in the paragraphs' counts, which `MAX_PARAGRAPHS` bounds.
 */
export function compareVersions(before: readonly string[], after: readonly string[]): ParagraphChange[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: the common subsequence's length of before[i..] and after[j..].
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const rows: ParagraphChange[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      rows.push({
        kind: 'changed',
        before: removed[k]! + 1,
        after: added[k]! + 1,
        old: before[removed[k]!]!,
        text: after[added[k]!]!,
      });
    }
    for (const i of removed.slice(pairs)) rows.push({ kind: 'removed', before: i + 1, old: before[i]! });
    for (const j of added.slice(pairs)) rows.push({ kind: 'added', after: j + 1, text: after[j]! });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      flush();
      rows.push({ kind: 'same', before: i + 1, after: j + 1, text: after[j]! });
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      added.push(j++);
    } else {
      removed.push(i++);
    }
  }
  flush();
  return rows;
}
