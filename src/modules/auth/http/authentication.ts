import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newSecretToken } from '../../../platform/ids.ts';
import { ANON_CSRF_COOKIE, SESSION_COOKIE } from '../../../platform/http/context.ts';
import { anonymousCsrfToken, tokensMatch } from '../../../platform/http/csrf.ts';
import { isApiRequest } from '../../../platform/http/error-handler.ts';
import { formFields, field } from '../../../platform/http/forms.ts';
import '../../../platform/http/context.ts';
import type { OrgStore } from '../../orgs/ports.ts';
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

/**
 * Works out who is asking, for every request: a bearer token on the API, the session cookie
 * elsewhere, the public otherwise. Then checks the CSRF token of every form post.
 */
export function installAuthentication(app: FastifyInstance, deps: AuthDeps): void {
  app.decorateRequest('actor', undefined as never);
  app.decorateRequest('staffSession', undefined);
  app.decorateRequest('staffUser', undefined);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request, reply) => {
    request.actor = { kind: 'public', ip: request.ip };
    if (isApiRequest(request)) {
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
      return;
    }
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

  app.addHook('preHandler', async (request) => {
    if (request.method !== 'POST' || isApiRequest(request)) return;
    const given = field(formFields(request), '_csrf');
    const expected = request.staffSession
      ? request.staffSession.csrfToken
      : request.cookies[ANON_CSRF_COOKIE]
        ? anonymousCsrfToken(deps.secret, request.cookies[ANON_CSRF_COOKIE])
        : undefined;
    if (!expected || !tokensMatch(expected, given)) throw new DomainError('csrf_failed');
  });
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
