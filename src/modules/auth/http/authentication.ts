import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_TEXT } from '../strings.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newSecretToken } from '../../../platform/ids.ts';
import { ANON_CSRF_COOKIE, SESSION_COOKIE } from './request-session.ts';
import { anonymousCsrfToken, tokensMatch } from '../../../platform/http/csrf.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { ApiTokenStore, SessionStore, UserStore } from '../ports.ts';
import { resolveSession } from '../queries/resolve-session.ts';
import { resolveApiToken } from '../queries/resolve-token.ts';

type AuthDeps = {
  stores: { sessions: SessionStore; users: UserStore; orgs: OrgStore; tokens: ApiTokenStore };
  clock: Clock;
  secret: string;
  idleMinutes: number;
  secureCookies: boolean;
};

/** Methods that change nothing; every other one needs a CSRF token on the site. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who is asking, before any route group has looked: the public. Registered once, at the root. */
export function installActor(app: FastifyInstance): void {
  app.decorateRequest('actor', undefined as never);
  app.decorateRequest('staffSession', undefined);
  app.decorateRequest('staffUser', undefined);
  app.decorateRequest('csrfToken', '');
  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'public', ip: request.ip };
  });
}

/**
 * The API's way of knowing who asks: a bearer token, and nothing else. A session cookie is never
 * looked at here, so a page a member of staff has open elsewhere cannot make the browser call the
 * API on their behalf (no CSRF on the API). Runs before the body is read.
 * @throws DomainError `invalid_token` for a malformed, unknown, revoked or expired token.
 */
export function installBearerAuthentication(api: FastifyInstance, deps: AuthDeps): void {
  api.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new DomainError('invalid_token');
      request.actor = await resolveApiToken({
        stores: deps.stores,
        clock: deps.clock,
        token: match[1]!,
        ip: request.ip,
      });
    }
    request.uploadGate = () => {
      if (request.actor.kind !== 'staff') throw new DomainError('unauthenticated');
    };
  });
}

/**
 * Requires a valid bearer token on one API route, before its body is read.
 * @throws DomainError `unauthenticated`.
 */
export async function requireToken(request: FastifyRequest): Promise<void> {
  if (request.actor.kind !== 'staff') {
    throw new DomainError('unauthenticated', { message: AUTH_TEXT.bearerRequired });
  }
}

/**
 * The site's way of knowing who asks: the session cookie. Then every form post must carry the
 * page's CSRF token; for a multipart form it is checked before the first byte of a file is written.
 */
export function installSessionAuthentication(site: FastifyInstance, deps: AuthDeps): void {
  site.addHook('onRequest', async (request, reply) => {
    request.uploadGate = (fields) => checkCsrf(request, fields, deps.secret);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession({
      stores: deps.stores,
      clock: deps.clock,
      token,
      idleMinutes: deps.idleMinutes,
      ip: request.ip,
    });
    switch (resolved.status) {
      case 'active':
        request.actor = resolved.actor;
        request.staffSession = resolved.session;
        request.staffUser = resolved.user;
        request.csrfToken = resolved.session.csrfToken;
        break;
      case 'second_factor_pending':
        request.staffSession = resolved.session;
        request.staffUser = resolved.user;
        request.csrfToken = resolved.session.csrfToken;
        break;
      case 'expired':
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        break;
      case 'none':
        break;
      default: {
        const unreachable: never = resolved;
        return unreachable;
      }
    }
  });

  site.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    checkCsrf(request, formFields(request), deps.secret);
  });
}

/**
 * The form's `_csrf` against the session's token, or before sign-in against the signed cookie.
 * @throws DomainError `csrf_failed`.
 */
function checkCsrf(request: FastifyRequest, fields: Record<string, string | string[]>, secret: string): void {
  const given = field(fields, '_csrf');
  const expected = request.staffSession
    ? request.staffSession.csrfToken
    : request.cookies[ANON_CSRF_COOKIE]
      ? anonymousCsrfToken(secret, request.cookies[ANON_CSRF_COOKIE])
      : undefined;
  if (!expected || !tokensMatch(expected, given)) throw new DomainError('csrf_failed');
}

/**
 * The CSRF token for a form on a page seen before sign-in: sets the random cookie when the
 * browser has none and returns the matching signed token.
 */
export function anonymousFormToken(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { secret: string; secureCookies: boolean },
): string {
  if (request.staffSession) return request.staffSession.csrfToken;
  let value = request.cookies[ANON_CSRF_COOKIE];
  if (!value) {
    value = newSecretToken(24);
    void reply.setCookie(ANON_CSRF_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies,
    });
  }
  return anonymousCsrfToken(deps.secret, value);
}

/** Sets the session cookie after sign-in. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
