import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { getter, PUBLIC_SITE_APP_OPTIONS, seedPublicSite, type PublishedKey } from './public-site-kit.ts';

/**
 * The open API as other platforms use it: its OpenAPI document passes an independent validator,
 * and its public reads are open to pages of other origins (CORS, no credentials) and limited per
 * client address; the staff API is neither.
 */
describe.each(DIALECTS)('open API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let documentIds: Map<PublishedKey, string>;

  beforeAll(async () => {
    app = await createTestApp(dialect, PUBLIC_SITE_APP_OPTIONS);
    ({ documentIds } = await seedPublicSite(app));
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = getter(() => server);

  it('publishes an OpenAPI 3.1 document that an independent validator accepts', async () => {
    const response = await get('/api/v1/openapi.json');
    const validator = new Validator();
    const result = await validator.validate(response.json<Record<string, unknown>>());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it.each([
    '/api/v1/documents',
    '/api/v1/documents?org=edu&page=2',
    '/api/v1/orgs',
    '/api/v1/orgs/edu',
    '/api/v1/search?q=通知',
    // Errors too, so a page of another origin can read why.
    '/api/v1/documents/0000000000000000',
    '/api/v1/documents?pageSize=1000',
  ])('lets pages of any origin read %s, without credentials', async (url) => {
    const response = await server.inject({ method: 'GET', url, headers: { origin: 'https://other.example.cn' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('answers a preflight of a public read, and of nothing else', async () => {
    const id = documentIds.get('eduNotice')!;
    const preflight = await server.inject({
      method: 'OPTIONS',
      url: `/api/v1/documents/${id}`,
      headers: {
        origin: 'https://other.example.cn',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'accept-language',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toBe('GET');
    expect(preflight.headers['access-control-max-age']).toBe('86400');

    const staff = await server.inject({
      method: 'GET',
      url: '/api/v1/staff/documents',
      headers: { origin: 'https://other.example.cn' },
    });
    expect(staff.statusCode).toBe(401);
    expect(staff.headers['access-control-allow-origin']).toBeUndefined();
    const staffPreflight = await server.inject({
      method: 'OPTIONS',
      url: '/api/v1/staff/documents',
      headers: { origin: 'https://other.example.cn', 'access-control-request-method': 'POST' },
    });
    expect(staffPreflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits public reads per client address, with a Chinese message and a stable code', async () => {
    const address = '198.51.100.7';
    const read = () => server.inject({ method: 'GET', url: '/api/v1/orgs', remoteAddress: address });
    let answer = await read();
    let reads = 1;
    while (answer.statusCode === 200 && reads < 2_000) {
      answer = await read();
      reads++;
    }
    expect(reads).toBe(601);
    expect(answer.statusCode).toBe(429);
    expect(answer.json()).toMatchObject({ code: 'rate_limited', message: '操作过于频繁，请稍后再试。' });
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    // Another client is not held back.
    const other = await server.inject({ method: 'GET', url: '/api/v1/orgs', remoteAddress: '198.51.100.8' });
    expect(other.statusCode).toBe(200);
  });
});
