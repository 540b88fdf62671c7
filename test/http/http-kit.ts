import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject, type InjectOptions } from 'light-my-request';
import { expect } from 'vitest';
import type { AuditFilter } from '../../src/modules/audit/ports.ts';
import { createApiToken } from '../../src/modules/auth/commands/create-api-token.ts';
import { systemActor } from '../../src/modules/access/domain/actor.ts';
import type { TestApp } from '../app.ts';
import { FIXTURE_PASSWORD } from '../fixtures.ts';

/**
 * Sends a request the way the listening server receives it: through the handler the HTTP server
 * runs (the page cache's front door, then Fastify), where `server.inject` starts at Fastify.
 */
export async function throughServer(server: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  await server.ready();
  const [handler] = server.server.listeners('request') as ((
    request: IncomingMessage,
    response: ServerResponse,
  ) => void)[];
  if (!handler) throw new Error('the server has no request handler');
  return inject(handler, options);
}

/** Any Chinese character: every message people read must be in Chinese. */
export const HAN = /[\u4e00-\u9fa5]/;

/** A browser's cookies, by name. */
export type CookieJar = Record<string, string>;

/** The set-cookie lines of a response, one per cookie. */
export function setCookieLines(response: LightMyRequestResponse): string[] {
  const raw = response.headers['set-cookie'];
  return Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : [];
}

/** The set-cookie line for one cookie, or undefined when the response does not set it. */
export function setCookieLine(response: LightMyRequestResponse, name: string): string | undefined {
  return setCookieLines(response).find((line) => line.startsWith(`${name}=`));
}

/** Keeps what a browser would keep: set cookies are stored, cleared ones (empty or expired) removed. */
export function keepCookies(response: LightMyRequestResponse, jar: CookieJar = {}): CookieJar {
  for (const line of setCookieLines(response)) {
    const [pair, ...attributes] = line.split(';');
    const [name, ...rest] = pair!.split('=');
    const value = rest.join('=');
    const expired = attributes.some((a) => {
      const [key, attributeValue] = a.trim().split('=');
      if (key!.toLowerCase() === 'max-age') return Number(attributeValue) <= 0;
      if (key!.toLowerCase() === 'expires') return new Date(attributeValue!).getTime() <= Date.now();
      return false;
    });
    if (value === '' || expired) delete jar[name!.trim()];
    else jar[name!.trim()] = value;
  }
  return jar;
}

/** The `_csrf` value of the first form on a page. */
export function csrfFieldOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no _csrf field');
  return match[1]!;
}

/**
 * Posts a form as a browser would: opens `page` (which must answer 200) for its CSRF token, then
 * posts `fields` to `url` with the same cookies, URL-encoded.
 */
export async function postFromPage(
  server: FastifyInstance,
  jar: CookieJar,
  page: string,
  url: string,
  fields: [string, string][],
): Promise<LightMyRequestResponse> {
  const form = await server.inject({ method: 'GET', url: page, cookies: jar });
  if (form.statusCode !== 200) throw new Error(`${page} answered ${form.statusCode}, not the form`);
  return server.inject({
    method: 'POST',
    url,
    cookies: jar,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams([['_csrf', csrfFieldOf(form.body)], ...fields]).toString(),
  });
}

/**
 * Posts a resident's form as a browser without a session would: opens `page` (which must answer 200)
 * from `ip` for its anonymous CSRF token and cookie, then posts `fields` to `url` from the same address.
 */
export async function postAsResident(
  server: FastifyInstance,
  page: string,
  url: string,
  fields: [string, string][],
  ip: string,
): Promise<LightMyRequestResponse> {
  const form = await server.inject({ method: 'GET', url: page, remoteAddress: ip });
  if (form.statusCode !== 200) throw new Error(`${page} answered ${form.statusCode}, not the form`);
  return server.inject({
    method: 'POST',
    url,
    cookies: keepCookies(form),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    remoteAddress: ip,
    payload: new URLSearchParams([['_csrf', csrfFieldOf(form.body)], ...fields]).toString(),
  });
}

/** Signs in through the login form as a browser would; returns the response and the cookies after it. */
export async function signIn(
  server: FastifyInstance,
  username: string,
  options: { password?: string; next?: string } = {},
): Promise<{ response: LightMyRequestResponse; jar: CookieJar }> {
  const form = await server.inject({ method: 'GET', url: '/admin/login' });
  const jar = keepCookies(form);
  const response = await server.inject({
    method: 'POST',
    url: '/admin/login',
    cookies: jar,
    payload: {
      _csrf: csrfFieldOf(form.body),
      username,
      password: options.password ?? FIXTURE_PASSWORD,
      next: options.next ?? '/admin/',
    },
  });
  return { response, jar: keepCookies(response, { ...jar }) };
}

/** Signs in and insists that it worked. */
export async function signedIn(server: FastifyInstance, username: string): Promise<CookieJar> {
  const { response, jar } = await signIn(server, username);
  expect(response.statusCode, `sign-in of ${username}`).toBe(303);
  expect(jar.gk_session).toBeTruthy();
  return jar;
}

/** A personal API token for a fixture account, issued as the command line would. */
export async function tokenFor(app: TestApp, username: string): Promise<string> {
  const { token } = await createApiToken({
    uow: app.uow,
    clock: app.clock,
    actor: systemActor('test'),
    username,
    name: 'http tests',
  });
  return token;
}

/** A multipart/form-data body with text fields and files, as a browser or curl would send it. */
export function multipart(
  fields: Record<string, string>,
  files: { field: string; fileName: string; bytes: Buffer; type?: string }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----gongkai-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\n` +
          `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The actions the audit log recorded about one record (a document, a user), oldest first. */
export async function auditTrail(app: TestApp, filter: AuditFilter): Promise<string[]> {
  const { items } = await app.stores.audit.find(filter, { offset: 0, limit: 100 });
  return items.map((entry) => entry.action).reverse();
}

/** The JSON body of an error response, checked to be `{ code, message }` with a Chinese message. */
export function apiError(response: LightMyRequestResponse): {
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
} {
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json<{ code: string; message: string; fields?: { field: string; message: string }[] }>();
  expect(typeof body.code).toBe('string');
  expect(body.message).toMatch(HAN);
  return body;
}

/** A response read off a real socket. */
export type RawResponse = { statusCode: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * Sends a request over a real connection with the request target exactly as given. `inject` and
 * browsers normalise paths (`/admin/./x` becomes `/admin/x`, `//admin` a host); attackers' tools do
 * not, so path tests must not either.
 */
export async function rawRequest(
  origin: string,
  method: string,
  target: string,
  options: { cookies?: CookieJar; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const { request } = await import('node:http');
  const url = new URL(origin);
  const cookie = Object.entries(options.cookies ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return new Promise<RawResponse>((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: target,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(options.body !== undefined ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            statusCode: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
