import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishConsultation, publishSurvey, saveDraft, saveSurvey } from '../../src/modules/participation/index.ts';
import {
  VERIFIED_COOKIE,
  verifiedCookieValue,
  verifiedPersonOfValue,
} from '../../src/modules/participation/http/verification-cookie.ts';
import { createTestApp, createTestServer, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { seedFixture, type Fixture } from '../fixtures.ts';
import { auditTrail, csrfFieldOf, HAN, keepCookies, setCookieLine, type CookieJar } from '../http/http-kit.ts';
import { decode, startSmtpServer } from '../mail/smtp-kit.ts';
import { startHttpSink } from '../notifications/http-sink.ts';

const SMS_SECRET = 'sms-gateway-shared-secret-0123456789abcdef';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const EMAIL = 'Zhang.San@Example.CN';
const MOBILE = '138 0013 8000';
const QUESTION = {
  id: '',
  kind: 'single',
  title: '',
  required: true,
  remove: false,
  options: '',
  minSelections: '',
  maxSelections: '',
  maxLength: '',
  from: '1',
  to: '5',
  fromLabel: '',
  toLabel: '',
};

/**
 * Verified identity through the real pages on both databases, with a real SMTP server and a real
 * HTTP SMS gateway on loopback: a resident asks for a code by e-mail or SMS, reads it from the
 * delivered message, enters it, and gets a signed HttpOnly cookie carrying only a person key; a
 * verified comment is marked 已验证 and limited per person whatever address it comes from; a
 * one-per-person survey asks for verification first and takes one sheet per person, refusing the
 * same person from a fresh browser. Wrong codes count and burn, resends are limited, `next` stays
 * on the column, and no table, mail log or cookie holds the contact.
 */
describe.each(DIALECTS)('verified identity on $name', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startHttpSink>>;
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let consultationId: string;
  let surveyId: string;
  let questionId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    gateway = await startHttpSink({ secret: SMS_SECRET, now: () => app.clock.now() });
    app = await createTestApp(dialect, {
      now: '2026-03-02T02:00:00Z',
      env: { GONGKAI_SMTP_URL: smtp.url, GONGKAI_SMS_URL: `${gateway.url}/sms`, GONGKAI_SMS_SECRET: SMS_SECRET },
    });
    fixture = await seedFixture(app, [{ role: 'interaction_officer', org: 'civ' }]);
    const officer = fixture.staff('civ.interaction_officer');
    const consultation = await saveDraft({
      uow: app.uow,
      clock: app.clock,
      actor: officer,
      consultationId: null,
      input: {
        orgId: fixture.orgs.get('civ')!.id,
        title: '示范区养犬管理办法（征求意见稿）',
        summary: '征求意见',
        major: false,
        shortReason: '',
        opensOn: '2026-03-02',
        closesOn: '2026-04-30',
        text: '第一条 为规范养犬行为，制定本办法。\n第二条 本办法适用于本区。',
      },
    });
    consultationId = consultation.id;
    await publishConsultation({ uow: app.uow, clock: app.clock, actor: officer, consultationId });
    const survey = await saveSurvey({
      uow: app.uow,
      clock: app.clock,
      actor: officer,
      surveyId: null,
      input: {
        orgId: fixture.orgs.get('civ')!.id,
        title: '示范区居民议事会代表意向调查',
        description: '每人限答一次。',
        opensAt: '2026-03-02T10:00',
        closesAt: '2026-03-31T18:00',
        perAddressPerDay: '',
        limitKind: 'one_per_person',
        questions: [{ ...QUESTION, title: '您是否愿意担任居民议事会代表？', options: '愿意\n不愿意' }],
      },
    });
    surveyId = survey.id;
    await publishSurvey({ uow: app.uow, clock: app.clock, actor: officer, surveyId });
    questionId = (await app.stores.surveys.get(surveyId))!.questions[0]!.id;
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
    await smtp?.close();
    await gateway?.close();
  });

  const later = (seconds: number) => app.clock.set(new Date(app.clock.now().getTime() + seconds * 1000));
  const get = async (jar: CookieJar, url: string, ip = '203.0.113.7') => {
    const response = await server.inject({ method: 'GET', url, cookies: jar, remoteAddress: ip });
    keepCookies(response, jar);
    return response;
  };
  /** A browser's form post: the page opened for its CSRF token, then the fields posted from `ip`. */
  const post = async (jar: CookieJar, page: string, url: string, fields: [string, string][], ip = '203.0.113.7') => {
    const form = await get(jar, page, ip);
    const token = form.body.includes('name="_csrf"')
      ? csrfFieldOf(form.body)
      : csrfFieldOf((await get(jar, '/hdjl/yz/', ip)).body);
    const response = await server.inject({
      method: 'POST',
      url,
      cookies: jar,
      headers: FORM,
      remoteAddress: ip,
      payload: new URLSearchParams([['_csrf', token], ...fields]).toString(),
    });
    keepCookies(response, jar);
    await app.jobs.runner.runDue();
    return response;
  };
  /** Asks for a code for `contact`, returning to `next`; the response and the code page's path. */
  const askCode = async (jar: CookieJar, contact: string, next: string, ip?: string) => {
    const response = await post(
      jar,
      `/hdjl/yz/?next=${encodeURIComponent(next)}`,
      '/hdjl/yz/',
      [
        ['contact', contact],
        ['next', next],
      ],
      ip,
    );
    return { response, codePage: String(response.headers.location ?? '') };
  };
  const enterCode = (jar: CookieJar, codePage: string, code: string, ip?: string) =>
    post(
      jar,
      codePage,
      new URL(codePage, 'http://x').pathname,
      [
        ['code', code],
        ['next', new URL(codePage, 'http://x').searchParams.get('next') ?? ''],
      ],
      ip,
    );
  const mailedCode = async (to: string, nth: number) => {
    await smtp.waitFor(() => smtp.received.filter((m) => m.to.includes(to)).length >= nth);
    const mail = smtp.received.filter((m) => m.to.includes(to))[nth - 1]!;
    return /验证码是：(\d{6})/.exec(mail.text)![1]!;
  };
  /** Verifies `contact` by e-mail in `jar`, from the mail the SMTP server received. */
  const verifyByMail = async (jar: CookieJar, next: string, nth: number, ip?: string) => {
    const { response, codePage } = await askCode(jar, EMAIL, next, ip);
    expect(response.statusCode).toBe(303);
    const code = await mailedCode('zhang.san@example.cn', nth);
    return enterCode(jar, codePage, code, ip);
  };
  const answer = (jar: CookieJar, ip = '203.0.113.7') =>
    post(jar, `/hdjl/wldc/${surveyId}`, `/hdjl/wldc/${surveyId}`, [[`answers.${questionId}`, '0']], ip);

  const resident: CookieJar = {};
  let personKey = '';

  it('asks for an e-mail address or a mobile number, with the return path kept', async () => {
    const page = await get({}, `/hdjl/yz/?next=${encodeURIComponent(`/hdjl/wldc/${surveyId}`)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('电子邮箱或手机号码');
    expect(page.body).toContain(`name="next" value="/hdjl/wldc/${surveyId}"`);
  });

  it.each([
    ['', '请填写手机号码。'],
    ['zhang@', '电子邮箱地址格式不对'],
    ['12345', '手机号码应为11位数字'],
  ])('refuses %j beside the field, in Chinese', async (contact, message) => {
    const { response } = await askCode({}, contact, '/hdjl/');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(message);
    expect(response.body).toContain('id="contact-error"');
  });

  it('mails a six-digit code and keeps no contact in the verification table', async () => {
    const { response, codePage } = await askCode(resident, EMAIL, `/hdjl/wldc/${surveyId}`);
    expect(response.statusCode).toBe(303);
    expect(codePage).toMatch(new RegExp(`^/hdjl/yz/[0-9a-z]{16}\\?next=%2Fhdjl%2Fwldc%2F${surveyId}$`));
    const mail = await smtp.waitFor((m) => m.to.includes('zhang.san@example.cn'));
    expect(mail.subject).toContain('身份验证码');
    expect(mail.text).toMatch(/验证码是：\d{6}/);
    const page = await get(resident, codePage);
    expect(page.body).toContain('验证码已发送到 z***@example.cn');
    const rows = await app.database.db.selectFrom('contact_verifications').selectAll().execute();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows).toLowerCase();
    expect(stored).not.toContain('zhang.san');
    expect(stored).not.toContain(/验证码是：(\d{6})/.exec(mail.text)![1]!);
    expect(await auditTrail(app, { entityId: rows[0]!.id })).toEqual(['verification.requested']);
  });

  it('refuses a second code to the same address within a minute', async () => {
    const { response } = await askCode({}, EMAIL.toLowerCase(), '/hdjl/');
    expect(response.statusCode).toBe(429);
    expect(response.body).toMatch(/验证码刚刚发出，请\d+秒后再获取。/);
    expect(smtp.received.filter((m) => m.to.includes('zhang.san@example.cn'))).toHaveLength(1);
  });

  it('counts a wrong code, then verifies with the mailed one and returns to the survey', async () => {
    const rows = await app.database.db.selectFrom('contact_verifications').select('id').execute();
    const codePage = `/hdjl/yz/${rows[0]!.id}?next=${encodeURIComponent(`/hdjl/wldc/${surveyId}`)}`;
    const code = await mailedCode('zhang.san@example.cn', 1);
    const wrong = await enterCode(resident, codePage, code === '000000' ? '111111' : '000000');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('验证码不对，还可以再试4次。');
    expect(wrong.body).toContain('id="code-error"');
    const right = await enterCode(resident, codePage, code);
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe(`/hdjl/wldc/${surveyId}`);
    const cookie = setCookieLine(right, VERIFIED_COOKIE)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/hdjl\//);
    expect(cookie).toMatch(/Max-Age=86400/);
    expect(cookie.toLowerCase()).not.toContain('zhang');
    personKey = resident[VERIFIED_COOKIE]!.split('.')[0]!;
    expect(personKey).toMatch(/^[0-9a-f]{32}$/);
    const again = await enterCode(resident, codePage, code);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('这个验证码已经用过');
    expect(await auditTrail(app, { entityId: rows[0]!.id })).toEqual([
      'verification.requested',
      'verification.confirmed',
    ]);
  });

  it('asks an unverified resident to verify before the one-per-person form, and shows the form once verified', async () => {
    const anonymous = await get({}, `/hdjl/wldc/${surveyId}`);
    expect(anonymous.body).toContain('验证身份后答卷');
    expect(anonymous.body).toContain(`href="/hdjl/yz/?next=%2Fhdjl%2Fwldc%2F${surveyId}"`);
    expect(anonymous.body).not.toContain(`name="answers.${questionId}"`);
    const forged = await get(
      { [VERIFIED_COOKIE]: `${'0'.repeat(32)}.${resident[VERIFIED_COOKIE]!.split('.').slice(1).join('.')}` },
      `/hdjl/wldc/${surveyId}`,
    );
    expect(forged.body).toContain('验证身份后答卷');
    const verified = await get(resident, `/hdjl/wldc/${surveyId}`);
    expect(verified.body).toContain('您已验证身份');
    expect(verified.body).toContain(`name="answers.${questionId}"`);
  });

  it('refuses an unverified sheet to a one-per-person survey in Chinese', async () => {
    const response = await answer({});
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('请先验证您的电子邮箱或手机号码');
  });

  it('records the sheet under the person key, and refuses the same person from a fresh browser', async () => {
    const first = await answer(resident);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('答卷已提交');
    const sheets = await app.stores.surveys.answers(surveyId);
    expect(sheets.map((s) => [s.personKey, s.deviceKey])).toEqual([[personKey, null]]);
    later(61);
    const otherDevice: CookieJar = {};
    const verified = await verifyByMail(otherDevice, `/hdjl/wldc/${surveyId}`, 2, '198.51.100.20');
    expect(verified.statusCode).toBe(303);
    expect(otherDevice[VERIFIED_COOKIE]!.split('.')[0]).toBe(personKey);
    const second = await answer(otherDevice, '198.51.100.20');
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('您已参加过本次调查，每人只能提交一次。');
    expect(await app.stores.surveys.countAnswers(surveyId)).toBe(1);
  });

  it('offers verification on the comment form, and marks a verified comment 已验证 without the contact', async () => {
    const formPath = `/hdjl/zjyj/${consultationId}/yijian?p=1`;
    const anonymous = await get({}, formPath);
    expect(anonymous.body).toContain('验证身份（可选）');
    expect(anonymous.body).toContain(`href="/hdjl/yz/?next=${encodeURIComponent(formPath)}"`);
    const form = await get(resident, formPath);
    expect(form.body).toContain('提交的意见将标注“已验证”');
    const response = await post(resident, formPath, `/hdjl/zjyj/${consultationId}/yijian`, [
      ['body', '建议明确夜间遛犬须牵引。'],
      ['name', '张三'],
      ['paragraph', '1'],
    ]);
    expect(response.statusCode).toBe(200);
    const unverified = await post(
      {},
      formPath,
      `/hdjl/zjyj/${consultationId}/yijian`,
      [
        ['body', '建议设置宠物公园。'],
        ['paragraph', '1'],
      ],
      '203.0.113.99',
    );
    expect(unverified.statusCode).toBe(200);
    const comments = await app.stores.consultations.comments(consultationId);
    // Both were made at the same instant of the test's clock: compared by body, not by order.
    expect(new Map(comments.map((c) => [c.body, c.personKey]))).toEqual(
      new Map<string, string | null>([
        ['建议明确夜间遛犬须牵引。', personKey],
        ['建议设置宠物公园。', null],
      ]),
    );
    const page = await get({}, `/hdjl/zjyj/${consultationId}`);
    expect(page.body.match(/class="badge verified"/g)).toHaveLength(1);
    expect(page.body.toLowerCase()).not.toContain('zhang.san');
    expect(page.body).not.toContain('z***@example.cn');
  });

  it('limits a verified person to five comments in ten minutes, whatever address they write from', async () => {
    // One comment was made above; four more from four other addresses are taken.
    for (let n = 1; n <= 4; n++) {
      const ok = await post(
        resident,
        `/hdjl/zjyj/${consultationId}/yijian`,
        `/hdjl/zjyj/${consultationId}/yijian`,
        [['body', `第${n}条补充意见`]],
        `198.51.100.${30 + n}`,
      );
      expect(ok.statusCode, `comment ${n}`).toBe(200);
    }
    const sixth = await post(
      resident,
      `/hdjl/zjyj/${consultationId}/yijian`,
      `/hdjl/zjyj/${consultationId}/yijian`,
      [['body', '换了网络的第六条意见']],
      '198.51.100.77',
    );
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain('您提交意见过于频繁');
    expect(sixth.body).toContain('换了网络的第六条意见');
    // The same address without the cookie is not this person: it has its own limits.
    const stranger = await post(
      {},
      `/hdjl/zjyj/${consultationId}/yijian`,
      `/hdjl/zjyj/${consultationId}/yijian`,
      [['body', '同一网络的另一位居民']],
      '198.51.100.77',
    );
    expect(stranger.statusCode).toBe(200);
  });

  it('limits a verified person to twenty comments on one consultation a day', async () => {
    const jar: CookieJar = {
      [VERIFIED_COOKIE]: verifiedCookieValue(app.secret, {
        personKey: 'f'.repeat(32),
        until: new Date('2026-03-03T06:00:00Z'),
      }),
    };
    for (let n = 1; n <= 20; n++) {
      if (n % 5 === 1) later(601);
      const ok = await post(
        jar,
        `/hdjl/zjyj/${consultationId}/yijian`,
        `/hdjl/zjyj/${consultationId}/yijian`,
        [['body', `每日上限第${n}条`]],
        `192.0.2.${n}`,
      );
      expect(ok.statusCode, `comment ${n}`).toBe(200);
    }
    later(601);
    const over = await post(
      jar,
      `/hdjl/zjyj/${consultationId}/yijian`,
      `/hdjl/zjyj/${consultationId}/yijian`,
      [['body', '第二十一条']],
      '192.0.2.99',
    );
    expect(over.statusCode).toBe(429);
    expect(over.body).toContain('同一验证身份对本草案每天最多提交20条意见');
  });

  it('sends the code by SMS through the gateway, signed, and verifies the mobile', async () => {
    const jar: CookieJar = {};
    const { response, codePage } = await askCode(jar, MOBILE, `/hdjl/zjyj/${consultationId}`, '198.51.100.50');
    expect(response.statusCode).toBe(303);
    await gateway.waitFor(1);
    const sms = gateway.requests[0]!;
    expect(sms.signature).toBe('ok');
    expect(sms.body.to).toBe('13800138000');
    expect(String(sms.body.text)).toMatch(/^【.+】您的身份验证码是\d{6}，10分钟内有效。$/);
    expect((await get(jar, codePage)).body).toContain('验证码已发送到 138****8000');
    const verified = await enterCode(
      jar,
      codePage,
      /验证码是(\d{6})/.exec(String(sms.body.text))![1]!,
      '198.51.100.50',
    );
    expect(verified.statusCode).toBe(303);
    expect(verified.headers.location).toBe(`/hdjl/zjyj/${consultationId}`);
    expect(jar[VERIFIED_COOKIE]!.split('.')[0]).not.toBe(personKey);
  });

  it('burns a code after five wrong tries, and the right one no longer verifies', async () => {
    later(61);
    const jar: CookieJar = {};
    const { codePage } = await askCode(jar, '13900139000', '/hdjl/', '198.51.100.60');
    await gateway.waitFor(2);
    const code = /验证码是(\d{6})/.exec(String(gateway.requests.at(-1)!.body.text))![1]!;
    const wrong = code === '999999' ? '888888' : '999999';
    for (let n = 1; n <= 4; n++) {
      const response = await enterCode(jar, codePage, wrong, '198.51.100.60');
      expect(response.body).toContain(`还可以再试${5 - n}次`);
    }
    const fifth = await enterCode(jar, codePage, wrong, '198.51.100.60');
    expect(fifth.statusCode).toBe(409);
    expect(fifth.body).toContain('验证码输错次数过多，已失效');
    expect(fifth.body).not.toContain('name="code"');
    expect(fifth.body).toContain('重新获取验证码');
    const right = await enterCode(jar, codePage, code, '198.51.100.60');
    expect(right.statusCode).toBe(409);
    expect(jar[VERIFIED_COOKIE]).toBeUndefined();
  });

  it('lets a code expire after ten minutes', async () => {
    later(61);
    const jar: CookieJar = {};
    const { codePage } = await askCode(jar, '13700137000', '/hdjl/', '198.51.100.61');
    await gateway.waitFor(3);
    const code = /验证码是(\d{6})/.exec(String(gateway.requests.at(-1)!.body.text))![1]!;
    later(600);
    const response = await enterCode(jar, codePage, code, '198.51.100.61');
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('验证码已过期');
  });

  it('allows five codes an hour to one contact', async () => {
    const jar: CookieJar = {};
    const sent: number[] = [];
    for (let n = 0; n < 6; n++) {
      later(61);
      const { response } = await askCode(jar, '13600136000', '/hdjl/', `198.51.100.${100 + n}`);
      sent.push(response.statusCode);
    }
    expect(sent).toEqual([303, 303, 303, 303, 303, 429]);
  });

  it.each([
    ['https://evil.example/', '/hdjl/'],
    ['//evil.example/hdjl/', '/hdjl/'],
    ['/admin/', '/hdjl/'],
    ['/hdjl/../admin/', '/hdjl/'],
    ['/hdjl/%2e%2e/admin/', '/hdjl/'],
    ['/hdjl/\\evil', '/hdjl/'],
    ['javascript:alert(1)', '/hdjl/'],
    ['/hdjl/wldc/?page=2#form', '/hdjl/wldc/?page=2#form'],
  ])('keeps the return path %j on the column (%s)', async (next, kept) => {
    const page = await get({}, `/hdjl/yz/?next=${encodeURIComponent(next)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`name="next" value="${kept}"`);
  });

  it('reads the proof cookie only when signed by this site and not expired', () => {
    const until = new Date('2026-03-03T02:00:00Z');
    const value = verifiedCookieValue(app.secret, { personKey: 'a'.repeat(32), until });
    const now = new Date('2026-03-02T02:00:00Z');
    expect(verifiedPersonOfValue(app.secret, value, now)).toEqual({ personKey: 'a'.repeat(32), until });
    expect(verifiedPersonOfValue('another-secret-of-another-site-0123', value, now)).toBeNull();
    expect(verifiedPersonOfValue(app.secret, value.replace(/^a/, 'b'), now)).toBeNull();
    expect(verifiedPersonOfValue(app.secret, value, new Date('2026-03-03T02:00:01Z'))).toBeNull();
    expect(verifiedPersonOfValue(app.secret, undefined, now)).toBeNull();
    expect(verifiedPersonOfValue(app.secret, 'zhang.san@example.cn', now)).toBeNull();
  });

  it('forgets the codes sent more than a day ago when the next one is sent', async () => {
    const before = await app.database.db.selectFrom('contact_verifications').select('id').execute();
    expect(before.length).toBeGreaterThan(5);
    later(86_401);
    const { response } = await askCode({}, 'wang.wu@example.cn', '/hdjl/', '198.51.100.200');
    expect(response.statusCode).toBe(303);
    const after = await app.database.db.selectFrom('contact_verifications').select('id').execute();
    expect(after).toHaveLength(1);
  });

  it('answers an unknown verification with 404 and every refusal in Chinese', async () => {
    const unknown = await get({}, '/hdjl/yz/0123456789abcdef');
    expect(unknown.statusCode).toBe(404);
    const malformed = await get({}, '/hdjl/yz/not-an-id');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body).toMatch(HAN);
  });
});

/**
 * The embedded default (`npm start`) has neither an SMTP server nor an SMS gateway: only e-mail is
 * offered, and the code's mail is written to the data directory's outbox, where the code page says
 * it is, so the demo can still be verified.
 */
describe.each(DIALECTS)('verified identity without SMTP or SMS on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;

  beforeAll(async () => {
    app = await createTestApp(dialect, { now: '2026-03-02T02:00:00Z' });
    server = await createTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.cleanup();
  });

  it('offers e-mail only, and leaves the code in the outbox for the demo', async () => {
    const jar: CookieJar = {};
    const page = await server.inject({ method: 'GET', url: '/hdjl/yz/' });
    keepCookies(page, jar);
    expect(page.body).toContain('>电子邮箱</label>');
    const send = (contact: string) =>
      server.inject({
        method: 'POST',
        url: '/hdjl/yz/',
        cookies: jar,
        headers: FORM,
        payload: new URLSearchParams([
          ['_csrf', csrfFieldOf(page.body)],
          ['contact', contact],
          ['next', '/hdjl/'],
        ]).toString(),
      });
    const mobile = await send(MOBILE);
    expect(mobile.statusCode).toBe(400);
    expect(mobile.body).toContain('本站暂未开通短信验证码，请填写电子邮箱地址。');
    const email = await send(EMAIL);
    expect(email.statusCode).toBe(303);
    await app.jobs.runner.runDue();
    const outbox = join(app.dataDir, 'outbox');
    const files = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
    expect(files).toHaveLength(1);
    const { text } = decode(readFileSync(join(outbox, files[0]!), 'utf8'));
    const code = /验证码是：(\d{6})/.exec(text)![1]!;
    const codePage = String(email.headers.location);
    const shown = await server.inject({ method: 'GET', url: codePage, cookies: jar });
    expect(shown.body).toContain('outbox 文件夹');
    const verified = await server.inject({
      method: 'POST',
      url: new URL(codePage, 'http://x').pathname,
      cookies: jar,
      headers: FORM,
      payload: new URLSearchParams([
        ['_csrf', csrfFieldOf(shown.body)],
        ['code', code],
        ['next', '/hdjl/'],
      ]).toString(),
    });
    expect(verified.statusCode).toBe(303);
    expect(setCookieLine(verified, VERIFIED_COOKIE)).toBeDefined();
  });
});
