import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { AuthWebDeps } from './deps.ts';
import { isDomainError } from '../../../platform/errors.ts';
import { SESSION_COOKIE } from './request-session.ts';
import { setFlash } from '../../../platform/http/flash.ts';
import { field, formFields } from '../../../platform/http/forms.ts';
import { safeNext, seeOther } from '../../../platform/http/render.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sendAdminPage } from '../../../platform/web/page-shell.tsx';
import { logIn } from '../commands/log-in.ts';
import { logOut } from '../commands/log-out.ts';
import { verifySecondFactor } from '../commands/verify-second-factor.ts';
import { AUTH_TEXT } from '../strings.ts';
import { LoginForm, SecondFactorForm } from '../views/login-page.tsx';
import { anonymousFormToken, setSessionCookie } from './authentication.ts';

/** Where to go after sign-in; anything odd is ignored rather than refused. */
const LoginQuery = z.object({ next: z.string().max(2048).optional().catch(undefined) });

/** Sign-in (password, then the second factor when enabled) and sign-out. */
export function registerLoginRoutes(app: FastifyInstance, ctx: AuthWebDeps): void {
  const cookieDeps = { secret: ctx.secret, secureCookies: ctx.config.secureCookies };

  app.get('/admin/login', async (request, reply) => {
    if (request.actor.kind === 'staff') return seeOther(reply, '/admin/');
    const query = parseInput(LoginQuery, request.query);
    const token = anonymousFormToken(request, reply, cookieDeps);
    return sendAdminPage(ctx, request, reply, {
      title: AUTH_TEXT.loginTitle,
      body: <LoginForm csrfToken={token} next={safeNext(query.next, '/admin/')} />,
    });
  });

  app.post('/admin/login', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const fields = formFields(request);
    const username = field(fields, 'username');
    const next = safeNext(field(fields, 'next'), '/admin/');
    try {
      const result = await logIn({
        uow: ctx.uow,
        clock: ctx.clock,
        hasher: ctx.hasher,
        username,
        password: field(fields, 'password'),
        ip: request.ip,
      });
      setSessionCookie(reply, result.sessionToken, ctx.config.secureCookies);
      return seeOther(reply, result.totpRequired ? '/admin/login/2fa' : next);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const token = anonymousFormToken(request, reply, cookieDeps);
      return sendAdminPage(
        ctx,
        request,
        reply,
        {
          title: AUTH_TEXT.loginTitle,
          body: <LoginForm csrfToken={token} next={next} username={username} error={error.message} />,
        },
        error.status,
      );
    }
  });

  app.get('/admin/login/2fa', async (request, reply) => {
    if (!request.staffSession?.totpPending) return seeOther(reply, '/admin/login');
    return sendAdminPage(ctx, request, reply, {
      title: AUTH_TEXT.secondFactorTitle,
      body: <SecondFactorForm csrfToken={request.csrfToken} />,
    });
  });

  app.post(
    '/admin/login/2fa',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const session = request.staffSession;
      if (!session?.totpPending) return seeOther(reply, '/admin/login');
      try {
        await verifySecondFactor({
          uow: ctx.uow,
          clock: ctx.clock,
          sessionId: session.id,
          code: field(formFields(request), 'code'),
          ip: request.ip,
        });
        return seeOther(reply, '/admin/');
      } catch (error) {
        if (!isDomainError(error)) throw error;
        if (error.code === 'account_locked' || error.code === 'unauthenticated') {
          void reply.clearCookie(SESSION_COOKIE, { path: '/' });
          const token = anonymousFormToken(request, reply, cookieDeps);
          return sendAdminPage(
            ctx,
            request,
            reply,
            { title: AUTH_TEXT.loginTitle, body: <LoginForm csrfToken={token} next="/admin/" error={error.message} /> },
            error.status,
          );
        }
        return sendAdminPage(
          ctx,
          request,
          reply,
          {
            title: AUTH_TEXT.secondFactorTitle,
            body: <SecondFactorForm csrfToken={request.csrfToken} error={error.message} />,
          },
          error.status,
        );
      }
    },
  );

  app.post('/admin/logout', async (request, reply) => {
    if (request.staffSession) {
      await logOut({ uow: ctx.uow, clock: ctx.clock, actor: request.actor, sessionId: request.staffSession.id });
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    setFlash(reply, { kind: 'success', text: AUTH_TEXT.loggedOut });
    return seeOther(reply, '/admin/login');
  });
}
