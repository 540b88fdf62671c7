import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../src/demo/files.ts';
import { MAX_BODY_CHARACTERS } from '../../src/modules/documents/domain/metadata.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { FIXTURE_PASSWORD, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { apiError, csrfFieldOf, HAN, multipart, signIn, signedIn, tokenFor, type CookieJar } from '../http/http-kit.ts';

/**
 * The findings of an outside probe of the running demo, one test each: what an attacker or a careless
 * user did, and what must happen instead.
 */
describe.each(DIALECTS)('probe findings on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let token: string;
  let eduId: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'district_admin', org: 'dist' },
      { role: 'editor', org: 'civ' },
    ]);
    token = await tokenFor(app, 'edu.editor');
    eduId = fixture.orgs.get('edu')!.id;
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const bearer = (value = token) => ({ authorization: `Bearer ${value}` });
  async function draft(title = '关于探测测试的通知'): Promise<{ editionId: string; documentId: string }> {
    const response = await server.inject({
      method: 'POST',
      url: '/api/v1/staff/documents',
      headers: bearer(),
      payload: { ...sampleContent({ title }), orgId: eduId },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }
  const isBackOffice = (response: LightMyRequestResponse) =>
    response.statusCode === 200 && /后台|退出登录|admin-layout/.test(response.body);

  describe('1. percent-encoded paths', () => {
    it.each([
      '/%61dmin/documents',
      '/%61dmin/',
      '/%61dmin/users',
      '/%61dmin/orgs',
      '/%61dmin/catalogs',
      '/%61dmin/audit',
    ])('GET %s without a session shows no back office', async (url) => {
      const response = await server.inject({ method: 'GET', url });
      expect(isBackOffice(response), `${url} → ${response.statusCode}`).toBe(false);
      expect(response.statusCode).not.toBe(200);
    });

    it('PATCH and DELETE /%61pi/v1/staff/editions/… with only a session cookie change nothing', async () => {
      const created = await draft('只带会话的接口调用不得生效');
      const jar = await signedIn(server, 'edu.editor');
      const patch = await server.inject({
        method: 'PATCH',
        url: `/%61pi/v1/staff/editions/${created.editionId}`,
        cookies: jar,
        payload: { title: '被篡改的标题' },
      });
      expect(patch.statusCode).toBe(401);
      expect(apiError(patch).code).toBe('unauthenticated');
      const remove = await server.inject({
        method: 'DELETE',
        url: `/%61pi/v1/staff/editions/${created.editionId}`,
        cookies: jar,
      });
      expect(remove.statusCode).toBe(401);
      const edition = await app.stores.documents.getEdition(created.editionId);
      expect(edition?.content.title).toBe('只带会话的接口调用不得生效');
    });

    it('an administrator who owes two-factor enrolment reaches neither users, audit nor tokens by /%61dmin/', async () => {
      const jar = await signedIn(server, 'dist.district_admin');
      for (const url of ['/%61dmin/users', '/%61dmin/audit']) {
        const response = await server.inject({ method: 'GET', url, cookies: jar });
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location).toBe('/admin/account/2fa');
      }
      const enrol = await server.inject({ method: 'GET', url: '/admin/account/2fa', cookies: jar });
      const before = await app.stores.tokens.listForUser(fixture.staff('dist.district_admin').userId);
      const create = await server.inject({
        method: 'POST',
        url: '/%61dmin/account/tokens',
        cookies: jar,
        payload: { _csrf: csrfFieldOf(enrol.body), name: '绕过' },
      });
      expect(create.statusCode).toBe(303);
      expect(create.body).not.toContain('gk_');
      expect(await app.stores.tokens.listForUser(fixture.staff('dist.district_admin').userId)).toHaveLength(
        before.length,
      );
    });
  });

  describe('2. the HTML sanitiser', () => {
    it('keeps /healthz answering within 200 ms while a body built to be slow for the sanitiser is refused', async () => {
      // Each round is a short pause and a health check; a blocked event loop stretches the round it falls in.
      const rounds: number[] = [];
      let done = false;
      const poller = (async () => {
        let last = performance.now();
        while (!done) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          const health = await server.inject({ method: 'GET', url: '/healthz' });
          expect(health.statusCode).toBe(200);
          const now = performance.now();
          rounds.push(now - last);
          last = now;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 30));
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/staff/documents',
        headers: bearer(),
        payload: { ...sampleContent(), orgId: eduId, bodyHtml: '<b>'.repeat(MAX_BODY_CHARACTERS / 3) },
      });
      done = true;
      await poller;
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      // 500,000 characters: the longest body a document may have, refused by the sanitiser's limits.
      expect(apiError(response).code).toBe('rich_text_too_complex');
      expect(rounds.length).toBeGreaterThan(1);
      expect(Math.max(...rounds)).toBeLessThan(200);
    }, 120_000);
  });

  describe('3. deeply nested JSON', () => {
    it.each(['/api/v1/staff/documents', '/admin/login'])(
      'POST %s with 5,000 levels is a 4xx, not a 500',
      async (url) => {
        const response = await server.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', ...(url.startsWith('/api') ? bearer() : {}) },
          payload: `${'['.repeat(5000)}1${']'.repeat(5000)}`,
        });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.body).toMatch(HAN);
      },
    );
  });

  describe('4. anonymous uploads', () => {
    it('refuses a multipart sign-in with 415 before reading it', async () => {
      const form = await server.inject({ method: 'GET', url: '/admin/login' });
      const body = multipart({ _csrf: csrfFieldOf(form.body), username: 'x', password: 'y' }, [
        { field: 'file', fileName: 'big.pdf', bytes: makePdf('x') },
      ]);
      const response = await server.inject({ method: 'POST', url: '/admin/login', ...body });
      expect(response.statusCode).toBe(415);
      expect(response.body).toMatch(HAN);
    });

    it('sends an anonymous upload to an attachment route to sign-in without storing a byte', async () => {
      const created = await draft('匿名上传');
      const body = multipart({}, [{ field: 'file', fileName: 'a.pdf', bytes: makePdf('anonymous') }]);
      const response = await server.inject({
        method: 'POST',
        url: `/admin/editions/${created.editionId}/attachments`,
        ...body,
      });
      expect(response.statusCode).toBe(303);
      expect(await app.stores.documents.attachmentsOf(created.editionId)).toHaveLength(0);
    });
  });

  describe('5. API tokens', () => {
    it('ends a token when its owner changes the password', async () => {
      const own = await tokenFor(app, 'civ.editor');
      expect(
        (await server.inject({ method: 'GET', url: '/api/v1/staff/documents', headers: bearer(own) })).statusCode,
      ).toBe(200);
      const jar: CookieJar = await signedIn(server, 'civ.editor');
      const page = await server.inject({ method: 'GET', url: '/admin/account', cookies: jar });
      const changed = await server.inject({
        method: 'POST',
        url: '/admin/account/password',
        cookies: jar,
        payload: {
          _csrf: csrfFieldOf(page.body),
          currentPassword: FIXTURE_PASSWORD,
          newPassword: 'a-new-password-2026',
        },
      });
      expect(changed.statusCode).toBe(303);
      const after = await server.inject({ method: 'GET', url: '/api/v1/staff/documents', headers: bearer(own) });
      expect(after.statusCode).toBe(401);
      expect(apiError(after).code).toBe('invalid_token');
    });

    it('ends a token after its lifetime (90 days by default)', async () => {
      const own = await tokenFor(app, 'edu.reviewer');
      const ok = await server.inject({ method: 'GET', url: '/api/v1/staff/documents', headers: bearer(own) });
      expect(ok.statusCode).toBe(200);
      const saved = app.clock.now();
      app.clock.set(new Date(saved.getTime() + 91 * 24 * 3600_000));
      try {
        const late = await server.inject({ method: 'GET', url: '/api/v1/staff/documents', headers: bearer(own) });
        expect(late.statusCode).toBe(401);
        expect(apiError(late).code).toBe('invalid_token');
      } finally {
        app.clock.set(saved);
      }
    });
  });

  describe('6. errors of the framework', () => {
    it.each([
      { url: '/api/v1/documents/%FF', api: true },
      { url: `/api/v1/documents/${'a'.repeat(150)}`, api: true },
      { url: '/xxgk/doc/%FF', api: false },
      { url: `/xxgk/doc/${'a'.repeat(150)}`, api: false },
    ])('answers $url in Chinese with the security headers', async ({ url, api }) => {
      const response = await server.inject({ method: 'GET', url });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      if (api) {
        expect(apiError(response).code).not.toMatch(/^FST_/);
      } else {
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.body).toMatch(HAN);
      }
    });
  });

  describe('7. lockout', () => {
    it('answers a real account after 5 failures exactly as an unknown username after 6', async () => {
      const real: LightMyRequestResponse[] = [];
      for (let i = 0; i < 6; i++)
        real.push((await signIn(server, 'edu.reviewer', { password: 'wrong-password-1' })).response);
      const unknown: LightMyRequestResponse[] = [];
      for (let i = 0; i < 6; i++)
        unknown.push((await signIn(server, 'nobody.here', { password: 'wrong-password-1' })).response);
      const rightButLocked = (await signIn(server, 'edu.reviewer')).response;
      const shape = (r: LightMyRequestResponse) => ({
        status: r.statusCode,
        message: /class="error-summary" role="alert"><p>([^<]+)<\/p>/.exec(r.body)?.[1],
      });
      expect(shape(real[4]!)).toEqual(shape(unknown[5]!));
      expect(shape(real[5]!)).toEqual(shape(unknown[5]!));
      expect(shape(rightButLocked)).toEqual(shape(unknown[5]!));
      expect(shape(unknown[5]!).message).toMatch(HAN);
    });
  });

  describe('8. the Host header', () => {
    it('never writes the request’s Host into an API url', async () => {
      const created = await draft('主机头测试');
      await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${created.editionId}/submit`,
        headers: bearer(),
      });
      const reviewer = await tokenFor(app, 'edu.reviewer');
      const published = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${created.editionId}/publish`,
        headers: { ...bearer(reviewer), host: 'evil.example' },
      });
      expect(published.statusCode, published.body).toBe(200);
      expect(published.body).not.toContain('evil.example');
      const list = await server.inject({ method: 'GET', url: '/api/v1/documents', headers: { host: 'evil.example' } });
      expect(list.body).not.toContain('evil.example');
    });
  });

  describe('9. text hygiene', () => {
    it('drops bidirectional controls from attachment names', async () => {
      const created = await draft('附件名称');
      const body = multipart({}, [{ field: 'file', fileName: '\u202egnp.pdf', bytes: makePdf('bidi') }]);
      const response = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${created.editionId}/attachments`,
        headers: { ...body.headers, ...bearer() },
        payload: body.payload,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json<{ fileName: string }>().fileName).toBe('gnp.pdf');
    });

    it('refuses a title made only of a zero-width space', async () => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/staff/documents',
        headers: bearer(),
        payload: { ...sampleContent({ title: '\u200b' }), orgId: eduId },
      });
      expect(response.statusCode).toBe(400);
      expect(apiError(response).fields?.[0]?.field).toBe('title');
    });
  });
});
