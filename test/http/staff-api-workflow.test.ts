import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makePng } from '../../src/demo/files.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { sampleContent, type Fixture } from '../fixtures.ts';
import { apiError, auditTrail, multipart } from './http-kit.ts';
import { seedStaffApi, STAFF_API_APP_OPTIONS, staffApiClient, type StaffEdition } from './staff-api-kit.ts';

/** The staff workflow over the JSON API with personal tokens: every step, and who may take it. */
describe.each(DIALECTS)('staff API on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let tokens: Record<string, string>;
  let eduId: string;
  const { call, draft, act, submitted } = staffApiClient(() => ({ server, tokens, eduId }));

  beforeAll(async () => {
    app = await createTestApp(dialect, STAFF_API_APP_OPTIONS);
    ({ fixture, tokens, eduId } = await seedStaffApi(app));
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
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
});
