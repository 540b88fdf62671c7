import '@fastify/cookie';
import type { Actor } from '../../modules/access/domain/actor.ts';
import type { Session, User } from '../../modules/auth/domain/user.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: the public, a signed-in member of staff, or an API token's owner. */
    actor: Actor;
    /** The server-side session behind the cookie, when there is one. */
    staffSession: Session | undefined;
    /** The signed-in user (also while the second factor is pending). */
    staffUser: User | undefined;
    /** The token forms on this page must carry. */
    csrfToken: string;
    /** 适老化: large type and high contrast, remembered in a cookie. */
    elderMode: boolean;
  }
}

export const SESSION_COOKIE = 'gk_session';
export const ANON_CSRF_COOKIE = 'gk_csrf';
export const ELDER_COOKIE = 'gk_elder';
export const FLASH_COOKIE = 'gk_flash';
