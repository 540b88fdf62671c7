import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTokenUsable } from '../../src/modules/auth/domain/user.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { FIXTURE_PASSWORD, seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, keepCookies, signIn, signedIn, tokenFor, type CookieJar } from '../http/http-kit.ts';

/**
 * The life of staff access: API tokens that expire, are listed and revoked, and end together with
 * every session when a password changes, an account is disabled or a role is taken away; and
 * sign-in failures limited per client address.
 */
describe.each(DIALECTS)('access lifecycle on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z', env: { GONGKAI_TOKEN_DAYS: '7' } });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
      { role: 'editor', org: 'town' },
      { role: 'unit_admin', org: 'edu' },
      { role: 'district_admin', org: 'dist' },
    ]);
    await markAsDemo(app);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const userId = (username: string) => fixture.staff(username).userId;
  const apiStatus = async (token: string) =>
    (
      await server.inject({
        method: 'GET',
        url: '/api/v1/staff/documents',
        headers: { authorization: `Bearer ${token}` },
      })
    ).statusCode;
  const page = (url: string, cookies: CookieJar) => server.inject({ method: 'GET', url, cookies });
  const post = async (url: string, cookies: CookieJar, fields: Record<string, string> = {}, from = '/admin/account') =>
    server.inject({
      method: 'POST',
      url,
      cookies,
      payload: { _csrf: csrfFieldOf((await page(from, cookies)).body), ...fields },
    });

  it('issues a token on the account page that works for the configured 7 days, lists it and revokes it', async () => {
    const jar = await signedIn(server, 'edu.editor');
    const created = await post('/admin/account/tokens', jar, { name: '数据对接' });
    expect(created.statusCode).toBe(200);
    const token = /<code class="token">(gk_[^<]+)<\/code>/.exec(created.body)![1]!;
    expect(await apiStatus(token)).toBe(200);

    const listed = await page('/admin/account', jar);
    expect(listed.body).toContain('数据对接');
    expect(listed.body).toContain('2026-03-09 10:00'); // issued 2026-03-02 10:00 China time, 7 days
    expect(listed.body).toContain('有效');

    const id = /action="\/admin\/account\/tokens\/([0-9a-z]{16})\/revoke"/.exec(listed.body)![1]!;
    const revoked = await post(`/admin/account/tokens/${id}/revoke`, jar);
    expect(revoked.statusCode).toBe(303);
    expect(await apiStatus(token)).toBe(401);
    expect((await page('/admin/account', jar)).body).toContain('已撤销');
    expect(await auditTrail(app, { entityId: id })).toEqual(['user.token_created', 'user.token_revoked']);
  });

  it('expires a token after its lifetime', async () => {
    const token = await tokenFor(app, 'civ.reviewer');
    expect(await apiStatus(token)).toBe(200);
    const now = app.clock.now();
    app.clock.set(new Date(now.getTime() + 91 * 86_400_000));
    try {
      expect(await apiStatus(token)).toBe(401);
    } finally {
      app.clock.set(now);
    }
  });

  it('does not let one user revoke another user’s token from their account page', async () => {
    const token = await tokenFor(app, 'civ.editor');
    const [other] = await app.stores.tokens.listForUser(userId('civ.editor'));
    const jar = await signedIn(server, 'edu.reviewer');
    const response = await post(`/admin/account/tokens/${other!.id}/revoke`, jar);
    expect(response.statusCode).toBe(404);
    expect(await apiStatus(token)).toBe(200);
  });

  it.each([
    {
      event: 'a password reset by a manager',
      username: 'edu.reviewer',
      act: async (manager: CookieJar, id: string) =>
        post(`/admin/users/${id}/password`, manager, { newPassword: 'reset-password-2026' }, `/admin/users/${id}`),
      reason: 'password_reset',
    },
    {
      event: 'disabling the account',
      username: 'civ.reviewer',
      act: async (manager: CookieJar, id: string) =>
        post(`/admin/users/${id}/disable`, manager, {}, `/admin/users/${id}`),
      reason: 'account_disabled',
    },
    {
      event: 'taking a role away',
      username: 'town.editor',
      act: async (manager: CookieJar, id: string) => {
        const [grant] = await app.stores.users.grantsOf(id);
        return post(`/admin/users/${id}/grants/${grant!.id}/revoke`, manager, {}, `/admin/users/${id}`);
      },
      reason: 'role_removed',
    },
  ])('ends every session and token of the user on $event, each in the audit log', async ({ username, act, reason }) => {
    const id = userId(username);
    const tokens = [await tokenFor(app, username), await tokenFor(app, username)];
    const session = await signedIn(server, username);
    expect((await page('/admin/', session)).statusCode).toBe(200);

    const usable = (await app.stores.tokens.listForUser(id)).filter((t) => isTokenUsable(t, app.clock.now()));
    expect(usable.length).toBeGreaterThanOrEqual(2);
    const manager = await signedIn(server, 'dist.district_admin');
    const response = await act(manager, id);
    expect(response.statusCode).toBe(303);

    for (const token of tokens) expect(await apiStatus(token)).toBe(401);
    const after = await page('/admin/', session);
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/admin\/login/);
    const revocations = await app.stores.audit.find({ action: 'user.token_revoked' }, { offset: 0, limit: 100 });
    const mine = revocations.items.filter(
      (entry) =>
        (entry.before as { userId?: string } | null)?.userId === id &&
        (entry.after as { reason?: string }).reason === reason,
    );
    expect(mine.map((entry) => entry.entityId).sort()).toEqual(usable.map((t) => t.id).sort());
  });

  it('refuses a disabled account’s sign-in as any failure, and lets it in again once enabled', async () => {
    const id = userId('civ.reviewer');
    expect((await app.stores.users.getById(id))!.isActive).toBe(false);
    const refused = await signIn(server, 'civ.reviewer');
    expect(refused.response.statusCode).toBe(401);
    const manager = await signedIn(server, 'dist.district_admin');
    expect((await post(`/admin/users/${id}/enable`, manager, {}, `/admin/users/${id}`)).statusCode).toBe(303);
    expect((await signIn(server, 'civ.reviewer')).response.statusCode).toBe(303);
    expect(await auditTrail(app, { entityId: id, action: 'user.disabled' })).toEqual(['user.disabled']);
    expect(await auditTrail(app, { entityId: id, action: 'user.enabled' })).toEqual(['user.enabled']);
  });

  it('does not let a manager disable their own account', async () => {
    const manager = await signedIn(server, 'dist.district_admin');
    const own = userId('dist.district_admin');
    const response = await post(`/admin/users/${own}/disable`, manager, {}, `/admin/users/${own}`);
    expect(response.statusCode).toBe(403);
    expect((await app.stores.users.getById(own))!.isActive).toBe(true);
  });

  it('makes one client address wait after 20 failed sign-ins, whatever the usernames, and no other address', async () => {
    const attacker = '203.0.113.7';
    const attempt = async (username: string, password: string, remoteAddress: string) => {
      const form = await server.inject({ method: 'GET', url: '/admin/login', remoteAddress });
      const jar = keepCookies(form);
      return server.inject({
        method: 'POST',
        url: '/admin/login',
        remoteAddress,
        cookies: jar,
        payload: { _csrf: csrfFieldOf(form.body), username, password, next: '/admin/' },
      });
    };
    app.clock.set('2026-03-03T02:00:00Z');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await attempt(`guess.${i}`, 'wrong-password-1', attacker)).statusCode);
    expect(new Set(statuses)).toEqual(new Set([401]));

    const blocked = await attempt('edu.unit_admin', FIXTURE_PASSWORD, attacker);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('本网络地址登录失败次数过多');
    expect((await attempt('edu.unit_admin', FIXTURE_PASSWORD, '198.51.100.20')).statusCode).toBe(303);
    expect(await auditTrail(app, { action: 'auth.login_refused_throttled' })).toHaveLength(1);

    app.clock.advanceMinutes(16);
    expect((await attempt('edu.unit_admin', FIXTURE_PASSWORD, attacker)).statusCode).toBe(303);
  });
});
