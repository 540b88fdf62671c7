import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pushUpstreamStatuses,
  UPSTREAM_STATUS_JOB,
  registerRequest,
  submitApplication,
  takeStep,
  UpstreamStatusBody,
} from '../../src/modules/requests/index.ts';
import { PERSON } from '../../src/modules/requests/domain/request.fixture.ts';
import { createHttpStatusSender } from '../../src/adapters/upstream/http-status-sender.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { apiError, HAN, signedIn } from '../http/http-kit.ts';
import { postUpstream, signAsUpstream, startStatusReceiver, UPSTREAM_SECRET } from './provincial-kit.ts';

const NOW = '2026-09-18T02:00:00Z';
const INTAKE = '/api/v1/upstream/foi/applications';

/** An application as the provincial platform forwards it: the API's fields and its own reference. */
function forwarded(upstreamId: string, overrides: Record<string, unknown> = {}) {
  return { ...PERSON, agency: 'edu', upstreamId, name: '省平台申请人', ...overrides };
}

/**
 * The link with the provincial disclosure platform (省级政府信息公开申请平台): applications it
 * forwards arrive signed (HMAC-SHA256 over timestamp, nonce and the raw body), are stored once per
 * reference as online applications awaiting receipt (条例 Art. 31), and every later change of state
 * goes back to a real HTTP server on loopback, signed, in order, retried until it is accepted.
 */
describe.each(DIALECTS)('provincial platform link on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let receiver: Awaited<ReturnType<typeof startStatusReceiver>>;
  const at = () => app.clock.now();

  beforeAll(async () => {
    receiver = await startStatusReceiver(() => app.clock.now());
    app = await createTestApp(dialect, {
      now: NOW,
      env: { GONGKAI_UPSTREAM_SECRET: UPSTREAM_SECRET, GONGKAI_UPSTREAM_STATUS_URL: receiver.url },
    });
    fixture = await seedFixture(app, [{ role: 'foi_officer', org: 'edu' }]);
    await markAsDemo(app);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await receiver?.stop();
  });

  const countRequests = async () =>
    Number(
      (
        await app.database.db
          .selectFrom('foi_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  const outbox = (requestId: string) =>
    app.database.db
      .selectFrom('foi_upstream_outbox')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('seq')
      .execute();
  const push = () =>
    pushUpstreamStatuses({ uow: app.uow, stores: app.stores, clock: app.clock, sender: app.upstreamSender! });
  const deps = async () => ({ uow: app.uow, clock: app.clock, calendar: await app.calendarCache.get() });

  it('stores a signed application as a provincial one awaiting receipt, audited without personal data', async () => {
    const before = await countRequests();
    const response = await postUpstream(server, forwarded('SQ-2026-000001'), { at: at() });
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json<Record<string, unknown>>();
    expect(answer).toMatchObject({
      upstreamId: 'SQ-2026-000001',
      agency: { code: 'edu', name: '测试区教育局' },
      state: 'submitted',
      duplicate: false,
    });
    expect(answer.trackingCode).toMatch(/^YS-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(await countRequests()).toBe(before + 1);

    const stored = await app.stores.requests.getByUpstreamId('SQ-2026-000001');
    expect(stored).toMatchObject({
      trackingCode: answer.trackingCode,
      channel: 'provincial',
      state: 'submitted',
      // 条例 Art. 31: an application over the Internet is received the day both sides confirm it.
      receivedOn: null,
      upstreamId: 'SQ-2026-000001',
    });
    const audit = await app.stores.audit.find(
      { action: 'request.submitted', entityId: stored!.id },
      { offset: 0, limit: 5 },
    );
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]!.actorName).toBe('系统(省级政府信息公开申请平台)');
    expect(audit.items[0]!.after).toMatchObject({ channel: 'provincial', upstreamId: 'SQ-2026-000001' });
    expect(JSON.stringify(audit.items[0])).not.toContain(PERSON.idNumber);
    // The submission itself is the answer; nothing is queued until the agency acts.
    expect(await outbox(stored!.id)).toHaveLength(0);
  });

  it('answers the same reference sent again with the same tracking code and stores it once', async () => {
    const first = await postUpstream(server, forwarded('SQ-2026-000002'), { at: at() });
    expect(first.statusCode).toBe(201);
    const before = await countRequests();
    const again = await postUpstream(server, forwarded('SQ-2026-000002', { name: '改了名字' }), { at: at() });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({
      trackingCode: first.json<{ trackingCode: string }>().trackingCode,
      duplicate: true,
    });
    expect(await countRequests()).toBe(before);
    expect((await app.stores.requests.getByUpstreamId('SQ-2026-000002'))!.applicant.name).toBe('省平台申请人');
  });

  it('stores one request when the same reference arrives on two connections at once', async () => {
    const before = await countRequests();
    const answers = await Promise.all(
      [1, 2, 3].map(() => postUpstream(server, forwarded('SQ-2026-000003'), { at: at() })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    const codes = new Set(answers.map((a) => a.json<{ trackingCode: string }>().trackingCode));
    expect(codes.size).toBe(1);
    expect(answers.filter((a) => a.json<{ duplicate: boolean }>().duplicate === false)).toHaveLength(1);
    expect(await countRequests()).toBe(before + 1);
  });

  describe('refuses, storing nothing', () => {
    const body = JSON.stringify(forwarded('SQ-2026-REFUSED'));
    const good = () => signAsUpstream(body, { at: at() });
    it.each([
      {
        label: 'a wrong signature',
        headers: () => ({ ...good(), 'x-gongkai-signature': 'ab'.repeat(32) }),
        code: 'signature_invalid',
      },
      {
        label: 'another secret',
        headers: () => signAsUpstream(body, { at: at(), secret: `${UPSTREAM_SECRET}x` }),
        code: 'signature_invalid',
      },
      {
        label: 'a body changed after signing',
        headers: () => signAsUpstream(body.replace('省平台申请人', '改过的申请人'), { at: at() }),
        code: 'signature_invalid',
      },
      {
        label: 'a signature in base64',
        headers: () => ({ ...good(), 'x-gongkai-signature': Buffer.alloc(32).toString('base64') }),
        code: 'signature_invalid',
      },
      {
        label: 'a timestamp six minutes old',
        headers: () => signAsUpstream(body, { at: new Date(at().getTime() - 6 * 60_000) }),
        code: 'signature_stale',
      },
      {
        label: 'a timestamp six minutes ahead',
        headers: () => signAsUpstream(body, { at: new Date(at().getTime() + 6 * 60_000) }),
        code: 'signature_stale',
      },
      { label: 'no signature headers', headers: () => ({}), code: 'signature_missing' },
      { label: 'no nonce', headers: () => ({ ...good(), 'x-gongkai-nonce': '' }), code: 'signature_missing' },
      {
        label: 'a bearer token instead (the API group refuses unknown tokens first)',
        headers: () => ({ authorization: 'Bearer gk_whatever' }),
        code: 'invalid_token',
      },
    ])('$label: 401 $code in Chinese', async ({ headers, code }) => {
      const before = await countRequests();
      const response = await server.inject({
        method: 'POST',
        url: INTAKE,
        headers: { 'content-type': 'application/json', ...headers() },
        payload: body,
      });
      expect(response.statusCode).toBe(401);
      expect(apiError(response).code).toBe(code);
      expect(await countRequests()).toBe(before);
    });

    it('a replayed request: the same nonce a second time (401 signature_replayed)', async () => {
      const headers = signAsUpstream(JSON.stringify(forwarded('SQ-2026-REPLAY')), { at: at() });
      const send = () =>
        server.inject({
          method: 'POST',
          url: INTAKE,
          headers: { 'content-type': 'application/json', ...headers },
          payload: JSON.stringify(forwarded('SQ-2026-REPLAY')),
        });
      expect((await send()).statusCode).toBe(201);
      const before = await countRequests();
      const replay = await send();
      expect(replay.statusCode).toBe(401);
      expect(apiError(replay).code).toBe('signature_replayed');
      // Four minutes later the nonce is still remembered; a fresh nonce goes through (idempotently).
      app.clock.advanceMinutes(4);
      try {
        expect(apiError(await send()).code).toBe('signature_replayed');
        const fresh = await postUpstream(server, forwarded('SQ-2026-REPLAY'), { at: at() });
        expect(fresh.json()).toMatchObject({ duplicate: true });
      } finally {
        app.clock.set(NOW);
      }
      expect(await countRequests()).toBe(before);
    });

    it('a replay sent to two instances at once: one of them takes it, the other refuses it', async () => {
      const other = await createTestServer(app);
      try {
        const payload = JSON.stringify(forwarded('SQ-2026-TWICE'));
        const headers = { 'content-type': 'application/json', ...signAsUpstream(payload, { at: at() }) };
        const answers = await Promise.all(
          [server, other, server, other].map((instance) =>
            instance.inject({ method: 'POST', url: INTAKE, headers, payload }),
          ),
        );
        expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 401, 401, 401]);
        for (const refused of answers.filter((a) => a.statusCode === 401)) {
          expect(apiError(refused).code).toBe('signature_replayed');
        }
      } finally {
        await other.close();
      }
    });

    it('forgets nonces once their time window has closed', async () => {
      await postUpstream(server, forwarded('SQ-2026-PRUNE'), { at: at(), nonce: 'prune-nonce-0000000001' });
      app.clock.advanceMinutes(11);
      try {
        await postUpstream(server, forwarded('SQ-2026-PRUNE'), { at: at() });
        const kept = await app.database.db.selectFrom('upstream_nonces').select('nonce').execute();
        expect(kept.map((n) => n.nonce)).not.toContain('prune-nonce-0000000001');
        expect(kept.length).toBeGreaterThan(0);
      } finally {
        app.clock.set(NOW);
      }
    });

    it.each([
      {
        label: 'malformed JSON',
        payload: '{"agency": "edu",',
        type: 'application/json',
        status: 400,
        code: 'malformed_json',
      },
      { label: 'an empty body', payload: '', type: 'application/json', status: 400, code: 'malformed_json' },
      { label: 'a JSON array', payload: '[1,2]', type: 'application/json', status: 400, code: 'validation_failed' },
      {
        label: 'bytes that are not UTF-8',
        payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
        type: 'application/json',
        status: 400,
        code: 'malformed_json',
      },
      {
        label: 'a __proto__ key',
        payload: '{"__proto__":{"x":1}}',
        type: 'application/json',
        status: 400,
        code: 'malformed_json',
      },
      {
        label: 'nesting 100 deep',
        payload: `${'['.repeat(100)}${']'.repeat(100)}`,
        type: 'application/json',
        status: 400,
        code: 'input_too_deep',
      },
      {
        label: 'a NUL character',
        payload: JSON.stringify(forwarded('SQ-NUL', { name: 'a\u0000b' })),
        type: 'application/json',
        status: 400,
        code: 'validation_failed',
      },
      {
        label: 'a form body',
        payload: 'agency=edu&upstreamId=x',
        type: 'application/x-www-form-urlencoded',
        status: 415,
        code: 'unsupported_media_type',
      },
      {
        label: 'a multipart body',
        payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
        type: 'multipart/form-data; boundary=x',
        status: 415,
        code: 'unsupported_media_type',
      },
    ])('$label, signed: $status $code', async ({ payload, type, status, code }) => {
      const before = await countRequests();
      const response = await server.inject({
        method: 'POST',
        url: INTAKE,
        headers: { 'content-type': type, ...signAsUpstream(payload, { at: at() }) },
        payload,
      });
      expect(response.statusCode, response.body).toBe(status);
      expect(apiError(response).code).toBe(code);
      expect(await countRequests()).toBe(before);
    });

    it('a bad application: every problem by field in Chinese, the reference included', async () => {
      const before = await countRequests();
      const response = await postUpstream(
        server,
        forwarded('bad reference!', { agency: 'nosuchunit', name: '', idNumber: '330106199003071235', phone: '12' }),
        { at: at() },
      );
      expect(response.statusCode).toBe(400);
      const error = apiError(response);
      expect(error.code).toBe('validation_failed');
      const fields = error.fields!.map((f) => f.field);
      for (const field of ['upstreamId', 'agency', 'name', 'idNumber', 'phone']) expect(fields).toContain(field);
      for (const issue of error.fields!) expect(issue.message).toMatch(HAN);
      expect(await countRequests()).toBe(before);
    });

    it('an application without a reference', async () => {
      const { upstreamId: _dropped, ...withoutReference } = forwarded('x');
      const response = await postUpstream(server, withoutReference, { at: at() });
      expect(response.statusCode).toBe(400);
      expect(apiError(response).fields).toEqual([
        { field: 'upstreamId', message: expect.stringMatching(HAN) as string },
      ]);
    });
  });

  it('pushes every change of state, signed and in order, and audits each push', async () => {
    const created = await postUpstream(server, forwarded('SQ-2026-000010'), { at: at() });
    const requestId = (await app.stores.requests.getByUpstreamId('SQ-2026-000010'))!.id;
    const officer = fixture.staff('edu.foi_officer');
    await registerRequest({ ...(await deps()), actor: officer, requestId, receivedOn: '2026-09-18' });
    await takeStep({
      ...(await deps()),
      actor: officer,
      requestId,
      action: { kind: 'assign', assigneeId: officer.userId, assigneeName: officer.displayName },
    });
    await takeStep({
      ...(await deps()),
      actor: officer,
      requestId,
      action: {
        kind: 'reply',
        on: '2026-09-18',
        outcome: '3.4.1',
        reason: '经检索，本机关未制作或获取该信息。',
        withheld: [],
      },
    });
    await takeStep({
      ...(await deps()),
      actor: officer,
      requestId,
      action: { kind: 'deliver', on: '2026-09-18', method: 'online', proof: '', proofFiles: 0 },
    });
    await takeStep({ ...(await deps()), actor: officer, requestId, action: { kind: 'archive', on: '2026-09-18' } });
    // Each change queued its status in its own transaction.
    expect((await outbox(requestId)).map((row) => [row.seq, row.sent_at])).toEqual([
      [2, null],
      [3, null],
      [4, null],
      [5, null],
      [6, null],
    ]);

    const already = receiver.received.length;
    // Through the job the serving process runs every 15 seconds (src/app/jobs.ts).
    await app.stores.jobs.send(UPSTREAM_STATUS_JOB, {});
    expect(await app.jobs.runner.runDue()).toBe(1);
    expect((await outbox(requestId)).every((row) => row.sent_at !== null)).toBe(true);
    const statuses = receiver.received.slice(already);
    expect(statuses.every((s) => s.signatureValid && s.timestampFresh)).toBe(true);
    for (const status of statuses) expect(UpstreamStatusBody.safeParse(status.body).success).toBe(true);
    expect(statuses.map((s) => [s.body.seq, s.body.event, s.body.state])).toEqual([
      [2, 'received', 'registered'],
      [3, 'assigned', 'processing'],
      [4, 'replied', 'replied'],
      [5, 'delivered', 'replied'],
      [6, 'archived', 'archived'],
    ]);
    expect(statuses[0]!.body).toMatchObject({
      upstreamId: 'SQ-2026-000010',
      trackingCode: created.json<{ trackingCode: string }>().trackingCode,
      receivedOn: '2026-09-18',
      closed: false,
      outcome: null,
    });
    expect(statuses[0]!.body.dueOn).toMatch(/^2026-10-\d\d$/);
    expect(statuses[2]!.body).toMatchObject({ closed: true, outcome: { code: '3.4.1', group: '无法提供' } });
    expect((await outbox(requestId)).every((row) => row.sent_at !== null && Number(row.attempts) === 1)).toBe(true);

    const pushes = await app.stores.audit.find(
      { action: 'request.status_pushed', entityId: requestId },
      { offset: 0, limit: 10 },
    );
    expect(pushes.items).toHaveLength(5);
    expect(pushes.items[0]!.actorName).toBe('系统(省级平台状态推送)');
    // Nothing is sent twice.
    expect(await push()).toEqual({ sent: 0, failed: 0 });
  });

  it('keeps statuses while the platform is down or failing, backs off, and delivers them all in order later', async () => {
    await postUpstream(server, forwarded('SQ-2026-000020'), { at: at() });
    const requestId = (await app.stores.requests.getByUpstreamId('SQ-2026-000020'))!.id;
    const officer = fixture.staff('edu.foi_officer');
    await registerRequest({ ...(await deps()), actor: officer, requestId, receivedOn: '2026-09-18' });
    const already = receiver.received.length;
    try {
      // Connection refused.
      await receiver.stop();
      expect(await push()).toEqual({ sent: 0, failed: 1 });
      let [head] = await outbox(requestId);
      expect(head).toMatchObject({ attempts: 1, sent_at: null, next_attempt_at: '2026-09-18T02:00:30.000Z' });
      expect(head!.last_error).toMatch(/fetch failed/);
      // A later change waits behind the one not yet delivered.
      await takeStep({
        ...(await deps()),
        actor: officer,
        requestId,
        action: { kind: 'withdraw', on: '2026-09-18' },
      });
      expect(await push()).toEqual({ sent: 0, failed: 0 });

      // Back on the network but failing: 500, and the wait doubles.
      await receiver.start();
      receiver.answer(500);
      app.clock.set('2026-09-18T02:00:31Z');
      expect(await push()).toEqual({ sent: 0, failed: 1 });
      [head] = await outbox(requestId);
      expect(head).toMatchObject({ attempts: 2, last_error: 'HTTP 500', next_attempt_at: '2026-09-18T02:01:31.000Z' });
      app.clock.set('2026-09-18T02:01:00Z');
      expect(await push()).toEqual({ sent: 0, failed: 0 });

      // Working again: both statuses, in order, each signed at the time of sending.
      receiver.answer(200);
      app.clock.set('2026-09-18T02:01:31Z');
      const page = await server.inject({
        method: 'GET',
        url: `/admin/ysqgk/${requestId}`,
        cookies: await signedIn(server, 'edu.foi_officer'),
      });
      expect(page.body).toContain('已推送 0 条，待推送 2 条');
      expect(page.body).toContain('已尝试 2 次未送达');
      expect(await push()).toEqual({ sent: 2, failed: 0 });
    } finally {
      receiver.answer(200);
      app.clock.set(NOW);
    }
    const statuses = receiver.received.slice(already);
    expect(statuses.map((s) => [s.body.upstreamId, s.body.seq, s.body.event])).toEqual([
      ['SQ-2026-000020', 2, 'received'],
      ['SQ-2026-000020', 3, 'withdrawn'],
    ]);
    expect(statuses.every((s) => s.signatureValid && s.timestampFresh)).toBe(true);
    expect((await outbox(requestId)).map((row) => Number(row.attempts))).toEqual([3, 1]);
  });

  it('gives up on a platform that does not answer in time, and tries again later', async () => {
    await postUpstream(server, forwarded('SQ-2026-000030'), { at: at() });
    const requestId = (await app.stores.requests.getByUpstreamId('SQ-2026-000030'))!.id;
    await registerRequest({
      ...(await deps()),
      actor: fixture.staff('edu.foi_officer'),
      requestId,
      receivedOn: '2026-09-18',
    });
    const impatient = createHttpStatusSender({
      url: receiver.url,
      secret: UPSTREAM_SECRET,
      clock: app.clock,
      timeoutMs: 300,
    });
    receiver.answer(0);
    try {
      const started = Date.now();
      expect(
        await pushUpstreamStatuses({ uow: app.uow, stores: app.stores, clock: app.clock, sender: impatient }),
      ).toEqual({
        sent: 0,
        failed: 1,
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      const [head] = await outbox(requestId);
      expect(head).toMatchObject({ attempts: 1, sent_at: null });
      expect(head!.last_error).toMatch(/timeout|abort/i);
      receiver.answer(200);
      app.clock.set('2026-09-18T02:00:30Z');
      expect(await push()).toEqual({ sent: 1, failed: 0 });
    } finally {
      receiver.answer(200);
      app.clock.set(NOW);
    }
  });

  it('queues nothing for applications that did not come from the provincial platform', async () => {
    const { request } = await submitApplication({
      uow: app.uow,
      clock: app.clock,
      cipher: app.cipher,
      actor: { kind: 'public' },
      channel: 'online',
      agencyCode: 'edu',
      input: { ...PERSON, description: '本平台网上申请的信息' },
    });
    await registerRequest({
      ...(await deps()),
      actor: fixture.staff('edu.foi_officer'),
      requestId: request.id,
      receivedOn: '2026-09-18',
    });
    expect(await outbox(request.id)).toHaveLength(0);
  });

  it('shows staff where a request came from, in the inbox and on its page', async () => {
    const jar = await signedIn(server, 'edu.foi_officer');
    const inbox = await server.inject({ method: 'GET', url: '/admin/ysqgk?channel=provincial', cookies: jar });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('<td>省级平台转来</td>');
    expect(inbox.body).not.toContain('<td>网上申请</td>');
    const requestId = (await app.stores.requests.getByUpstreamId('SQ-2026-000001'))!.id;
    const page = await server.inject({ method: 'GET', url: `/admin/ysqgk/${requestId}`, cookies: jar });
    expect(page.body).toContain('省级平台转来');
    expect(page.body).toContain('SQ-2026-000001');
    const archive = await server.inject({ method: 'GET', url: `/admin/ysqgk/${requestId}/case.zip`, cookies: jar });
    expect(archive.statusCode).toBe(200);
    const application = strFromU8(unzipSync(archive.rawPayload)['1-申请.txt']!);
    expect(application).toContain('申请渠道：省级平台转来');
    expect(application).toContain('省级平台申请编号：SQ-2026-000001');
  });

  it('describes the intake and the status push in the OpenAPI document', async () => {
    const document = (await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: unknown; parameters?: { name: string; in: string }[] }>>;
      webhooks: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: { properties: object } }> } } }
      >;
      components: { securitySchemes: Record<string, { description: string }> };
    }>();
    const intake = document.paths[INTAKE]!.post!;
    expect(intake.security).toEqual([{ signedBody: [] }]);
    expect(intake.parameters!.filter((p) => p.in === 'header').map((p) => p.name)).toEqual([
      'x-gongkai-timestamp',
      'x-gongkai-nonce',
      'x-gongkai-signature',
    ]);
    expect(document.components.securitySchemes.signedBody!.description).toContain('HMAC-SHA256');
    const status = document.webhooks.upstreamStatus!.post.requestBody.content['application/json']!.schema;
    expect(Object.keys(status.properties)).toEqual(
      expect.arrayContaining(['upstreamId', 'seq', 'event', 'state', 'outcome']),
    );
  });

  it('answers 404 upstream_disabled in Chinese when no secret is configured, and stores nothing', async () => {
    const off = await createTestApp(dialect, { now: NOW });
    try {
      await seedFixture(off, []);
      const offServer = await createTestServer(off);
      try {
        const response = await postUpstream(offServer, forwarded('SQ-2026-OFF'), { at: at() });
        expect(response.statusCode).toBe(404);
        expect(apiError(response).code).toBe('upstream_disabled');
        expect(off.upstreamSender).toBeUndefined();
        expect(await off.stores.requests.getByUpstreamId('SQ-2026-OFF')).toBeUndefined();
      } finally {
        await offServer.close();
      }
    } finally {
      await off.cleanup();
    }
  });
});
