import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDepsOf, seedDemoDistrict } from '../../src/demo/seed-demo.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';

/** The demo district's 办事服务: published guides of several units and the two 一件事 bundles. */
describe('demo district services', () => {
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp(DIALECTS[0]!, { now: '2026-11-20T02:00:00Z' });
    await seedDemoDistrict(seedDepsOf(app), { password: 'demo-password-1', now: app.clock.now() });
    server = await createTestServer(app);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it('publishes guides of several units and the two bundles, each material of a bundle listed once', async () => {
    const guides = (await server.inject({ method: 'GET', url: '/api/v1/services?pageSize=100' })).json<{
      items: { org: { code: string } }[];
      total: number;
    }>();
    expect(guides.total).toBeGreaterThanOrEqual(6);
    expect(new Set(guides.items.map((g) => g.org.code)).size).toBeGreaterThanOrEqual(4);
    const bundles = (await server.inject({ method: 'GET', url: '/api/v1/bundles' })).json<{
      items: { id: string; name: string }[];
    }>();
    expect(bundles.items.map((b) => b.name).sort()).toEqual(['开办企业一件事', '新生儿出生一件事']);
    const firm = bundles.items.find((b) => b.name === '开办企业一件事')!;
    const detail = (await server.inject({ method: 'GET', url: `/api/v1/bundles/${firm.id}` })).json<{
      services: unknown[];
      materials: { name: string; neededBy: string[] }[];
    }>();
    expect(detail.services).toHaveLength(4);
    const licence = detail.materials.filter((m) => m.name === '营业执照');
    expect(licence).toHaveLength(1);
    expect(licence[0]!.neededBy).toHaveLength(3);
    const page = await server.inject({ method: 'GET', url: '/bsfw/?audience=corp' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('开办企业一件事');
    expect(page.body).not.toContain('新生儿出生一件事');
    // The public navigation links the directory.
    expect((await server.inject({ method: 'GET', url: '/' })).body).toContain('<a href="/bsfw/"');
  });
});
