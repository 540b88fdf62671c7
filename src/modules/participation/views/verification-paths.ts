import { COLUMN_PATH } from './paths.ts';

/** Where verified identity's pages are (验证身份). */
export const VERIFY_PATH = '/hdjl/yz/';

/** The longest return path kept; a longer one is dropped for the column's page. */
const MAX_NEXT_LENGTH = 1000;

/**
 * The return path after verifying, when it is a page of this column (`/hdjl/…`) and nothing else:
 * no other host, no scheme, no `..` leading out of the column, no control characters; otherwise
 * the column's page.
 */
export function localNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > MAX_NEXT_LENGTH) return COLUMN_PATH;
  // eslint-disable-next-line no-control-regex
  if (!/^\/(?![/\\])[^\s\\\u0000-\u001f\u007f]*$/.test(next)) return COLUMN_PATH;
  try {
    // The URL parser resolves `..` and `%2e%2e` as a browser would: what is checked is where it goes.
    const url = new URL(next, 'http://local.invalid');
    if (url.origin !== 'http://local.invalid' || !url.pathname.startsWith(COLUMN_PATH)) return COLUMN_PATH;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return COLUMN_PATH;
  }
}

/** The page that asks for the contact, returning to `next` once verified. */
export function verifyPath(next: string): string {
  return `${VERIFY_PATH}?next=${encodeURIComponent(localNext(next))}`;
}

/** The page that asks for the code of one verification. */
export function verifyCodePath(id: string, next: string): string {
  return `${VERIFY_PATH}${id}?next=${encodeURIComponent(localNext(next))}`;
}
