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

/** Only same-site paths are followed after sign-in, never another host. */
export function safeNext(next: unknown, fallback: string): string {
  return typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : fallback;
}

/** The site's public origin: the configured one, or the one this request came to. */
export function publicOrigin(request: { protocol: string; host: string }, configured: string | undefined): string {
  return configured ?? `${request.protocol}://${request.host}`;
}
