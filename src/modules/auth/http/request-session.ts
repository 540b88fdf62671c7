import type { Session, User } from '../domain/user.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The server-side session behind the cookie, when there is one. */
    staffSession: Session | undefined;
    /** The signed-in user (also while the second factor is pending). */
    staffUser: User | undefined;
    /** The token forms on this page must carry. */
    csrfToken: string;
  }
}

export const SESSION_COOKIE = 'gk_session';
export const ANON_CSRF_COOKIE = 'gk_csrf';
