import sanitizeHtml from 'sanitize-html';
import { DomainError } from './errors.ts';

/**
 * The rich text staff may publish: paragraphs, headings, lists, tables, emphasis, links and images.
 * Everything else (scripts, styles, event handlers, frames, forms) is removed on the server before
 * anything is stored, whatever the editor in the browser sent.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'ul',
    'ol',
    'li',
    'blockquote',
    'hr',
    'a',
    'img',
    'span',
    'div',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    // Links leave the site in a new context without handing it our page.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    h1: 'h2',
  },
  disallowedTagsMode: 'discard',
};

/** Most elements a rich-text body may hold (a 1,000-row table with ten cells a row is 11,000). */
export const MAX_RICH_TEXT_ELEMENTS = 100_000;
/** Deepest nesting a rich-text body may have; pasted office documents stay well under 30. */
export const MAX_RICH_TEXT_DEPTH = 64;

/** Elements that never hold content, so never nest. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose end tag may be left out: a second one closes the first (HTML §13.1.2.4). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

/**
 * How many elements the HTML has and how deep it nests, read in one pass and at most
 * MAX_RICH_TEXT_DEPTH steps per end tag, so the check itself is linear. Deliberately a little
 * stricter than a browser: an end tag with no open element is ignored, a missing one counts as open.
 */
export function richTextShape(html: string): { elements: number; depth: number } {
  const open: string[] = [];
  let elements = 0;
  let depth = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const closing = html[lt + 1] === '/';
    let j = lt + (closing ? 2 : 1);
    const nameStart = j;
    while (j < html.length && /[A-Za-z0-9]/.test(html[j]!)) j++;
    if (j === nameStart) {
      i = lt + 1;
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();
    // Skip the attributes to the '>' that ends the tag, past any quoted '>'.
    let quote = '';
    while (j < html.length) {
      const char = html[j]!;
      if (quote) {
        if (char === quote) quote = '';
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') break;
      j++;
    }
    i = j + 1;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    elements++;
    if (VOID_ELEMENTS.has(name)) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1] === name) open.pop();
    open.push(name);
    if (open.length > depth) depth = open.length;
    if (depth > MAX_RICH_TEXT_DEPTH || elements > MAX_RICH_TEXT_ELEMENTS) break;
  }
  return { elements, depth };
}

/**
 * Returns the HTML with everything outside the allow-list removed. Bodies with more elements or
 * deeper nesting than any real document are refused first: the HTML parser's cost grows with the
 * nesting, and an unclosed `<b>` repeated 300,000 times would otherwise hold the process for minutes.
 * @throws DomainError `rich_text_too_complex`.
 */
export function sanitizeRichText(html: string): string {
  const shape = richTextShape(html);
  if (shape.depth > MAX_RICH_TEXT_DEPTH || shape.elements > MAX_RICH_TEXT_ELEMENTS) {
    throw new DomainError('rich_text_too_complex');
  }
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Sanitises rich text away from the request's own thread (see the worker adapter). */
export interface RichTextSanitiser {
  /**
   * The HTML with everything outside the allow-list removed.
   * @throws DomainError `rich_text_too_complex` when over the limits or over the time budget.
   */
  sanitise(html: string): Promise<string>;
}

/** Sanitises on the calling thread: for the command line, the demo loader and tests. */
export const inlineSanitiser: RichTextSanitiser = {
  sanitise: async (html) => sanitizeRichText(html),
};
