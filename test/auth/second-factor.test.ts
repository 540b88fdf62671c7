import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginTotpEnrolment, confirmTotpEnrolment } from '../../src/modules/auth/commands/manage-totp.ts';
import { totpCode, totpStep } from '../../src/modules/auth/domain/totp.ts';
import { SETTING_KEYS } from '../../src/modules/site/domain/site-settings.ts';
import type { FastifyInstance } from 'fastify';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { FIXTURE_PASSWORD, seedFixture, type Fixture } from '../fixtures.ts';

/** Cookies a browser would keep, from a response's set-cookie headers. */
function cookiesFrom(headers: Record<string, unknown>, jar: Record<string, string> = {}): Record<string, string> {
  const raw = headers['set-cookie'];
  for (const line of Array.isArray(raw) ? raw : raw ? [raw] : []) {
    const [pair] = String(line).split(';');
    const [name, ...rest] = pair!.split('=');
    jar[name!.trim()] = rest.join('=');
  }
  return jar;
}

describe.each(DIALECTS)('two-factor sign-in on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'system_admin', org: 'dist' },
    ]);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server.close();
    await app.cleanup();
  });

  /** Signs in through the form and returns the cookie jar and where the server sent the browser. */
  async function signIn(username: string): Promise<{ jar: Record<string, string>; location: string }> {
    const form = await server.inject({ method: 'GET', url: '/admin/login' });
    const jar = cookiesFrom(form.headers);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const response = await server.inject({
      method: 'POST',
      url: '/admin/login',
      cookies: jar,
      payload: { _csrf: csrf, username, password: FIXTURE_PASSWORD, next: '/admin/' },
    });
    expect(response.statusCode).toBe(303);
    return { jar: cookiesFrom(response.headers, jar), location: String(response.headers.location) };
  }

  async function csrfOf(jar: Record<string, string>, url: string): Promise<string> {
    const page = await server.inject({ method: 'GET', url, cookies: jar });
    return /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  }

  it('asks for the code after the password once a user has enabled it, and refuses a wrong or replayed code', async () => {
    const editor = fixture.staff('edu.editor');
    const secret = await beginTotpEnrolment({ uow: app.uow, actor: editor });
    await confirmTotpEnrolment({
      uow: app.uow,
      clock: app.clock,
      actor: editor,
      code: totpCode(secret, totpStep(app.clock.now())),
    });

    app.clock.advanceMinutes(2);
    const { jar, location } = await signIn('edu.editor');
    expect(location).toBe('/admin/login/2fa');
    // Password accepted, second factor owed: the back office stays closed.
    expect((await server.inject({ method: 'GET', url: '/admin/documents', cookies: jar })).headers.location).toBe(
      '/admin/login/2fa',
    );

    const csrf = await csrfOf(jar, '/admin/login/2fa');
    const wrong = await server.inject({
      method: 'POST',
      url: '/admin/login/2fa',
      cookies: jar,
      payload: { _csrf: csrf, code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('动态验证码错误');

    const code = totpCode(secret, totpStep(app.clock.now()));
    const right = await server.inject({
      method: 'POST',
      url: '/admin/login/2fa',
      cookies: jar,
      payload: { _csrf: csrf, code },
    });
    expect(right.statusCode).toBe(303);
    expect((await server.inject({ method: 'GET', url: '/admin/documents', cookies: jar })).statusCode).toBe(200);

    // The same code cannot open a second session.
    const again = await signIn('edu.editor');
    const csrf2 = await csrfOf(again.jar, '/admin/login/2fa');
    const replay = await server.inject({
      method: 'POST',
      url: '/admin/login/2fa',
      cookies: again.jar,
      payload: { _csrf: csrf2, code },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('makes a system administrator enrol before anything else outside the demo', async () => {
    app.siteSettings.forget();
    const { jar } = await signIn('dist.system_admin');
    const dashboard = await server.inject({ method: 'GET', url: '/admin/', cookies: jar });
    expect(dashboard.statusCode).toBe(303);
    expect(dashboard.headers.location).toBe('/admin/account/2fa');
    const enrolment = await server.inject({ method: 'GET', url: '/admin/account/2fa', cookies: jar });
    expect(enrolment.statusCode).toBe(200);
    expect(enrolment.body).toContain('启用双因素认证');
  });

  it('lets demo administrators in without it', async () => {
    await app.stores.settings.set(SETTING_KEYS.isDemo, 'true', app.clock.now());
    app.siteSettings.forget();
    const { jar } = await signIn('dist.system_admin');
    expect((await server.inject({ method: 'GET', url: '/admin/', cookies: jar })).statusCode).toBe(200);
    await app.stores.settings.set(SETTING_KEYS.isDemo, 'false', app.clock.now());
    app.siteSettings.forget();
  });
});
