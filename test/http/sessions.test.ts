import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { FIXTURE_PASSWORD, seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, keepCookies, setCookieLine, signIn, signedIn, type CookieJar } from './http-kit.ts';

const CSRF_MESSAGE = '页面已过期或来源不明，请刷新页面后重试。';

/** The error message shown on the sign-in form. */
const alertOf = (html: string) => /class="error-summary" role="alert"><p>([^<]+)<\/p>/.exec(html)?.[1];

/** Sign-in, lockout, idle timeout and sign-out through the back office's HTML forms. */
describe.each(DIALECTS)('staff sign-in and sessions on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
      { role: 'editor', org: 'town' },
    ]);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = (url: string, cookies: CookieJar = {}) => server.inject({ method: 'GET', url, cookies });
  const userId = (username: string) => fixture.staff(username).userId;

  describe('the login form', () => {
    it('sets an HttpOnly gk_csrf cookie and renders the matching hidden _csrf field', async () => {
      const response = await get('/admin/login');
      expect(response.statusCode).toBe(200);
      const cookie = setCookieLine(response, 'gk_csrf');
      expect(cookie).toMatch(/^gk_csrf=[^;]{16,};/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const field = csrfFieldOf(response.body);
      expect(field.length).toBeGreaterThanOrEqual(32);
      // The form token is a signature of the cookie, not a copy of it.
      expect(field).not.toBe(keepCookies(response).gk_csrf);
      expect(response.body).toContain('name="username"');
      expect(response.body).toContain('name="password"');
    });

    it('signs in: 303 to /admin/, an HttpOnly gk_session cookie, the dashboard opens, and the audit log has it', async () => {
      const { response, jar } = await signIn(server, 'edu.editor');
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/admin/');
      const session = setCookieLine(response, 'gk_session');
      expect(session).toMatch(/^gk_session=[^;]{20,};/);
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(session).toMatch(/Path=\//);
      const dashboard = await get('/admin/', jar);
      expect(dashboard.statusCode).toBe(200);
      expect(dashboard.body).toContain('测试账号edu.editor');
      expect(await auditTrail(app, { entityId: userId('edu.editor'), action: 'auth.logged_in' })).not.toHaveLength(0);
    });

    it.each([
      { next: '/admin/documents?state=draft', location: '/admin/documents?state=draft' },
      { next: '//evil.example/phish', location: '/admin/' },
      { next: 'https://evil.example/', location: '/admin/' },
    ])('after sign-in follows next=$next only within the site', async ({ next, location }) => {
      const { response } = await signIn(server, 'edu.reviewer', { next });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(location);
    });

    it.each([
      { name: 'without _csrf', csrf: () => undefined, withCookie: true },
      { name: 'with a wrong _csrf', csrf: () => 'forged-token-forged-token-forged-token-00', withCookie: true },
      { name: 'with the right _csrf but without its cookie', csrf: (field: string) => field, withCookie: false },
    ])('refuses a sign-in $name with a 403 csrf_failed page and opens no session', async ({ csrf, withCookie }) => {
      const form = await get('/admin/login');
      const jar = keepCookies(form);
      const token = csrf(csrfFieldOf(form.body));
      const response = await server.inject({
        method: 'POST',
        url: '/admin/login',
        cookies: withCookie ? jar : {},
        payload: { ...(token ? { _csrf: token } : {}), username: 'civ.editor', password: FIXTURE_PASSWORD },
      });
      expect(response.statusCode).toBe(403);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain(CSRF_MESSAGE);
      expect(setCookieLine(response, 'gk_session')).toBeUndefined();
      expect(await auditTrail(app, { entityId: userId('civ.editor') })).not.toContain('auth.logged_in');
    });

    it('refuses a wrong password with 401, keeps the username typed, and records the failure', async () => {
      const { response } = await signIn(server, 'civ.reviewer', { password: 'wrong-password-1' });
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('用户名或密码错误');
      expect(response.body).toMatch(/name="username"[^>]*value="civ.reviewer"/);
      expect(setCookieLine(response, 'gk_session')).toBeUndefined();
      expect(await auditTrail(app, { entityId: userId('civ.reviewer') })).toContain('auth.login_failed');
    });

    it('answers an unknown username exactly like a wrong password', async () => {
      const { response } = await signIn(server, 'nobody.here', { password: 'wrong-password-1' });
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('用户名或密码错误');
    });
  });

  describe('lockout', () => {
    it('locks the account after 5 wrong passwords, refuses even the right one with the same 401, and reopens after 15 minutes', async () => {
      app.clock.set('2026-03-02T03:00:00Z');
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt++) {
        const { response } = await signIn(server, 'town.editor', { password: `wrong-password-${attempt}` });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401]);

      // Locked: the right password gets exactly the answer a wrong one or an unknown name gets.
      const sixth = await signIn(server, 'town.editor');
      const unknown = await signIn(server, 'no.such.user', { password: 'wrong-password-0' });
      expect(sixth.response.statusCode).toBe(401);
      expect(sixth.response.body).toContain('连续输错5次的账户将暂停登录15分钟');
      expect(alertOf(sixth.response.body)).toMatch(/用户名或密码错误/);
      expect(alertOf(sixth.response.body)).toBe(alertOf(unknown.response.body));
      expect(sixth.jar.gk_session).toBeUndefined();

      app.clock.advanceMinutes(14);
      const stillLocked = await signIn(server, 'town.editor');
      expect(stillLocked.response.statusCode).toBe(401);
      expect(stillLocked.jar.gk_session).toBeUndefined();

      app.clock.advanceMinutes(2);
      const reopened = await signIn(server, 'town.editor');
      expect(reopened.response.statusCode).toBe(303);
      expect((await get('/admin/', reopened.jar)).statusCode).toBe(200);

      const trail = await auditTrail(app, { entityId: userId('town.editor') });
      expect(trail.filter((action) => action.startsWith('auth.'))).toEqual([
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
        'auth.login_failed',
        'auth.account_locked',
        'auth.login_refused_locked',
        'auth.login_refused_locked',
        'auth.logged_in',
      ]);
    });
  });

  describe('sessions', () => {
    it.each([
      { url: '/admin/', next: '/admin/' },
      { url: '/admin/documents?state=draft', next: '/admin/documents?state=draft' },
      { url: '/admin/documents/new', next: '/admin/documents/new' },
      { url: '/admin/audit', next: '/admin/audit' },
    ])('sends a visitor without a session from $url to the login form with next', async ({ url, next }) => {
      const response = await get(url);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/admin/login?next=${encodeURIComponent(next)}`);
    });

    it('sends a back-office form post without a session to sign in, before its body is read', async () => {
      const response = await server.inject({
        method: 'POST',
        url: '/admin/documents',
        payload: { _csrf: 'anything', title: '未登录提交' },
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/admin/login?next=%2Fadmin%2Fdocuments');
    });

    it('refuses a signed-in form post with a wrong _csrf (403) and changes nothing', async () => {
      const jar = await signedIn(server, 'edu.editor');
      const response = await server.inject({
        method: 'POST',
        url: '/admin/documents',
        cookies: jar,
        payload: { _csrf: 'not-the-session-token', orgId: fixture.orgs.get('edu')!.id, title: '伪造请求' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain(CSRF_MESSAGE);
      expect((await get('/admin/documents', jar)).body).not.toContain('伪造请求');
    });

    it('keeps an active session alive and ends one left idle for more than 30 minutes', async () => {
      app.clock.set('2026-03-02T05:00:00Z');
      const jar = await signedIn(server, 'civ.editor');
      app.clock.advanceMinutes(29);
      expect((await get('/admin/', jar)).statusCode).toBe(200);
      // Activity counts from the last request, not from sign-in.
      app.clock.advanceMinutes(29);
      expect((await get('/admin/', jar)).statusCode).toBe(200);

      app.clock.advanceMinutes(31);
      const idle = await get('/admin/documents', jar);
      expect(idle.statusCode).toBe(303);
      expect(idle.headers.location).toBe(`/admin/login?next=${encodeURIComponent('/admin/documents')}`);
      expect(keepCookies(idle, { ...jar }).gk_session).toBeUndefined();
      // The session is gone on the server too: the same cookie does not come back to life.
      app.clock.advanceMinutes(-60);
      expect((await get('/admin/', jar)).statusCode).toBe(303);
    });

    it('ends the session on the server at logout: the old cookie no longer opens anything', async () => {
      app.clock.set('2026-03-02T08:00:00Z');
      const jar = await signedIn(server, 'civ.reviewer');
      const dashboard = await get('/admin/', jar);
      expect(dashboard.statusCode).toBe(200);
      const csrf = csrfFieldOf(dashboard.body);

      const logout = await server.inject({
        method: 'POST',
        url: '/admin/logout',
        cookies: jar,
        payload: { _csrf: csrf },
      });
      expect(logout.statusCode).toBe(303);
      expect(logout.headers.location).toBe('/admin/login');
      expect(keepCookies(logout, { ...jar }).gk_session).toBeUndefined();

      // A browser (or a thief) that kept the old cookie gets nowhere.
      const replay = await get('/admin/', jar);
      expect(replay.statusCode).toBe(303);
      expect(String(replay.headers.location)).toMatch(/^\/admin\/login/);
      const after = await get('/admin/login', keepCookies(logout, { ...jar }));
      expect(after.body).toContain('您已安全退出');
      expect(await auditTrail(app, { entityId: userId('civ.reviewer') })).toContain('auth.logged_out');
    });

    it('refuses a logout posted without the session’s _csrf and keeps the session', async () => {
      const jar = await signedIn(server, 'edu.reviewer');
      const response = await server.inject({ method: 'POST', url: '/admin/logout', cookies: jar, payload: {} });
      expect(response.statusCode).toBe(403);
      expect((await get('/admin/', jar)).statusCode).toBe(200);
    });
  });

  describe('audit', () => {
    it('records every state change made through the forms, with the person and their address', async () => {
      app.clock.set('2026-03-02T09:00:00Z');
      const editorJar = await signedIn(server, 'edu.editor');
      const form = await get('/admin/documents/new', editorJar);
      const created = await server.inject({
        method: 'POST',
        url: '/admin/documents',
        cookies: editorJar,
        payload: {
          _csrf: csrfFieldOf(form.body),
          orgId: fixture.orgs.get('edu')!.id,
          title: '经表单发布的通知',
          docNumber: '测教发(2026)20号',
          topic: '科技、教育',
          genre: '通知',
          bodyHtml: '各学校：请按时报送材料。',
        },
      });
      expect(created.statusCode).toBe(303);
      const documentId = /([0-9a-z]{16})$/.exec(String(created.headers.location))![1]!;
      const [edition] = await app.stores.documents.editionsOf(documentId);
      const page = await get(`/admin/documents/${documentId}`, editorJar);
      const submitted = await server.inject({
        method: 'POST',
        url: `/admin/editions/${edition!.id}/submit`,
        cookies: editorJar,
        payload: { _csrf: csrfFieldOf(page.body) },
      });
      expect(submitted.statusCode).toBe(303);

      const reviewerJar = await signedIn(server, 'edu.reviewer');
      const reviewPage = await get(`/admin/documents/${documentId}`, reviewerJar);
      const published = await server.inject({
        method: 'POST',
        url: `/admin/editions/${edition!.id}/publish`,
        cookies: reviewerJar,
        payload: { _csrf: csrfFieldOf(reviewPage.body) },
      });
      expect(published.statusCode).toBe(303);
      expect((await get(`/xxgk/doc/${documentId}`)).body).toContain('测教发〔2026〕20号');

      expect(await auditTrail(app, { entityId: documentId })).toEqual([
        'document.draft_created',
        'document.submitted',
        'document.published',
      ]);
      const { items } = await app.stores.audit.find(
        { entityId: documentId, action: 'document.published' },
        { offset: 0, limit: 1 },
      );
      expect(items[0]).toMatchObject({ actorId: userId('edu.reviewer'), ip: '127.0.0.1' });
      expect(items[0]!.actorName).toContain('edu.reviewer');

      const { items: recent } = await app.stores.audit.find({}, { offset: 0, limit: 100 });
      const actions = new Set(recent.map((entry) => entry.action));
      for (const action of [
        'auth.logged_in',
        'auth.logged_out',
        'auth.account_locked',
        'auth.login_failed',
        'document.published',
      ]) {
        expect(actions, action).toContain(action);
      }
    });
  });
});
