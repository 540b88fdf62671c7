import type { FastifyReply } from 'fastify';

/** Anything the JSX renderer produces. */
export type Renderable = { toString(): string | Promise<string> };

/** Sends a server-rendered page. */
export async function sendPage(reply: FastifyReply, page: Renderable, status = 200): Promise<FastifyReply> {
  const html = await page.toString();
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${html}`);
}

/** Redirects after a successful form post (303, so a reload does not post again). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.redirect(location, 303);
}

/**
 * Only same-site paths are followed after sign-in, never another host. Control characters are
 * refused, and characters beyond ASCII are percent-encoded as browsers do, because a Location header
 * may hold neither.
 */
export function safeNext(next: unknown, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  if (typeof next !== 'string' || !/^\/(?!\/)[^\s\\\u0000-\u001f\u007f]*$/.test(next)) return fallback;
  try {
    return next.replace(/[^\x20-\x7e]+/g, (run) => encodeURIComponent(run));
  } catch {
    // A lone surrogate cannot be encoded.
    return fallback;
  }
}
