import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestServer, type TestApp } from '../../app.ts';
import { DIALECTS } from '../../databases.ts';
import { decodeOr, multipartBody, ODD_FILES } from './hostile-bodies.ts';
import { makePdf } from '../../../src/demo/files.ts';
import { assetUrl } from '../../../src/platform/web/assets.ts';
import { fuzzQuery, hostileCookie, oddQueryKey, oddQueryValue, pct, rawBytes, Rng } from './hostile-values.ts';
import { expectShareSent, HOSTILE_APP_OPTIONS, prepareHostileRun, seedHostileFixture, type HostileRun } from './kit.ts';
import { clip, isApiPath, type Probe } from './probes.ts';

/**
 * The hostile-input fuzz (see `kit.ts`), chunk `public-site`: hostile query strings and paths on
 * every public page, odd methods on every page and API route, and hostile headers on pages,
 * downloads and the API.
 */
describe.each(DIALECTS)('hostile input on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let run: HostileRun;

  beforeAll(async () => {
    const startedAt = performance.now();
    app = await createTestApp(dialect, HOSTILE_APP_OPTIONS);
    const fixture = await seedHostileFixture(app);
    server = await createTestServer(app);
    run = await prepareHostileRun({ dialect: dialect.name, app, server, fixture, startedAt });
  }, 120_000);

  // Vitest 4 hands a suite hook the suite second, after the (unused, but destructured) fixtures.
  // eslint-disable-next-line no-empty-pattern
  afterAll(async ({}, suite) => {
    try {
      if (run) expectShareSent(run, 'public-site', suite);
    } finally {
      await server?.close();
      await app?.cleanup();
    }
  });

  // -------------------------------------------------------------------------------------------
  // The public site

  /** Every public page (with its query parameters) and the sign-in pages. */
  const PUBLIC_PAGES: readonly { path: string; query: string[] }[] = [
    { path: '/', query: ['q'] },
    { path: '/a11y', query: ['elder', 'return'] },
    { path: '/xxgk/', query: [] },
    { path: '/xxgk/gkzn', query: ['q', 'page', 'pageSize'] },
    { path: '/xxgk/gkzd', query: ['q', 'page', 'pageSize'] },
    { path: '/xxgk/gknb', query: ['q', 'page', 'pageSize'] },
    { path: '/xxgk/zcjd', query: ['org', 'kind', 'page', 'q'] },
    { path: '/xxgk/hygq', query: ['page'] },
    { path: '/xxgk/hygq/{concernId}', query: [] },
    { path: '/bsfw/', query: ['audience', 'org', 'event', 'page'] },
    { path: '/bsfw/zn/{docId}', query: [] },
    { path: '/bsfw/yjs/{docId}', query: [] },
    { path: '/xxgk/fdzdgknr', query: ['org', 'field', 'topic', 'genre', 'q', 'page', 'pageSize'] },
    { path: '/xxgk/rss.xml', query: ['org', 'field', 'topic', 'genre'] },
    { path: '/xxgk/atom.xml', query: ['org', 'field', 'topic', 'genre'] },
    { path: '/robots.txt', query: [] },
    { path: '/sitemap.xml', query: [] },
    { path: '/sitemaps/pages.xml', query: [] },
    { path: '/sitemaps/documents.xml', query: ['part'] },
    {
      path: '/search',
      query: ['q', 'org', 'field', 'genre', 'validity', 'topic', 'kind', 'from', 'to', 'sort', 'page', 'pageSize'],
    },
    {
      path: '/search/results.csv',
      query: ['q', 'org', 'field', 'genre', 'validity', 'topic', 'kind', 'from', 'to', 'sort', 'page'],
    },
    { path: '/search/results.xlsx', query: ['q', 'org', 'field', 'genre', 'from', 'to', 'sort', 'format'] },
    { path: '/xxgk/fdzdgknr/bundle.zip', query: ['org', 'field', 'topic', 'genre', 'q', 'page', 'pageSize'] },
    { path: '/xxgk/gkzn/bundle.zip', query: ['q', 'page'] },
    { path: '/xxgk/gkzd/bundle.zip', query: ['q', 'org'] },
    { path: '/xxgk/zcjd/bundle.zip', query: ['q', 'page'] },
    { path: '/xxgk/gknb/bundle.zip', query: ['q', 'pageSize'] },
    { path: '/xxgk/ysqgk', query: [] },
    { path: '/ysqgk/apply', query: [] },
    { path: '/ysqgk/receipt/{trackingCode}', query: [] },
    { path: '/ysqgk/track', query: [] },
    { path: '/ysqgk/letter/{trackingCode}/{token}.pdf', query: [] },
    { path: '/ysqgk/files/{trackingCode}/{token}/{fileId}', query: [] },
    { path: '/xxgk/doc/{docId}', query: ['version'] },
    { path: '/d/{docId}', query: [] },
    { path: '/xxgk/files/{attachmentId}/{fileName}', query: [] },
    { path: '/xxgk/files/{attachmentId}', query: [] },
    { path: '/xxgk/bzml', query: ['version'] },
    { path: '/xxgk/bzml/{orgCode}', query: ['version'] },
    { path: '/xxgk/bzml/{orgCode}.xlsx', query: ['version'] },
    { path: '/xxgk/bzml/{orgCode}/{entryKey}', query: ['version', 'page'] },
    { path: '/hdjl/', query: [] },
    { path: '/hdjl/zjyj/', query: ['page'] },
    { path: '/hdjl/zjyj/{consultationId}', query: ['v'] },
    { path: '/hdjl/zjyj/{consultationId}/cnqk', query: [] },
    { path: '/hdjl/zjyj/{consultationId}/bijiao', query: ['from', 'to'] },
    { path: '/hdjl/zjyj/{consultationId}/yijian', query: ['p'] },
    { path: '/hdjl/wldc/', query: ['page'] },
    { path: '/hdjl/wldc/{surveyId}', query: [] },
    { path: '/hdjl/wldc/{surveyId}/jieguo', query: [] },
    { path: '/hdjl/wldc/{surveyId}/jieguo.csv', query: [] },
    { path: '/hdjl/wldc/{surveyId}/jieguo.xlsx', query: [] },
    { path: '/hdjl/yz/', query: ['next'] },
    { path: '/hdjl/yz/{verificationId}', query: ['next'] },
    { path: '/hdjl/liuyan/', query: ['page'] },
    { path: '/hdjl/liuyan/{messageId}', query: [] },
    { path: '/hdjl/liuyan/tongji', query: [] },
    { path: '/hdjl/liuyan/xie', query: [] },
    { path: '/hdjl/liuyan/cx', query: [] },
    { path: '/hdjl/zdjc/', query: ['year'] },
    { path: '/hdjl/zdjc/tz/{meetingId}', query: [] },
    { path: '/hdjl/zdjc/tz/cx', query: [] },
    { path: '/hdjl/zxft/', query: [] },
    { path: '/hdjl/zxft/{interviewId}', query: [] },
    { path: '/hdjl/zxft/{openInterviewId}/tiwen', query: [] },
    { path: '/hdjl/zxft/{interviewId}/tiwen', query: [] },
    { path: '/hdjl/zxft/{interviewId}/events', query: ['from'] },
    { path: '/hdjl/zxft/{interviewId}/tu/{interviewPhotoId}', query: [] },
    { path: '/dingyue/', query: [] },
    { path: '/dingyue/s/{subscriberId}/{subscriberToken}', query: [] },
    { path: '/dingyue/s/{subscriberId}/{subscriberToken}/unsubscribe', query: [] },
    { path: '/admin/login', query: ['next'] },
    { path: '/admin/login/2fa', query: [] },
    { path: '/healthz', query: [] },
    { path: '/static/{asset}', query: ['v'] },
  ];

  it('answers hostile application and tracking forms with a Chinese HTML page or a receipt, never 5xx', async () => {
    const { loginCookie, loginCsrf, sendAll, expectAllAnsweredWell, fill } = run;
    const rng = new Rng('resident forms');
    const probes: Probe[] = [];
    const APPLICATION_FIELDS = [
      'agency',
      'applicantKind',
      'organisationKind',
      'name',
      'idType',
      'idNumber',
      'contactPerson',
      'phone',
      'email',
      'address',
      'postcode',
      'description',
      'documentNumber',
      'purpose',
      'form',
      'delivery',
    ];
    const GOOD: Record<string, string> = {
      agency: 'edu',
      applicantKind: 'natural',
      name: pct('模糊测试'),
      idType: 'resident_id',
      idNumber: '330106199003071236',
      phone: '13800138000',
      description: pct('模糊测试所需的政府信息'),
      form: 'electronic',
      delivery: 'online',
    };
    const form = (fields: [string, string][]) => fields.map(([k, v]) => `${pct(k)}=${v}`).join('&');
    const headers = { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' };
    let address = 0;
    const freshAddress = () => `10.9.${(++address >> 8) & 255}.${address & 255}`;
    for (let i = 0; i < 80; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf]];
      for (const name of APPLICATION_FIELDS) {
        if (rng.chance(0.15)) continue;
        fields.push([name, rng.chance(0.35) ? oddQueryValue(rng) : (GOOD[name] ?? '')]);
      }
      if (rng.chance(0.2)) fields.push([oddQueryKey(rng, rng.pick(APPLICATION_FIELDS)), oddQueryValue(rng)]);
      if (rng.chance(0.1)) fields.push(['description', oddQueryValue(rng)]);
      probes.push({
        label: 'application form fields',
        method: 'POST',
        url: '/ysqgk/apply',
        headers,
        payload: form(fields),
      });
    }
    // A few whole applications, some with a hostile extra field: each stored and answered with its receipt.
    for (let i = 0; i < 4; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf], ...Object.entries(GOOD)];
      if (i % 2 === 1) fields.push([oddQueryKey(rng, 'purpose'), oddQueryValue(rng)]);
      probes.push({ label: 'whole application', method: 'POST', url: '/ysqgk/apply', headers, payload: form(fields) });
    }
    for (let i = 0; i < 40; i++) {
      probes.push({
        label: 'tracking form fields',
        method: 'POST',
        url: '/ysqgk/track',
        headers,
        payload: form([
          ['_csrf', loginCsrf],
          ['code', rng.chance(0.5) ? oddQueryValue(rng) : pct(fill('{trackingCode}', rng))],
          ['factor', rng.chance(0.5) ? oddQueryValue(rng) : rng.pick(['8000', '0000', pct('a@b.cn'), ''])],
        ]),
        remoteAddress: freshAddress(),
      });
    }
    // The application with files (multipart): odd files, odd names, too many, too large, broken bodies.
    const goodParts = () => [
      { name: '_csrf', value: loginCsrf },
      ...Object.entries(GOOD).map(([name, value]) => ({ name, value: decodeOr(value) })),
    ];
    const multipartProbe = (label: string, body: { payload: Buffer; type: string }) =>
      probes.push({
        label: `application with files: ${label}`,
        method: 'POST',
        url: '/ysqgk/apply',
        headers: { cookie: loginCookie, 'content-type': body.type },
        payload: body.payload,
      });
    ODD_FILES.forEach((file, i) => {
      const fileName = rng.pick([
        'a.pdf',
        'a.png',
        '身份证.jpg',
        '\u202ea.pdf',
        '..\\..\\a.pdf',
        '/etc/passwd',
        'a',
        '',
      ]);
      multipartProbe(
        `odd file ${i}`,
        multipartBody([...goodParts(), { name: 'attachments', fileName, bytes: Buffer.from(file(), 'utf8') }]),
      );
    });
    for (let i = 0; i < 12; i++) {
      const parts = goodParts().map((part) =>
        part.name !== '_csrf' && rng.chance(0.3) ? { ...part, value: decodeOr(oddQueryValue(rng)) } : part,
      );
      multipartProbe(
        'hostile fields and files',
        multipartBody([
          ...parts,
          ...Array.from({ length: rng.int(0, 7) }, (_, n) => ({
            name: rng.chance(0.8) ? 'attachments' : oddQueryKey(rng, 'attachments'),
            fileName: `${n}.${rng.pick(['pdf', 'png', 'exe', 'docx'])}`,
            bytes: rng.chance(0.5) ? makePdf(String(n)) : Buffer.from(rng.pick(ODD_FILES)(), 'utf8'),
          })),
        ]),
      );
    }
    multipartProbe(
      'a file over 10 MB',
      multipartBody([
        ...goodParts(),
        { name: 'attachments', fileName: 'big.pdf', bytes: Buffer.alloc(10_600_000, 0x25) },
      ]),
    );
    multipartProbe(
      'cut off',
      multipartBody([...goodParts(), { name: 'attachments', fileName: 'a.pdf', bytes: makePdf('a') }], {
        close: false,
      }),
    );
    multipartProbe('no boundary', { payload: Buffer.from('garbage'), type: 'multipart/form-data' });
    multipartProbe(
      'without the page token',
      multipartBody([{ name: 'attachments', fileName: 'a.pdf', bytes: makePdf('a') }]),
    );
    // The subscribe form, and a subscriber's own forms (their link is the proof; no page token).
    const CHOICE_NAMES = ['policy', 'audience', 'org', 'field', 'topic'];
    for (let i = 0; i < 40; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf]];
      for (const name of CHOICE_NAMES) {
        for (let n = rng.int(0, 3); n > 0; n--)
          fields.push([name, rng.chance(0.5) ? oddQueryValue(rng) : pct('减税降费')]);
      }
      for (const [name, good] of [
        ['channel', 'email'],
        ['address', pct('a@example.cn')],
        ['frequency', 'daily'],
        ['code', '123456'],
        ['step', 'subscribe'],
      ] as const) {
        if (rng.chance(0.2)) continue;
        fields.push([name, rng.chance(0.35) ? oddQueryValue(rng) : good]);
      }
      probes.push({
        label: 'subscribe form fields',
        method: 'POST',
        url: '/dingyue/',
        headers,
        payload: form(fields),
        remoteAddress: freshAddress(),
      });
      const action = rng.pick(['preferences', 'unsubscribe', 'confirm', 'erase', 'preferences']);
      probes.push({
        label: `subscriber ${action} form`,
        method: 'POST',
        url: `${fill('/dingyue/s/{subscriberId}/{subscriberToken}', rng)}/${action}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(fields.slice(1)),
      });
    }
    // The comment form on a consultation (意见征集): its page token is on the form's own page.
    for (let i = 0; i < 30; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf]];
      for (const [name, good] of [
        ['body', pct('建议增加社区食堂的数量')],
        ['name', pct('张某')],
        ['paragraph', '1'],
      ] as const) {
        if (rng.chance(0.2)) continue;
        fields.push([name, rng.chance(0.4) ? oddQueryValue(rng) : good]);
      }
      if (rng.chance(0.1)) fields.push(['body', pct('<script>alert(1)</script>'.repeat(rng.int(1, 400)))]);
      probes.push({
        label: 'consultation comment form',
        method: 'POST',
        url: `${fill('/hdjl/zjyj/{consultationId}', rng)}/yijian`,
        headers,
        payload: form(fields),
        remoteAddress: freshAddress(),
      });
    }
    // The answer form of a survey (网络调查): fields named by question id, choices by position.
    for (let i = 0; i < 30; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf]];
      for (const [n, good] of ['0', '1', '3', pct('建议延长办理时间')].entries()) {
        if (rng.chance(0.2)) continue;
        const name = `answers.${run.values.surveyQuestionId![n]!}`;
        fields.push([name, rng.chance(0.4) ? oddQueryValue(rng) : good]);
        if (rng.chance(0.15)) fields.push([name, rng.chance(0.5) ? oddQueryValue(rng) : good]);
      }
      if (rng.chance(0.2)) fields.push([`answers.${rng.pick(['__proto__', 'constructor', oddQueryValue(rng)])}`, '0']);
      if (rng.chance(0.1)) {
        fields.push([
          `answers.${run.values.surveyQuestionId![3]!}`,
          pct('<script>alert(1)</script>'.repeat(rng.int(1, 400))),
        ]);
      }
      probes.push({
        label: 'survey answer form',
        method: 'POST',
        url: fill('/hdjl/wldc/{surveyId}', rng),
        headers,
        payload: form(fields),
        remoteAddress: freshAddress(),
      });
    }
    // Verified identity: asking for a code and entering it, with a return path (验证身份).
    for (let i = 0; i < 30; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf]];
      for (const [name, good] of [
        ['contact', rng.pick(['fuzz.resident@example.cn', '13800138000', pct('张某＠example.cn')])],
        ['next', rng.pick(['/hdjl/wldc/', pct('/hdjl/../admin/'), pct('https://evil.example/')])],
        ['code', rng.pick(['123456', '０１２３４５', '12 34 56'])],
      ] as const) {
        if (rng.chance(0.2)) continue;
        fields.push([name, rng.chance(0.4) ? oddQueryValue(rng) : good]);
        if (rng.chance(0.1)) fields.push([name, good]);
      }
      probes.push({
        label: 'verification forms',
        method: 'POST',
        url: rng.pick(['/hdjl/yz/', fill('/hdjl/yz/{verificationId}', rng)]),
        headers,
        payload: form(fields),
        remoteAddress: freshAddress(),
      });
    }
    // Residents' messages: writing, looking one up and rating its answer (政民互动).
    for (let i = 0; i < 30; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf]];
      for (const [name, good] of [
        ['orgId', fill('/{orgId}', rng).slice(1)],
        ['kind', rng.pick(['consult', 'suggest', 'complain', 'help'])],
        ['title', pct('示范留言标题')],
        ['body', pct('示范留言内容')],
        ['name', pct('张某')],
        ['contact', '13800138000'],
        ['publicConsent', 'on'],
        ['code', fill('/{messageCode}', rng).slice(1)],
        ['pin', fill('/{messagePin}', rng).slice(1)],
        ['rating', rng.pick(['satisfied', 'fair', 'unsatisfied'])],
        ['ratingComment', pct('示范评价')],
      ] as const) {
        if (rng.chance(0.2)) continue;
        fields.push([name, rng.chance(0.4) ? oddQueryValue(rng) : good]);
      }
      if (rng.chance(0.1)) fields.push(['body', pct('<img src=x onerror=alert(1)>'.repeat(rng.int(1, 400)))]);
      probes.push({
        label: 'message forms',
        method: 'POST',
        url: rng.pick(['/hdjl/liuyan/xie', '/hdjl/liuyan/cx', '/hdjl/liuyan/pingjia']),
        headers,
        payload: form(fields),
        remoteAddress: freshAddress(),
      });
    }
    // Questions to an online interview: one taking questions, one ended, an unknown one.
    for (let i = 0; i < 30; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf]];
      if (!rng.chance(0.2)) fields.push(['body', rng.chance(0.4) ? oddQueryValue(rng) : pct('示范提问')]);
      if (!rng.chance(0.5)) fields.push(['name', rng.chance(0.4) ? oddQueryValue(rng) : pct('网友')]);
      if (rng.chance(0.1)) fields.push(['body', pct('<img src=x onerror=alert(1)>'.repeat(rng.int(1, 400)))]);
      probes.push({
        label: 'interview question form',
        method: 'POST',
        url: `${rng.pick([fill('/hdjl/zxft/{openInterviewId}', rng), fill('/hdjl/zxft/{interviewId}', rng)])}/tiwen`,
        headers,
        payload: form(fields),
        remoteAddress: freshAddress(),
      });
    }
    // Registering for a hearing or meeting of a major decision, and looking the registration up.
    for (let i = 0; i < 30; i++) {
      const fields: [string, string][] = [['_csrf', loginCsrf]];
      for (const [name, good] of [
        ['name', pct('张某')],
        ['contact', rng.pick(['13800138001', 'a@example.cn'])],
        ['stakeholder', rng.pick(['affected', 'enterprise', 'expert', 'public', 'other'])],
        ['view', rng.pick(['support', 'oppose', 'other'])],
        ['statement', pct('示范意见')],
        ['code', fill('/{meetingCode}', rng).slice(1)],
        ['pin', fill('/{meetingPin}', rng).slice(1)],
      ] as const) {
        if (rng.chance(0.2)) continue;
        fields.push([name, rng.chance(0.4) ? oddQueryValue(rng) : good]);
      }
      if (rng.chance(0.1)) fields.push(['statement', pct('<img src=x onerror=alert(1)>'.repeat(rng.int(1, 400)))]);
      probes.push({
        label: 'meeting forms',
        method: 'POST',
        url: rng.pick([fill('/hdjl/zdjc/tz/{meetingId}', rng), '/hdjl/zdjc/tz/cx']),
        headers,
        payload: form(fields),
        remoteAddress: freshAddress(),
      });
    }
    for (const url of [
      '/ysqgk/apply',
      fill('/hdjl/zdjc/tz/{meetingId}', rng),
      '/hdjl/zdjc/tz/cx',
      '/ysqgk/track',
      '/dingyue/',
      `${fill('/hdjl/zjyj/{consultationId}', rng)}/yijian`,
      fill('/hdjl/wldc/{surveyId}', rng),
      '/hdjl/yz/',
      fill('/hdjl/yz/{verificationId}', rng),
      '/hdjl/liuyan/xie',
      '/hdjl/liuyan/cx',
      '/hdjl/liuyan/pingjia',
      `${fill('/hdjl/zxft/{openInterviewId}', rng)}/tiwen`,
    ]) {
      for (const body of [`{"_csrf":"${loginCsrf}","name":{"x":[1]}}`, `${'['.repeat(5_000)}`, 'null', '']) {
        probes.push({
          label: `${url} as JSON`,
          method: 'POST',
          url,
          headers: { cookie: loginCookie, 'content-type': 'application/json' },
          payload: body,
        });
      }
      probes.push({
        label: `${url} without the page token`,
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=x',
      });
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it('answers hostile query strings on every public page with a Chinese HTML page, never 5xx', async () => {
    const { sendAll, expectAllAnsweredWell, fill } = run;
    const rng = new Rng('public query');
    const probes: Probe[] = [];
    for (const page of PUBLIC_PAGES) {
      for (let i = 0; i < 26; i++) {
        const headers: Record<string, string> = {};
        if (rng.chance(0.2)) headers.cookie = hostileCookie(rng);
        if (rng.chance(0.1)) headers['accept-language'] = rng.pick(['en-US', 'zh-CN', '*', 'x'.repeat(1_000)]);
        probes.push({
          label: `page query (${page.path})`,
          method: 'GET',
          url: `${fill(page.path, rng)}?${fuzzQuery(rng, page.query)}`,
          headers,
        });
      }
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it('answers hostile paths on every public page with a Chinese HTML page, never 5xx', async () => {
    const { values, sendAll, expectAllAnsweredWell, damagedPath } = run;
    const rng = new Rng('public path');
    const probes: Probe[] = [];
    for (const page of PUBLIC_PAGES) {
      for (let i = 0; i < 14; i++) {
        const damaged = damagedPath(page.path, rng);
        probes.push({
          label: `page path: ${damaged.how} (${page.path})`,
          method: 'GET',
          url: rng.chance(0.25) ? `${damaged.path}?${fuzzQuery(rng, page.query)}` : damaged.path,
        });
      }
    }
    for (const url of [
      '/xxgk',
      '/xxgk//',
      '/xxgk/doc/',
      '/xxgk/doc',
      '/xxgk/bzml/',
      '/xxgk/bzml/.xlsx',
      '/xxgk/bzml/town.xlsx.xlsx',
      '/xxgk/bzml/town/',
      '/search/results',
      '/search/results.',
      '/search/results.csv/',
      '/search/results.pdf',
      '/search/results.CSV',
      '/xxgk/fdzdgknr/bundle.zip/',
      '/xxgk/fdzdgknr/bundle',
      '/xxgk/ysqgk/bundle.zip',
      '/xxgk/bundle.zip',
      '/xxgk/files/',
      `/xxgk/files/${values.attachmentId![0]}/`,
      `/xxgk/files/${values.attachmentId![0]}/a/b/c`,
      `/xxgk/files/${values.attachmentId![0]}/${'%2e%2e/'.repeat(3)}etc/passwd`,
      `/xxgk/files/${values.attachmentId![0]}/${`${'w'.repeat(199)}/`.repeat(9)}x.pdf`,
      `/xxgk/files/${values.attachmentId![0]}/${'%E6%95%99'.repeat(22)}/${'%E6%95%99'.repeat(22)}`,
      `/xxgk/bzml/${'%E6%95%99'.repeat(22)}.xlsx`,
      `/xxgk/bzml/${'t'.repeat(195)}.xlsx`,
      `/xxgk/bzml/${'t'.repeat(196)}.xlsx`,
      '/static/',
      '/static/..%2fpackage.json',
      '/static/%2e%2e/package.json',
      '/static/../package.json',
      '/static/site.css%00.html',
      '/assets/',
      '/assets/site.css',
      '/assets/..%2fpackage.json',
      `/assets/site.${'0'.repeat(200)}.css`,
      `${assetUrl('site.css')}%00.html`,
      `${assetUrl('site.css')}/x`,
      '/favicon.ico',
      '/robots.txt',
      '/.git/config',
      '/index.php',
      '/%',
      '/%%',
      '/%FF',
      '/%C0%AF',
      '/..',
      '/.',
      '//',
      '///',
      '/\\',
      '/~',
      `/${'z'.repeat(201)}`,
      `/${'z'.repeat(5_000)}`,
      `/${'y/'.repeat(1_500)}`,
      `/?${'q'.repeat(100_000)}`,
      '/?%',
      '/#',
      rawBytes('/政府信息公开'),
      '/%E6%94%BF%E5%BA%9C',
    ]) {
      probes.push({ label: 'page near miss', method: 'GET', url });
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it('answers odd methods on every page and API route in the right format, never 5xx', async () => {
    const { operations, sendAll, expectAllAnsweredWell, fill, bearer } = run;
    const rng = new Rng('odd methods');
    const probes: Probe[] = [];
    const methods = ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST', 'HEAD', 'TRACE', 'PROPFIND', 'SEARCH'];
    // Methods Node's parser accepts that the server has no routes for at all.
    const rare = ['PURGE', 'LINK', 'M-SEARCH', 'QUERY', 'MKCOL', 'COPY', 'LOCK', 'REPORT', 'SUBSCRIBE', 'SOURCE'];
    const targets = [
      ...PUBLIC_PAGES.map((p) => p.path),
      ...operations.filter((o) => o.method === 'GET').map((o) => o.path),
      '/api/v1/openapi.json',
    ];
    for (const target of targets) {
      for (const method of methods) {
        const withBody = method !== 'HEAD' && method !== 'TRACE' && rng.chance(0.5);
        probes.push({
          label: `odd method ${method}`,
          method,
          url: fill(target, rng),
          headers: {
            ...(isApiPath(target) && rng.chance(0.5) ? bearer() : {}),
            ...(withBody ? { 'content-type': 'application/json' } : {}),
          },
          ...(withBody ? { payload: rng.pick(['{"a":1}', '{', 'null', `${'['.repeat(100)}${']'.repeat(100)}`]) } : {}),
        });
      }
    }
    for (const method of rare) {
      for (const target of ['/', '/xxgk/fdzdgknr', '/admin/login', '/api/v1/documents', '/api/v1/staff/documents']) {
        probes.push({
          label: `rare method ${method}`,
          method,
          url: target,
          headers: isApiPath(target) ? bearer(rng) : {},
        });
      }
    }
    // The API's writing routes asked to read, and the other way round.
    for (const op of operations.filter((o) => o.method !== 'GET')) {
      for (const method of ['GET', 'PUT', 'OPTIONS', op.method === 'POST' ? 'PATCH' : 'POST']) {
        probes.push({ label: `wrong method ${method}`, method, url: fill(op.path, rng), headers: bearer(rng) });
      }
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it('answers hostile headers on pages, downloads and the API in the right format, never 5xx', async () => {
    const { values, token, sendAll, expectAllAnsweredWell } = run;
    const rng = new Rng('headers');
    const probes: Probe[] = [];
    const targets = [
      '/',
      '/xxgk/fdzdgknr?q=%E6%95%99',
      `/xxgk/doc/${values.docId![0]}`,
      `/xxgk/files/${values.attachmentId![0]}/${values.fileName![0]}`,
      '/xxgk/bzml/town.xlsx',
      '/search/results.csv?q=%E9%80%9A%E7%9F%A5',
      '/search/results.xlsx?q=%E9%80%9A%E7%9F%A5&org=edu',
      '/xxgk/fdzdgknr/bundle.zip?org=edu',
      '/static/site.css',
      assetUrl('site.css'),
      '/xxgk/',
      '/admin/login',
      '/api/v1/documents',
      `/api/v1/documents/${values.docId![0]}`,
      '/api/v1/staff/documents',
      '/no/such/page',
    ];
    const hostileHeaders: Record<string, string>[] = [
      { host: '' },
      { host: 'evil.example' },
      { host: 'h'.repeat(5_000) },
      { host: '[::1]:99999' },
      { host: 'localhost:abc' },
      { 'x-forwarded-for': '1.2.3.4, ::1, ' + 'x'.repeat(1_000) },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' },
      { range: 'bytes=99999999-' },
      { range: 'bytes=5-1' },
      { range: 'bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9,10-10,11-11' },
      { range: 'bytes=-0' },
      { range: 'items=0-1' },
      { 'if-modified-since': 'not a date' },
      { 'if-modified-since': 'Sat, 01 Jan 275760 00:00:00 GMT' },
      { 'if-none-match': '*' },
      { 'if-none-match': '"' + 'e'.repeat(5_000) + '"' },
      { 'if-range': 'garbage', range: 'bytes=0-1' },
      { 'accept-encoding': 'gzip;q=NaN, br;q=-1, *;q=1e309' },
      { 'accept-encoding': `br;q=0.${'9'.repeat(2_000)}, ${'x,'.repeat(500)}` },
      { 'if-none-match': 'W/"x", , ,*,' },
      { 'if-none-match': '"x"', 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' },
      { accept: 'application/json' },
      { accept: 'text/html;q=0, */*;q=0' },
      { 'accept-language': 'xx-' + 'y'.repeat(2_000) },
      { 'content-encoding': 'gzip', 'content-type': 'application/json' },
      { 'content-length': 'abc', 'content-type': 'application/json' },
      { 'content-length': '1', 'content-type': 'application/json' },
      { 'content-length': '-1', 'content-type': 'application/json' },
      { 'x-http-method-override': 'DELETE' },
      { authorization: `Bearer ${token}`, cookie: 'gk_session=x' },
      { authorization: 'Bearer \u00e9\u00e8' },
      { authorization: 'Negotiate ' + 'n'.repeat(8_000) },
      { cookie: `gk_session=${'s'.repeat(8_000)}` },
      { referer: 'javascript:alert(1)', origin: 'null' },
      { 'user-agent': '' },
      { 'user-agent': 'u'.repeat(8_000) },
    ];
    for (const target of targets) {
      for (const headers of hostileHeaders) {
        const withBody = 'content-type' in headers;
        probes.push({
          label: `hostile header ${clip(Object.keys(headers).join('+'), 40)}`,
          method: withBody ? rng.pick(['POST', 'PATCH']) : 'GET',
          url: target,
          headers,
          ...(withBody ? { payload: '{"title":"x"}' } : {}),
        });
      }
    }
    const before = server.pageCache.stats().frontHits;
    expectAllAnsweredWell(await sendAll(probes), probes);
    // Pages kept by then were answered at the page cache's front door, hostile headers and all.
    expect(server.pageCache.stats().frontHits).toBeGreaterThan(before);
  }, 120_000);
});
