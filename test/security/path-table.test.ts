import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { rawRequest, signedIn, type CookieJar, type RawResponse } from '../http/http-kit.ts';

/** Back-office pages open to everybody: signing in and out. */
const OPEN_BACK_OFFICE = new Set(['/admin/login', '/admin/login/2fa', '/admin/logout']);
/** The one back-office page an administrator who owes two-factor enrolment may open. */
const ENROLMENT = '/admin/account/2fa';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** A route's path with every parameter filled in; the guard answers before any handler looks. */
function concrete(url: string): string {
  return url.replace(/:code\b/g, 'edu').replace(/:\w+/g, '0000000000000000');
}

/** The spellings of one path an attacker would try, each with what must become of it. */
function spellings(path: string, prefix: 'admin' | 'api'): { name: string; url: string; refused: boolean }[] {
  const rest = path.slice(prefix.length + 1);
  const encodedFirst = `/%${prefix.charCodeAt(0).toString(16)}${prefix.slice(1)}${rest}`;
  const out = [
    { name: 'as registered', url: path, refused: false },
    { name: 'first letter percent-encoded', url: encodedFirst, refused: false },
    { name: 'lower-case escape of every letter', url: percentEncodeLetters(path), refused: false },
    { name: 'with a leading double slash', url: `/${path}`, refused: true },
    { name: 'with a dot segment', url: `/${prefix}/.${rest}`, refused: true },
    { name: 'with a dot-dot segment back into itself', url: `/${prefix}/x/..${rest}`, refused: true },
    { name: 'with a path parameter', url: `/${prefix};jsessionid=1${rest}`, refused: true },
  ];
  if (rest.length > 1)
    out.push({ name: 'with its first slash encoded', url: `/${prefix}%2F${rest.slice(1)}`, refused: true });
  out.push({ name: 'in capitals', url: `/${prefix.toUpperCase()}${rest}`, refused: false });
  return out;
}

function percentEncodeLetters(path: string): string {
  return path.replace(/[a-z]/g, (letter) => `%${letter.charCodeAt(0).toString(16)}`);
}

/** True when a response carries anything of the back office beyond the sign-in form. */
function showsBackOffice(response: RawResponse): boolean {
  return (
    response.statusCode === 200 &&
    /admin-main|admin-header/.test(response.body) &&
    !/name="password"/.test(response.body)
  );
}

/**
 * Every guarded route, under every spelling of its path: the back office needs a session (and
 * two-factor enrolment where required), the staff API needs a bearer token and never takes a
 * session cookie. The routes come from the server itself, so a new route joins the table unasked.
 */
describe.each(DIALECTS)('guarded paths on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let editor: CookieJar;
  let districtAdmin: CookieJar;
  let backOffice: { method: Method; path: string }[];
  let staffApi: { method: Method; path: string }[];
  let origin: string;

  const auditTotal = async () => (await app.stores.audit.find({}, { offset: 0, limit: 1 })).total;
  // Over a real socket, so the request target reaches the server exactly as written.
  const send = (method: Method, url: string, cookies: CookieJar = {}) =>
    rawRequest(origin, method, url, {
      cookies,
      ...(method === 'GET'
        ? {}
        : url.toLowerCase().includes('api') || url.includes('%61%70%69')
          ? { headers: { 'content-type': 'application/json' }, body: '{"title":"越权修改","reason":"越权"}' }
          : { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '_csrf=x&title=x' }),
    });

  beforeAll(async () => {
    // Not the demo: administrators must enrol in two-factor sign-in.
    app = await createTestApp(dialect, {
      now: '2026-03-02T02:00:00Z',
      env: { GONGKAI_UPSTREAM_SECRET: 'provincial-platform-shared-secret-0123456789' },
    });
    await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'district_admin', org: 'dist' },
    ]);
    server = await createTestServer(app);
    origin = await server.listen({ port: 0, host: '127.0.0.1' });
    editor = await signedIn(server, 'edu.editor');
    districtAdmin = await signedIn(server, 'dist.district_admin');
    const routes = server.routeList.filter((route) => route.method !== 'HEAD');
    backOffice = routes
      .filter((route) => /^\/admin(\/|$)/.test(route.url) && !OPEN_BACK_OFFICE.has(route.url))
      .map((route) => ({ method: route.method as Method, path: concrete(route.url) }));
    staffApi = routes
      .filter((route) => route.url.startsWith('/api/v1/staff/'))
      .map((route) => ({ method: route.method as Method, path: concrete(route.url) }));
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it('finds the guarded routes to test', () => {
    expect(backOffice.length).toBeGreaterThan(50);
    expect(staffApi.length).toBeGreaterThan(10);
    expect(backOffice.map((route) => route.path)).toContain('/admin/users');
    expect(staffApi.map((route) => `${route.method} ${route.path}`)).toContain(
      'DELETE /api/v1/staff/editions/0000000000000000',
    );
  });

  it.each(['/.refused-target', '/api/.refused-target'])('answers %s, asked for by name, with 404', async (url) => {
    expect((await send('GET', url)).statusCode).toBe(404);
  });

  it('shows no back-office page and changes nothing without a session, however the path is spelled', async () => {
    const before = await auditTotal();
    const problems: string[] = [];
    for (const route of backOffice) {
      for (const spelling of spellings(route.path, 'admin')) {
        const response = await send(route.method, spelling.url);
        const expected = spelling.refused ? [400] : spelling.name === 'in capitals' ? [404] : [303];
        if (!expected.includes(response.statusCode) || showsBackOffice(response)) {
          problems.push(`${route.method} ${spelling.url} (${spelling.name}) → ${response.statusCode}`);
        }
        if (response.statusCode === 303 && !String(response.headers.location).startsWith('/admin/login?next=')) {
          problems.push(`${route.method} ${spelling.url} → 303 ${String(response.headers.location)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await auditTotal()).toBe(before);
  });

  it('sends an administrator who owes enrolment to enrol from every other back-office page, however spelled', async () => {
    const problems: string[] = [];
    for (const route of backOffice.filter((r) => r.method === 'GET' && r.path !== ENROLMENT)) {
      for (const spelling of spellings(route.path, 'admin').filter((s) => !s.refused && s.name !== 'in capitals')) {
        const response = await send('GET', spelling.url, districtAdmin);
        if (response.statusCode !== 303 || response.headers.location !== ENROLMENT) {
          problems.push(`GET ${spelling.url} → ${response.statusCode} ${String(response.headers.location ?? '')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect((await send('GET', '/%61dmin/account/2fa', districtAdmin)).statusCode).toBe(200);
  });

  it('takes no staff action on the API with a session cookie and no token, however the path is spelled', async () => {
    const before = await auditTotal();
    const problems: string[] = [];
    for (const route of staffApi) {
      for (const spelling of spellings(route.path, 'api')) {
        const response = await send(route.method, spelling.url, editor);
        const expected = spelling.refused ? 400 : spelling.name === 'in capitals' ? 404 : 401;
        const isJson = String(response.headers['content-type']).startsWith('application/json');
        const body = (isJson ? JSON.parse(response.body) : {}) as { code?: string };
        // Refusals and unauthenticated calls answer in the API's JSON; a capitalised path is no API path.
        if (expected !== 404 && !isJson)
          problems.push(`${route.method} ${spelling.url} answered ${String(response.headers['content-type'])}`);
        if (response.statusCode !== expected || (expected === 401 && body.code !== 'unauthenticated')) {
          problems.push(`${route.method} ${spelling.url} (${spelling.name}) → ${response.statusCode} ${body.code}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(await auditTotal()).toBe(before);
  });

  it('takes no application at the provincial intake without a signature, however the path is spelled', async () => {
    const before = await auditTotal();
    const problems: string[] = [];
    for (const spelling of spellings('/api/v1/upstream/foi/applications', 'api')) {
      // A staff session and a JSON body, but no signature: neither a cookie nor the path's spelling opens it.
      const response = await send('POST', spelling.url, editor);
      const expected = spelling.refused ? 400 : spelling.name === 'in capitals' ? 404 : 401;
      const isJson = String(response.headers['content-type']).startsWith('application/json');
      const body = (isJson ? JSON.parse(response.body) : {}) as { code?: string };
      if (response.statusCode !== expected || (expected === 401 && body.code !== 'signature_missing')) {
        problems.push(`POST ${spelling.url} (${spelling.name}) → ${response.statusCode} ${body.code}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await auditTotal()).toBe(before);
  });
});
