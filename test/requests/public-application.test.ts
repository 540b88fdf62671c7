import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture } from '../fixtures.ts';
import { csrfFieldOf, HAN, keepCookies, type CookieJar } from '../http/http-kit.ts';

/** An 18-digit identity number with a right check digit (GB 11643), made up. */
const ID_NUMBER = '330106199003071236';
const PHONE = '13800138000';

/** A complete application by a natural person, as the form sends it. */
const APPLICATION = {
  agency: 'edu',
  applicantKind: 'natural',
  name: '张示范',
  idType: 'resident_id',
  idNumber: ID_NUMBER,
  phone: PHONE,
  email: 'Zhang.Demo@Example.cn',
  description: '2026年春季学期义务教育阶段学校招生计划',
  documentNumber: '',
  purpose: '',
  form: 'electronic',
  delivery: 'email',
};

/**
 * A resident applies without an account (条例 Art. 29), gets a tracking code only once the
 * application is stored, and tracks it with the code and a second factor; a bad application is
 * refused with every problem in Chinese and nothing stored. The form and the JSON API share it.
 */
describe.each(DIALECTS)('disclosure application on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-09-18T02:00:00Z' });
    await seedFixture(app, []);
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
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

  /** Opens the form as a browser does and posts it with the page's CSRF token and cookie. */
  async function postForm(url: string, fields: Record<string, string>, formUrl = url) {
    const page = await server.inject({ method: 'GET', url: formUrl });
    const jar: CookieJar = keepCookies(page);
    return server.inject({ method: 'POST', url, cookies: jar, payload: { _csrf: csrfFieldOf(page.body), ...fields } });
  }

  async function apply(fields: Record<string, string> = APPLICATION): Promise<string> {
    const response = await postForm('/ysqgk/apply', fields);
    expect(response.statusCode, response.body.slice(0, 400)).toBe(303);
    const match = /^\/ysqgk\/receipt\/(YS-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})$/.exec(
      String(response.headers.location),
    );
    expect(match, String(response.headers.location)).not.toBeNull();
    return match![1]!;
  }

  it('lists the agencies that receive applications, and neither villages nor public institutions', async () => {
    const page = await server.inject({ method: 'GET', url: '/ysqgk/apply' });
    expect(page.statusCode).toBe(200);
    for (const name of ['测试区人民政府', '测试区教育局', '测试区甲镇人民政府']) {
      expect(page.body).toContain(`>${name}</option>`);
    }
    expect(page.body).not.toContain('>甲镇乙村村民委员会</option>');
    expect(page.body).not.toContain('>测试区第一小学</option>');
    expect(page.body).toContain('条例第二十七条');
  });

  it('stores the application before showing the receipt with its tracking code, sealed and audited', async () => {
    const before = await countRequests();
    const code = await apply();
    expect(await countRequests()).toBe(before + 1);

    const receipt = await server.inject({ method: 'GET', url: `/ysqgk/receipt/${code}` });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain(code);
    expect(receipt.body).toContain('测试区教育局');

    const row = await app.database.db
      .selectFrom('foi_requests')
      .selectAll()
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('submitted');
    expect(row.received_on).toBeNull();
    // Identity and contacts are sealed at rest; lists get the masked number only.
    const stored = JSON.stringify(row);
    for (const secret of [ID_NUMBER, PHONE, 'zhang.demo@example.cn']) expect(stored).not.toContain(secret);
    expect(row.id_number_masked).toBe('330106********1236');
    expect(app.cipher.open(row.id_number_sealed)).toBe(ID_NUMBER);

    const audit = await app.stores.audit.find(
      { action: 'request.submitted', entityId: row.id },
      { offset: 0, limit: 5 },
    );
    expect(audit.items).toHaveLength(1);
    expect(JSON.stringify(audit.items[0])).not.toContain(ID_NUMBER);
    expect(audit.items[0]!.actorName).toBe('公众');
  });

  it.each([
    { factor: PHONE.slice(-4), label: 'the last four digits of the phone' },
    { factor: ' ZHANG.demo@example.CN ', label: 'the e-mail in any case' },
  ])('tracks a request with its code and $label', async ({ factor }) => {
    const code = await apply();
    const response = await postForm('/ysqgk/track', { code: code.toLowerCase().replace(/-/g, ' '), factor });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(code);
    expect(response.body).toContain('待确认收到');
    expect(response.body).toContain('提交申请');
    expect(response.body).toContain('测试区教育局');
  });

  it.each([
    { label: 'a wrong second factor', code: 'own', factor: '0000', status: 404, message: '没有找到' },
    {
      label: 'a code that does not exist',
      code: 'YS-22222-22222',
      factor: PHONE.slice(-4),
      status: 404,
      message: '没有找到',
    },
    { label: 'no code', code: '', factor: '1234', status: 400, message: '请填写申请查询码' },
    { label: 'no second factor', code: 'own', factor: '', status: 400, message: '手机号码的后4位' },
  ])('refuses tracking with $label, saying so in Chinese', async ({ code, factor, status, message }) => {
    const own = await apply();
    const response = await postForm('/ysqgk/track', { code: code === 'own' ? own : code, factor });
    expect(response.statusCode).toBe(status);
    expect(response.body).toContain(message);
    expect(response.body).not.toContain('提交申请</li>');
  });

  it.each([
    {
      label: 'a wrong check digit in the ID number',
      change: { idNumber: '330106199003071235' },
      field: 'idNumber',
      message: '居民身份证号码不正确',
    },
    { label: 'no description', change: { description: '' }, field: 'description', message: '第二十九条' },
    { label: 'an unknown agency', change: { agency: 'nowhere' }, field: 'agency', message: '所选受理机关不存在' },
    { label: 'a public institution as agency', change: { agency: 'school' }, field: 'agency', message: '第五十五条' },
    { label: 'e-mail delivery without an e-mail', change: { email: '' }, field: 'email', message: '电子邮箱' },
    { label: 'no applicant kind', change: { applicantKind: 'robot' }, field: 'applicantKind', message: '申请人类型' },
    { label: 'a credit code for a person', change: { idType: 'credit_code' }, field: 'idType', message: '自然人' },
  ])(
    'refuses $label on the form with 400, the problem beside its field, nothing stored',
    async ({ change, field, message }) => {
      const before = await countRequests();
      const response = await postForm('/ysqgk/apply', { ...APPLICATION, ...change });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(message);
      expect(response.body).toContain(`id="${field}-error"`);
      // What was typed comes back.
      expect(response.body).toContain('value="张示范"');
      expect(await countRequests()).toBe(before);
    },
  );

  it('refuses a form post without the page token (CSRF) and stores nothing', async () => {
    const before = await countRequests();
    const response = await server.inject({ method: 'POST', url: '/ysqgk/apply', payload: APPLICATION });
    expect(response.statusCode).toBe(403);
    expect(await countRequests()).toBe(before);
  });

  describe('POST /api/v1/foi/applications', () => {
    const post = (payload: unknown) =>
      server.inject({
        method: 'POST',
        url: '/api/v1/foi/applications',
        headers: { 'content-type': 'application/json' },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });

    it('stores an application by an organisation addressed to a village at its town (条例 Art. 27)', async () => {
      const response = await post({
        ...APPLICATION,
        agency: 'vil',
        applicantKind: 'legal',
        organisationKind: 'research',
        name: '示范区社会发展研究所（演示）',
        idType: 'credit_code',
        idNumber: '91350100M000100Y43',
        contactPerson: '李示范',
        form: 'paper',
        delivery: 'post',
        address: '示范区示范路1号',
        postcode: '350100',
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<{ trackingCode: string; agency: unknown; state: string }>();
      expect(body.trackingCode).toMatch(/^YS-[2-9A-Z]{5}-[2-9A-Z]{5}$/);
      expect(body.agency).toEqual({ code: 'town', name: '测试区甲镇人民政府' });
      expect(body.state).toBe('submitted');
      const stored = await app.stores.requests.getByTrackingCode(body.trackingCode);
      expect(stored?.applicant.organisationKind).toBe('research');
    });

    it.each([
      {
        label: 'bad ID number and missing description',
        payload: { ...APPLICATION, idNumber: '12345', description: '' },
        code: 'validation_failed',
        fields: ['idNumber', 'description'],
      },
      {
        label: 'unknown agency',
        payload: { ...APPLICATION, agency: 'nowhere' },
        code: 'validation_failed',
        fields: ['agency'],
      },
      {
        label: 'a number where text belongs',
        payload: { ...APPLICATION, name: 42 },
        code: 'validation_failed',
        fields: ['name'],
      },
      { label: 'malformed JSON', payload: '{"agency": "edu",', code: 'malformed_json', fields: [] },
      { label: 'a JSON array', payload: '[]', code: 'validation_failed', fields: [] },
    ])(
      'refuses $label with 400, a stable code, Chinese messages, nothing stored',
      async ({ payload, code, fields }) => {
        const before = await countRequests();
        const response = await post(payload);
        expect(response.statusCode).toBe(400);
        const body = response.json<{ code: string; message: string; fields?: { field: string; message: string }[] }>();
        expect(body.code).toBe(code);
        expect(body.message).toMatch(HAN);
        for (const name of fields) {
          const issue = body.fields?.find((f) => f.field === name);
          expect(issue, name).toBeDefined();
          expect(issue!.message).toMatch(HAN);
        }
        expect(await countRequests()).toBe(before);
      },
    );

    it('is in the OpenAPI document as a public operation', async () => {
      const doc = (await server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{
        paths: Record<string, { post?: unknown }>;
      }>();
      expect(doc.paths['/api/v1/foi/applications']?.post).toBeDefined();
    });
  });
});
