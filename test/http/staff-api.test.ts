import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng } from '../../src/demo/files.ts';
import { createApiToken } from '../../src/modules/auth/commands/create-api-token.ts';
import { systemActor } from '../../src/modules/access/domain/actor.ts';
import type { EditionContentInput } from '../../src/modules/documents/domain/metadata.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { apiError, auditTrail, multipart, tokenFor } from './http-kit.ts';

/** What the staff API answers for an edition (the fields the tests look at). */
type StaffEdition = {
  documentId: string;
  editionId: string;
  number: number;
  state: string;
  title: string;
  docNumber: string | null;
  bodyHtml: string;
  version: string | null;
  createdBy: string;
  updatedAt: string;
  reviewedBy: string | null;
  scheduledAt: string | null;
  forcePublished: boolean;
  awaitingRetrospectiveApproval: boolean;
  rejectionReason: string | null;
  withdrawalReason: string | null;
  changeNote: string | null;
  publicUrl: string | null;
};

const XSS_BODY =
  '<p>正文第一段。</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>';

/** The staff workflow over the JSON API with personal tokens: every step, and who may take it. */
describe.each(DIALECTS)('staff API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  const tokens: Record<string, string> = {};
  let eduId: string;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'reviewer', org: 'edu', username: 'edu.reviewer2' },
      { role: 'unit_admin', org: 'edu' },
      { role: 'editor', org: 'civ' },
      { role: 'reviewer', org: 'civ' },
    ]);
    for (const username of fixture.usernames) tokens[username] = await tokenFor(app, username);
    eduId = fixture.orgs.get('edu')!.id;
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    as: string | undefined,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    server.inject({
      method,
      url,
      headers: as ? { authorization: `Bearer ${tokens[as]}` } : {},
      ...(payload ? { payload } : {}),
    });

  /** Creates a draft in a unit through the API and returns it. */
  async function draft(
    as = 'edu.editor',
    content: Partial<EditionContentInput> = {},
    orgId = eduId,
  ): Promise<StaffEdition> {
    const response = await call('POST', '/api/v1/staff/documents', as, { ...sampleContent(content), orgId });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<StaffEdition>();
  }

  async function act(
    editionId: string,
    action: string,
    as: string,
    payload: object = {},
  ): Promise<LightMyRequestResponse> {
    return call('POST', `/api/v1/staff/editions/${editionId}/${action}`, as, payload);
  }

  async function submitted(as = 'edu.editor', content: Partial<EditionContentInput> = {}): Promise<StaffEdition> {
    const created = await draft(as, content);
    const response = await act(created.editionId, 'submit', as);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<StaffEdition>();
  }

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

  describe('workflow', () => {
    it('creates a draft (201) with the 文号 normalised and no public address yet', async () => {
      const created = await draft('edu.editor', { docNumber: '测教发[2026]3号', keywords: '开学，安全、返校' });
      expect(created).toMatchObject({
        state: 'draft',
        number: 1,
        title: sampleContent().title,
        docNumber: '测教发〔2026〕3号',
        version: null,
        publicUrl: null,
        createdBy: fixture.staff('edu.editor').userId,
      });
      expect((created as unknown as { keywords: string[] }).keywords).toEqual(['开学', '安全', '返校']);
      const read = await call('GET', `/api/v1/staff/editions/${created.editionId}`, 'edu.editor');
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ editionId: created.editionId, state: 'draft' });
      const listed = await call('GET', '/api/v1/staff/documents?state=draft&mine=1&pageSize=100', 'edu.editor');
      expect(listed.json<{ items: StaffEdition[] }>().items.map((i) => i.editionId)).toContain(created.editionId);
      expect(await auditTrail(app, { entityId: created.documentId })).toEqual(['document.draft_created']);
    });

    it('saves a PATCH of every field and refuses a stale one with 409 conflict', async () => {
      const created = await draft();
      app.clock.advanceMinutes(1);
      const patched = await call('PATCH', `/api/v1/staff/editions/${created.editionId}`, 'edu.editor', {
        ...sampleContent({ title: '修改后的标题', docNumber: '测教发(2026)7号' }),
        expectedUpdatedAt: created.updatedAt,
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ title: '修改后的标题', docNumber: '测教发〔2026〕7号', state: 'draft' });
      const stale = await call('PATCH', `/api/v1/staff/editions/${created.editionId}`, 'edu.editor', {
        ...sampleContent({ title: '基于旧版本的修改' }),
        expectedUpdatedAt: created.updatedAt,
      });
      expect(stale.statusCode).toBe(409);
      expect(apiError(stale).code).toBe('conflict');
      expect((await app.stores.documents.getEdition(created.editionId))!.content.title).toBe('修改后的标题');
      expect(await auditTrail(app, { entityId: created.documentId })).toEqual([
        'document.draft_created',
        'document.draft_updated',
      ]);
    });

    it('uploads attachments as multipart field `file`, typed from their bytes', async () => {
      const created = await draft();
      const pdf = makePdf('notice');
      const upload = multipart({}, [{ field: 'file', fileName: '通知全文.pdf', bytes: pdf }]);
      const response = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${created.editionId}/attachments`,
        headers: { ...upload.headers, authorization: `Bearer ${tokens['edu.editor']}` },
        payload: upload.payload,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        fileName: '通知全文.pdf',
        mediaType: 'application/pdf',
        sizeBytes: pdf.length,
      });
      const png = multipart({}, [{ field: 'file', fileName: '示意图.PNG', bytes: makePng(4, 4, [200, 0, 0]) }]);
      const image = await server.inject({
        method: 'POST',
        url: `/api/v1/staff/editions/${created.editionId}/attachments`,
        headers: { ...png.headers, authorization: `Bearer ${tokens['edu.editor']}` },
        payload: png.payload,
      });
      expect(image.statusCode, image.body).toBe(201);
      expect(image.json()).toMatchObject({ mediaType: 'image/png' });
      expect(await app.stores.documents.attachmentsOf(created.editionId)).toHaveLength(2);
      expect(await auditTrail(app, { entityId: created.documentId, action: 'document.attachment_added' })).toHaveLength(
        2,
      );
    });

    it('submits, then publishes only by a reviewer who did not write it (403 second_pair_of_eyes otherwise)', async () => {
      // A reviewer may write too; then another reviewer must publish.
      const own = await submitted('edu.reviewer', { title: '审核人员自己起草的通知' });
      expect(own.state).toBe('submitted');
      const selfPublish = await act(own.editionId, 'publish', 'edu.reviewer');
      expect(selfPublish.statusCode).toBe(403);
      expect(apiError(selfPublish).code).toBe('second_pair_of_eyes');
      expect((await app.stores.documents.getEdition(own.editionId))!.state).toBe('submitted');

      const editorPublish = await act(own.editionId, 'publish', 'edu.editor');
      expect(editorPublish.statusCode).toBe(403);
      expect(apiError(editorPublish).code).toBe('forbidden');

      const published = await act(own.editionId, 'publish', 'edu.reviewer2');
      expect(published.statusCode, published.body).toBe(200);
      expect(published.json()).toMatchObject({
        state: 'published',
        version: '1.0',
        reviewedBy: fixture.staff('edu.reviewer2').userId,
      });
      const publicUrl = published.json<StaffEdition>().publicUrl!;
      expect(publicUrl).toMatch(/^http:\/\/localhost:3000\/xxgk\/doc\/[0-9a-z]{16}$/);
      const page = await server.inject({ method: 'GET', url: new URL(publicUrl).pathname });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('审核人员自己起草的通知');
      expect(await auditTrail(app, { entityId: own.documentId })).toEqual([
        'document.draft_created',
        'document.submitted',
        'document.published',
      ]);
    });

    it('rejects with a reason, which the editor sees, and refuses a rejection without one', async () => {
      const edition = await submitted();
      const noReason = await act(edition.editionId, 'reject', 'edu.reviewer', { reason: '  ' });
      expect(noReason.statusCode).toBe(400);
      expect(apiError(noReason).fields).toEqual([{ field: 'reason', message: '请填写退回原因。' }]);
      const rejected = await act(edition.editionId, 'reject', 'edu.reviewer', { reason: '文号有误，请核对。' });
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json()).toMatchObject({ state: 'rejected', rejectionReason: '文号有误，请核对。' });
      const seen = await call('GET', `/api/v1/staff/editions/${edition.editionId}`, 'edu.editor');
      expect(seen.json()).toMatchObject({ state: 'rejected', rejectionReason: '文号有误，请核对。' });
      // A rejected edition is edited and submitted again.
      const again = await act(edition.editionId, 'submit', 'edu.editor');
      expect(again.json()).toMatchObject({ state: 'submitted', rejectionReason: null });
      expect(await auditTrail(app, { entityId: edition.documentId, action: 'document.rejected' })).toHaveLength(1);
    });

    it('schedules a publication for later, refuses a time in the past, and keeps it private until then', async () => {
      const edition = await submitted();
      const past = await act(edition.editionId, 'schedule', 'edu.reviewer', { at: '2026-03-01T00:00:00+08:00' });
      expect(past.statusCode).toBe(400);
      expect(apiError(past).fields?.[0]?.field).toBe('scheduledAt');
      const scheduled = await act(edition.editionId, 'schedule', 'edu.reviewer', { at: '2026-03-05T09:00:00+08:00' });
      expect(scheduled.statusCode, scheduled.body).toBe(200);
      expect(scheduled.json()).toMatchObject({ state: 'scheduled', scheduledAt: '2026-03-05T01:00:00.000Z' });
      expect((await call('GET', `/api/v1/documents/${edition.documentId}`, undefined)).statusCode).toBe(404);
      const unscheduled = await act(edition.editionId, 'unschedule', 'edu.reviewer');
      expect(unscheduled.json()).toMatchObject({ state: 'submitted', scheduledAt: null });
      expect(await auditTrail(app, { entityId: edition.documentId })).toEqual([
        'document.draft_created',
        'document.submitted',
        'document.scheduled',
        'document.unscheduled',
      ]);
    });

    it('lets a unit admin force-publish with a reason, flagged until another reviewer approves it', async () => {
      const created = await draft('edu.editor', { title: '紧急通知' });
      const refused = await act(created.editionId, 'force-publish', 'edu.editor', { reason: '紧急' });
      expect(refused.statusCode).toBe(403);
      expect(apiError(refused).code).toBe('forbidden');

      const forced = await act(created.editionId, 'force-publish', 'edu.unit_admin', {
        reason: '防汛紧急通知，须立即发布',
      });
      expect(forced.statusCode, forced.body).toBe(200);
      expect(forced.json()).toMatchObject({
        state: 'published',
        forcePublished: true,
        awaitingRetrospectiveApproval: true,
      });
      const flagged = await call('GET', '/api/v1/staff/documents?flagged=1&pageSize=100', 'edu.reviewer');
      expect(flagged.json<{ items: StaffEdition[] }>().items.map((i) => i.editionId)).toContain(created.editionId);
      expect((await call('GET', `/api/v1/documents/${created.documentId}`, undefined)).statusCode).toBe(200);

      const byAuthor = await act(created.editionId, 'approve', 'edu.unit_admin');
      expect(byAuthor.statusCode).toBe(403);
      expect(apiError(byAuthor).code).toBe('second_pair_of_eyes');
      const approved = await act(created.editionId, 'approve', 'edu.reviewer');
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ forcePublished: true, awaitingRetrospectiveApproval: false });
      const twice = await act(created.editionId, 'approve', 'edu.reviewer2');
      expect(twice.statusCode).toBe(409);
      expect(apiError(twice).code).toBe('invalid_transition');
      expect(await auditTrail(app, { entityId: created.documentId })).toEqual([
        'document.draft_created',
        'document.force_published',
        'document.retrospectively_approved',
      ]);
    });

    it('withdraws published information with a reason shown on its public page', async () => {
      const edition = await submitted('edu.editor', { title: '将被撤回的通知' });
      await act(edition.editionId, 'publish', 'edu.reviewer');
      const withdrawn = await act(edition.editionId, 'withdraw', 'edu.reviewer', { reason: '内容已过时。' });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', withdrawalReason: '内容已过时。' });
      const page = await server.inject({ method: 'GET', url: `/xxgk/doc/${edition.documentId}` });
      expect(page.body).toContain('该信息已撤回');
      expect(page.body).toContain('内容已过时。');
      const again = await act(edition.editionId, 'withdraw', 'edu.reviewer', { reason: '再次撤回' });
      expect(again.statusCode).toBe(409);
      expect(apiError(again).code).toBe('invalid_transition');
      expect(await auditTrail(app, { entityId: edition.documentId, action: 'document.withdrawn' })).toHaveLength(1);
    });

    it('publishes a new edition with its change note while the old one stays public until then', async () => {
      const first = await submitted('edu.editor', { title: '第一版标题' });
      await act(first.editionId, 'publish', 'edu.reviewer');

      const created = await call('POST', `/api/v1/staff/documents/${first.documentId}/editions`, 'edu.editor');
      expect(created.statusCode, created.body).toBe(201);
      const second = created.json<StaffEdition>();
      expect(second).toMatchObject({ documentId: first.documentId, number: 2, state: 'draft', title: '第一版标题' });
      const duplicate = await call('POST', `/api/v1/staff/documents/${first.documentId}/editions`, 'edu.editor');
      expect(duplicate.statusCode).toBe(409);
      expect(apiError(duplicate).code).toBe('draft_exists');

      await call('PATCH', `/api/v1/staff/editions/${second.editionId}`, 'edu.editor', {
        ...sampleContent({ title: '第二版标题' }),
      });
      // A major change needs its note before anyone may publish it.
      const withoutNote = await act(second.editionId, 'submit', 'edu.editor');
      expect(withoutNote.statusCode).toBe(400);
      expect(apiError(withoutNote).fields?.map((f) => f.field)).toEqual(['changeNote']);
      await call('PATCH', `/api/v1/staff/editions/${second.editionId}`, 'edu.editor', {
        ...sampleContent({ title: '第二版标题', changeNote: '调整了报名时间' }),
      });
      await act(second.editionId, 'submit', 'edu.editor');
      const meanwhile = await call('GET', `/api/v1/documents/${first.documentId}`, undefined);
      expect(meanwhile.json()).toMatchObject({ title: '第一版标题', version: '1.0' });

      const published = await act(second.editionId, 'publish', 'edu.reviewer');
      expect(published.json()).toMatchObject({ state: 'published', version: '2.0', changeNote: '调整了报名时间' });
      const detail = await call('GET', `/api/v1/documents/${first.documentId}`, undefined);
      expect(detail.json()).toMatchObject({
        title: '第二版标题',
        version: '2.0',
        history: [
          { version: '2.0', changeNote: '调整了报名时间' },
          { version: '1.0', changeNote: '首次发布' },
        ],
      });
      expect(await auditTrail(app, { entityId: first.documentId })).toEqual([
        'document.draft_created',
        'document.submitted',
        'document.published',
        'document.edition_created',
        'document.draft_updated',
        'document.draft_updated',
        'document.submitted',
        'document.published',
      ]);
    });

    it('deletes a draft that was never published', async () => {
      const created = await draft();
      const deleted = await call('DELETE', `/api/v1/staff/editions/${created.editionId}`, 'edu.editor');
      expect(deleted.statusCode).toBe(200);
      expect(deleted.json()).toEqual({ documentDeleted: true });
      const gone = await call('GET', `/api/v1/staff/editions/${created.editionId}`, 'edu.editor');
      expect(gone.statusCode).toBe(404);
    });
  });

  describe('units', () => {
    it.each([
      { action: 'read it', method: 'GET', path: '', payload: undefined },
      { action: 'edit it', method: 'PATCH', path: '', payload: sampleContent({ title: '越权修改' }) },
      { action: 'submit it', method: 'POST', path: '/submit', payload: {} },
      { action: 'delete it', method: 'DELETE', path: '', payload: undefined },
    ] as const)(
      'an editor of another unit cannot $action: 404, and the edition is unchanged',
      async ({ method, path, payload }) => {
        const edition = await draft('edu.editor', { title: '教育局的草稿' });
        const response = await call(
          method,
          `/api/v1/staff/editions/${edition.editionId}${path}`,
          'civ.editor',
          payload,
        );
        expect([403, 404]).toContain(response.statusCode);
        expect(['not_found', 'out_of_scope', 'forbidden']).toContain(apiError(response).code);
        const after = await app.stores.documents.getEdition(edition.editionId);
        expect(after).toMatchObject({ state: 'draft', content: { title: '教育局的草稿' } });
      },
    );

    it.each([
      { action: 'publish', payload: {} },
      { action: 'reject', payload: { reason: '越权退回' } },
      { action: 'schedule', payload: { at: '2026-03-05T09:00:00+08:00' } },
    ])('a reviewer of another unit cannot $action an edition: 404 and nothing changes', async ({ action, payload }) => {
      const edition = await submitted();
      const response = await act(edition.editionId, action, 'civ.reviewer', payload);
      expect([403, 404]).toContain(response.statusCode);
      expect((await app.stores.documents.getEdition(edition.editionId))!.state).toBe('submitted');
    });

    it('does not create a draft in another unit, and does not list that unit’s documents', async () => {
      const response = await call('POST', '/api/v1/staff/documents', 'civ.editor', {
        ...sampleContent(),
        orgId: eduId,
      });
      expect([403, 404]).toContain(response.statusCode);
      const edu = await draft('edu.editor', { title: '只在教育局可见的草稿' });
      const listed = await call('GET', '/api/v1/staff/documents?pageSize=100', 'civ.editor');
      expect(listed.statusCode).toBe(200);
      expect(listed.json<{ items: StaffEdition[] }>().items.map((i) => i.editionId)).not.toContain(edu.editionId);
      const own = await draft('civ.editor', { title: '民政局草稿' }, fixture.orgs.get('civ')!.id);
      const civList = await call('GET', '/api/v1/staff/documents?pageSize=100', 'civ.editor');
      expect(civList.json<{ items: StaffEdition[] }>().items.map((i) => i.editionId)).toContain(own.editionId);
    });

    it.each([
      { org: 'edu', includesOwn: true },
      { org: 'dist', includesOwn: true },
      { org: 'civ', includesOwn: false },
      { org: 'nosuchunit', includesOwn: false },
    ])('filters the staff list by ?org=$org within the reader’s units', async ({ org, includesOwn }) => {
      const own = await draft('edu.editor', { title: `按单位筛选的草稿（${org}）` });
      const response = await call('GET', `/api/v1/staff/documents?org=${org}&pageSize=100`, 'edu.editor');
      expect(response.statusCode).toBe(200);
      const { items, total } = response.json<{ items: StaffEdition[]; total: number }>();
      expect(items.map((i) => i.editionId).includes(own.editionId)).toBe(includesOwn);
      if (!includesOwn) expect({ items, total }).toEqual({ items: [], total: 0 });
    });

    it('does not start a new edition of another unit’s document', async () => {
      const edition = await submitted();
      await act(edition.editionId, 'publish', 'edu.reviewer');
      const response = await call('POST', `/api/v1/staff/documents/${edition.documentId}/editions`, 'civ.editor');
      expect([403, 404]).toContain(response.statusCode);
      expect(await app.stores.documents.editionsOf(edition.documentId)).toHaveLength(1);
    });
  });

  describe('rich text', () => {
    it('stores and serves a body without scripts, event handlers or javascript: links', async () => {
      const created = await draft('edu.editor', { title: '含有危险标签的正文', bodyHtml: XSS_BODY });
      const stored = (await app.stores.documents.getEdition(created.editionId))!.content.bodyHtml;
      const staffRead = (
        await call('GET', `/api/v1/staff/editions/${created.editionId}`, 'edu.editor')
      ).json<StaffEdition>();
      for (const html of [created.bodyHtml, stored, staffRead.bodyHtml]) {
        expect(html).toContain('<p>正文第一段。</p>');
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/onerror/i);
        expect(html).not.toMatch(/javascript:/i);
        expect(html).not.toContain('alert(1)');
      }

      await act(created.editionId, 'submit', 'edu.editor');
      await act(created.editionId, 'publish', 'edu.reviewer');
      const page = await server.inject({ method: 'GET', url: `/xxgk/doc/${created.documentId}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('正文第一段。');
      for (const body of [page.body, (await call('GET', `/api/v1/documents/${created.documentId}`, undefined)).body]) {
        expect(body).not.toMatch(/<script/i);
        expect(body).not.toMatch(/onerror/i);
        expect(body).not.toMatch(/javascript:/i);
        expect(body).not.toContain('alert(1)');
      }
    });
  });
});
