import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../../src/modules/documents/ports.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { apiError, signedIn } from './http-kit.ts';
import {
  getter,
  HIDDEN_STATES,
  hiddenTitle,
  NEXT_EDITION_TITLE,
  PUBLIC_SITE_APP_OPTIONS,
  PUBLISHED,
  seedPublicSite,
  type PublicSiteWorld,
  type PublishedKey,
} from './public-site-kit.ts';

/** Editions that are not public (yet): no page, no listing, no search hit, no download, for anybody. */
describe.each(DIALECTS)('public site and public API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let documentIds: Map<PublishedKey, string>;
  let hidden: PublicSiteWorld['hidden'];
  let nextEditionAttachment: Attachment;

  beforeAll(async () => {
    app = await createTestApp(dialect, PUBLIC_SITE_APP_OPTIONS);
    ({ documentIds, hidden, nextEditionAttachment } = await seedPublicSite(app));
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const get = getter(() => server);

  describe('unpublished editions', () => {
    it.each(HIDDEN_STATES)('a %s edition has no public page and is listed nowhere', async (state) => {
      const { documentId } = hidden.get(state)!;
      const title = hiddenTitle(state);

      const page = await get(`/xxgk/doc/${documentId}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('您访问的内容不存在或尚未公开');
      expect(page.body).not.toContain(title);

      for (const url of ['/', '/xxgk/', '/xxgk/fdzdgknr', '/xxgk/fdzdgknr?org=edu']) {
        const list = await get(url);
        expect(list.statusCode).toBe(200);
        expect(list.body, url).toContain(PUBLISHED.eduNotice.title);
        expect(list.body, url).not.toContain(title);
        expect(list.body, url).not.toContain(documentId);
      }
      // Searching for its exact title finds nothing (the search box repeats what was typed).
      const search = await get(`/xxgk/fdzdgknr?q=${encodeURIComponent(title)}`);
      expect(search.body).toContain('暂无信息');
      expect(search.body).not.toContain(`/xxgk/doc/${documentId}`);

      const apiList = await get(`/api/v1/documents?pageSize=100`);
      expect(apiList.json<{ items: { id: string }[] }>().items.map((item) => item.id)).not.toContain(documentId);
      const apiSearch = await get(`/api/v1/documents?q=${encodeURIComponent(title)}`);
      expect(apiSearch.json()).toEqual({ items: [], total: 0 });

      const apiDetail = await get(`/api/v1/documents/${documentId}`);
      expect(apiDetail.statusCode).toBe(404);
      expect(apiError(apiDetail).code).toBe('not_found');
    });

    it.each(HIDDEN_STATES)('the attachment of a %s edition cannot be downloaded', async (state) => {
      const { attachment } = hidden.get(state)!;
      for (const url of [`/xxgk/files/${attachment.id}`, `/xxgk/files/${attachment.id}/x.pdf`]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
      }
    });

    it('keeps the next edition of a published document and its attachment private until it is published', async () => {
      const id = documentIds.get('eduNotice')!;
      const detail = await get(`/api/v1/documents/${id}`);
      expect(detail.json()).toMatchObject({ title: PUBLISHED.eduNotice.title, version: '1.0' });
      expect(JSON.stringify(detail.json())).not.toContain(NEXT_EDITION_TITLE);
      expect((await get(`/xxgk/files/${nextEditionAttachment.id}`)).statusCode).toBe(404);
    });

    it('keeps drafts off the public pages and downloads also for a signed-in editor of the unit', async () => {
      const jar = await signedIn(server, 'edu.editor');
      // The editor does see them in the back office, so the session is a real one.
      const backOffice = await get('/admin/documents', jar);
      expect(backOffice.statusCode).toBe(200);
      expect(backOffice.body).toContain(hiddenTitle('draft'));
      for (const url of ['/', '/xxgk/', '/xxgk/fdzdgknr', '/xxgk/fdzdgknr?org=edu']) {
        const response = await get(url, jar);
        expect(response.statusCode).toBe(200);
        for (const state of HIDDEN_STATES) expect(response.body, url).not.toContain(hiddenTitle(state));
        expect(response.body, url).not.toContain(NEXT_EDITION_TITLE);
        expect(response.body, url).toContain(PUBLISHED.eduNotice.title);
      }
      expect((await get(`/xxgk/files/${hidden.get('draft')!.attachment.id}`, jar)).statusCode).toBe(404);
    });
  });
});
