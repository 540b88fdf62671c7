import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/modules/auth/commands/create-api-token.ts';
import { systemActor } from '../../src/modules/access/domain/actor.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent } from '../fixtures.ts';
import { apiError } from './http-kit.ts';
import { seedStaffApi, STAFF_API_APP_OPTIONS, staffApiClient } from './staff-api-kit.ts';

/** Who the staff API lets in: no token, a wrong or revoked one; public reads stay public with a token. */
describe.each(DIALECTS)('staff API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let tokens: Record<string, string>;
  let eduId: string;
  const { call, draft } = staffApiClient(() => ({ server, tokens, eduId }));

  beforeAll(async () => {
    app = await createTestApp(dialect, STAFF_API_APP_OPTIONS);
    ({ tokens, eduId } = await seedStaffApi(app));
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  describe('authentication', () => {
    it.each([
      { method: 'GET', url: '/api/v1/staff/documents' },
      { method: 'POST', url: '/api/v1/staff/documents' },
      { method: 'GET', url: '/api/v1/staff/editions/0000000000000000' },
      { method: 'PATCH', url: '/api/v1/staff/editions/0000000000000000' },
      { method: 'POST', url: '/api/v1/staff/editions/0000000000000000/publish' },
      { method: 'POST', url: '/api/v1/staff/documents/0000000000000000/editions' },
    ] as const)('$method $url without a token is 401 unauthenticated', async ({ method, url }) => {
      const response = await server.inject({
        method,
        url,
        ...(method === 'GET' ? {} : { payload: sampleContent() }),
      });
      expect(response.statusCode).toBe(401);
      expect(apiError(response).code).toBe('unauthenticated');
    });

    it.each([
      { name: 'an unknown token', header: 'Bearer gk_thisTokenWasNeverIssued' },
      { name: 'a token without the Bearer scheme', header: 'Token abc' },
      { name: 'Basic credentials', header: 'Basic ZWR1LmVkaXRvcjpwYXNzd29yZA==' },
      { name: 'an empty bearer', header: 'Bearer ' },
    ])('refuses $name with 401 invalid_token', async ({ header }) => {
      const response = await server.inject({
        method: 'GET',
        url: '/api/v1/staff/documents',
        headers: { authorization: header },
      });
      expect(response.statusCode).toBe(401);
      expect(apiError(response).code).toBe('invalid_token');
    });

    it('refuses a revoked token with 401 invalid_token, while the same user’s other token works', async () => {
      const revoked = await createApiToken({
        uow: app.uow,
        clock: app.clock,
        actor: systemActor('test'),
        username: 'edu.editor',
        name: '将被撤销',
      });
      const headers = { authorization: `Bearer ${revoked.token}` };
      expect((await server.inject({ method: 'GET', url: '/api/v1/staff/documents', headers })).statusCode).toBe(200);
      await app.stores.tokens.revoke(revoked.id, app.clock.now());
      const response = await server.inject({ method: 'GET', url: '/api/v1/staff/documents', headers });
      expect(response.statusCode).toBe(401);
      expect(apiError(response).code).toBe('invalid_token');
      expect((await call('GET', '/api/v1/staff/documents', 'edu.editor')).statusCode).toBe(200);
    });

    it('answers public reads the public way even when a staff token comes along', async () => {
      const created = await draft();
      const response = await call('GET', `/api/v1/documents/${created.documentId}`, 'edu.editor');
      expect(response.statusCode).toBe(404);
    });
  });
});
