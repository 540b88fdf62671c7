/**
 * Lines of Chinese text for a picture (the long poster, plan §三.5 new-media channels), where nothing
 * lays text out for us: an SVG `<text>` never wraps. Widths are estimated, not measured from the
 * font: a CJK or full-width character is 1 em, anything else about 0.55 em (Noto Sans CJK's Latin
 * letters and digits average a little over half an em), which is close enough to fill a line without
 * running past the margin.
 */

/** Width, in em, of a character that is neither CJK nor full-width. */
export const NARROW_EM = 0.55;

/**
 * Characters set in a full em: CJK ideographs, kana, Hangul, CJK and full-width punctuation and
 * forms, and the quotation marks, dash and ellipsis Chinese text uses (ambiguous width, counted wide
 * so a line is never underestimated).
 */
const WIDE =
  /[\u1100-\u115F\u2014\u2018\u2019\u201C\u201D\u2026\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF01-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/**
 * 避头尾, simply: marks that close something (Chinese closing punctuation, and their Latin cousins)
 * never begin a line, and marks that open something never end one (GB/T 15834-2011 on punctuation;
 * W3C "Requirements for Chinese Text Layout" §3.1.7).
 */
const NO_LINE_START = new Set([...'，。、；：？！）」》』】〕〉〗”’…—～％·,.;:!?)]}%']);
const NO_LINE_END = new Set([...'（「《『【〔〈〖“‘([{']);

/** True for a character set in a full em. */
export function isWide(char: string): boolean {
  return WIDE.test(char);
}

/** Width of one character, in em. */
export function charWidthEm(char: string): number {
  return isWide(char) ? 1 : NARROW_EM;
}

/** Estimated width of a text in pixels at a font size. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += charWidthEm(char);
  return em * fontSize;
}

/** White space that collapses to one space; the ideographic space (U+3000) is a character, an em wide. */
const COLLAPSIBLE = /[\t\n\v\f\r \u00a0]/;

/**
 * The pieces a line may be broken between: each CJK or full-width character, each run of spaces,
 * and each run of other characters (a Latin word, a number such as 1,350.5 or 12%, a web address),
 * which stays whole unless it is wider than a line by itself; then it breaks between any characters.
 */
type Piece = { text: string; width: number; isSpace: boolean };

function piecesOf(text: string, lineEm: number): Piece[] {
  const pieces: Piece[] = [];
  let word = '';
  const endWord = () => {
    if (word === '') return;
    const em = [...word].length * NARROW_EM;
    if (em <= lineEm) pieces.push({ text: word, width: em, isSpace: false });
    else for (const char of word) pieces.push({ text: char, width: NARROW_EM, isSpace: false });
    word = '';
  };
  for (const char of text) {
    if (COLLAPSIBLE.test(char)) {
      endWord();
      const last = pieces.at(-1);
      if (!last?.isSpace) pieces.push({ text: ' ', width: NARROW_EM, isSpace: true });
    } else if (isWide(char)) {
      endWord();
      pieces.push({ text: char, width: 1, isSpace: false });
    } else {
      word += char;
    }
  }
  endWord();
  return pieces;
}

/** How many pieces, at most, move down with a closing mark (push-out); beyond that the mark hangs. */
const MAX_PUSH_OUT = 2;

/**
 * Breaks a text into lines of at most `width` pixels at `fontSize`: between any two CJK characters,
 * at spaces, never inside a Latin word or number unless it alone is wider than a line, never before
 * a closing mark or after an opening one. When a closing mark does not fit, the character before it
 * goes down with it (push-out); when that is impossible it stays on the line, just past the width
 * (hanging punctuation). Runs of white space (line breaks included) are one space; spaces at the
 * ends of lines are dropped.
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lineEm = width / fontSize;
  const lines: string[] = [];
  let line: Piece[] = [];
  let used = 0;
  const flush = () => {
    while (line.at(-1)?.isSpace) line.pop();
    if (line.length > 0) lines.push(line.map((p) => p.text).join(''));
  };
  for (const piece of piecesOf(text, lineEm)) {
    if (piece.isSpace && line.length === 0) continue;
    if (used + piece.width <= lineEm + 1e-9 || line.length === 0) {
      line.push(piece);
      used += piece.width;
      continue;
    }
    if (piece.isSpace) {
      flush();
      line = [];
      used = 0;
      continue;
    }
    while (line.at(-1)?.isSpace) line.pop();
    const next: Piece[] = [piece];
    let moved = 0;
    while (line.length > 1 && moved < MAX_PUSH_OUT) {
      const last = line.at(-1)!;
      if (!startsBadly(next[0]!) && !endsBadly(last)) break;
      if (widthOf(next) + last.width > lineEm) break;
      next.unshift(line.pop()!);
      moved++;
    }
    // Still a closing mark first: it hangs at the end of this line instead.
    while (next.length > 0 && startsBadly(next[0]!)) line.push(next.shift()!);
    flush();
    line = next;
    used = widthOf(next);
  }
  flush();
  return lines;
}

function widthOf(pieces: readonly Piece[]): number {
  return pieces.reduce((sum, p) => sum + p.width, 0);
}

function startsBadly(piece: Piece): boolean {
  return NO_LINE_START.has(piece.text[0]!);
}

function endsBadly(piece: Piece): boolean {
  return NO_LINE_END.has(piece.text.at(-1)!);
}

/** A text cut to fit `width` pixels at `fontSize`, ending in an ellipsis when cut (a table's cell). */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  let kept = '';
  const room = width - fontSize; // the ellipsis is a full em
  for (const char of text) {
    if (textWidth(kept + char, fontSize) > room) break;
    kept += char;
  }
  return `${kept}…`;
}
