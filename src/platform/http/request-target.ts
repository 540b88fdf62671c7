/**
 * One spelling per path. The router matches the percent-decoded path, so anything a guard or a
 * log reads must be that same decoded path, or `/%61dmin/` is not `/admin/` to the guard while it is
 * to the router. Every request target is brought to one canonical form here, before routing, and
 * what does not normalise is refused (RFC 3986 §6.2.2: case and percent-encoding normalisation;
 * §5.2.4: dot segments, which a server must not resolve silently for a guard's sake).
 */

/** Why a request target was refused. */
export type TargetRejection =
  | 'not_origin_form'
  | 'bad_escape'
  | 'encoded_separator'
  | 'dot_segment'
  | 'empty_segment'
  | 'path_parameter'
  | 'control_character'
  | 'too_long';

export type NormalisedTarget =
  | { kind: 'ok'; url: string }
  | {
      kind: 'rejected';
      reason: TargetRejection;
      /** Whether the target looks like an API call, so the refusal can be answered as JSON. */
      api: boolean;
    };

/** Longest path accepted, in characters as sent. */
export const MAX_PATH_LENGTH = 2048;
/** Longest single path segment accepted (ids and slugs are far shorter). */
export const MAX_SEGMENT_LENGTH = 200;

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * The canonical form of a request target (`/path?query`): escapes of unreserved characters decoded,
 * other escapes in upper case, the query left as sent; or why it was refused.
 */
export function normaliseRequestTarget(raw: string): NormalisedTarget {
  const queryAt = raw.indexOf('?');
  const path = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const query = queryAt < 0 ? '' : raw.slice(queryAt);
  const reject = (reason: TargetRejection): NormalisedTarget => ({ kind: 'rejected', reason, api: looksLikeApi(path) });

  if (!path.startsWith('/')) return reject('not_origin_form');
  if (path.length > MAX_PATH_LENGTH) return reject('too_long');

  let canonical = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i]!;
    if (char === '%') {
      const hex = path.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return reject('bad_escape');
      const code = parseInt(hex, 16);
      const decoded = String.fromCharCode(code);
      if (code < 0x20 || code === 0x7f) return reject('control_character');
      if (decoded === '/' || decoded === '\\') return reject('encoded_separator');
      if (decoded === ';') return reject('path_parameter');
      canonical += code < 0x80 && UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
      i += 2;
      continue;
    }
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return reject('control_character');
    if (char === '\\') return reject('encoded_separator');
    if (char === ';') return reject('path_parameter');
    canonical += char;
  }

  // The escapes left must spell UTF-8, or the router could not decode them (%FF).
  try {
    decodeURIComponent(canonical);
  } catch {
    return reject('bad_escape');
  }

  const segments = canonical.split('/').slice(1);
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s]!;
    if (segment === '.' || segment === '..') return reject('dot_segment');
    // A trailing slash is a real address (/admin/); an empty segment anywhere else is not.
    if (segment === '' && s < segments.length - 1) return reject('empty_segment');
    if (segment.length > MAX_SEGMENT_LENGTH) return reject('too_long');
  }
  return { kind: 'ok', url: canonical + query };
}

function looksLikeApi(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  // Paths are case-sensitive, as the router is: /API/ is not the API.
  return /^\/+api([/;]|$)/.test(decoded.replace(/\\/g, '/'));
}
