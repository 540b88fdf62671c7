import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../../src/demo/files.ts';
import { createTestApp, createTestServer, type TestApp } from '../../app.ts';
import { DIALECTS } from '../../databases.ts';
import { FIXTURE_PASSWORD } from '../../fixtures.ts';
import { decodeOr, multipartBody, ODD_FILES, oddJsonValue, WRONG_CONTENT_TYPES } from './hostile-bodies.ts';
import { fuzzQuery, hostileCookie, oddQueryKey, oddQueryValue, pct, Rng } from './hostile-values.ts';
import {
  expectShareSent,
  HOSTILE_APP_OPTIONS,
  MINIMUM_REQUESTS,
  prepareHostileRun,
  REQUEST_SHARES,
  seedHostileFixture,
  type HostileRun,
} from './kit.ts';
import { clip, show, type Probe } from './probes.ts';

/**
 * The hostile-input fuzz (see `kit.ts`), chunk `sign-in-and-back-office`: hostile sign-in forms,
 * and hostile requests to the back office, without a session and signed in (its own forms filled
 * with hostile values and odd files). Also the one place that checks the chunks together send at
 * least MINIMUM_REQUESTS.
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
      if (run) expectShareSent(run, 'sign-in-and-back-office', suite);
    } finally {
      await server?.close();
      await app?.cleanup();
    }
  });

  // -------------------------------------------------------------------------------------------
  // The sign-in form

  it('answers hostile sign-in forms with a Chinese HTML page or a same-site redirect, never 5xx', async () => {
    const { loginCookie, loginCsrf, sendAll, expectAllAnsweredWell } = run;
    const rng = new Rng('sign-in');
    const probes: Probe[] = [];
    let address = 0;
    // A fresh client address for most attempts, so the form's handler is reached, not only the rate limit.
    const freshAddress = () => {
      address++;
      return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
    };
    const form = (fields: [string, string][]) => fields.map(([k, v]) => `${pct(k)}=${v}`).join('&');
    const usernames = ['edu.reviewer', 'nobody.here', 'EDU.REVIEWER', ' edu.reviewer '];
    const withCsrf = { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' };

    for (let i = 0; i < 70; i++) {
      const fields: [string, string][] = [
        ['_csrf', loginCsrf],
        ['username', rng.chance(0.5) ? oddQueryValue(rng) : pct(rng.pick(usernames))],
        ['password', rng.chance(0.5) ? oddQueryValue(rng) : 'wrong-password-1'],
        ['next', rng.chance(0.5) ? oddQueryValue(rng) : '/admin/'],
      ];
      if (rng.chance(0.3))
        fields.push([oddQueryKey(rng, rng.pick(['username', 'password', '_csrf'])), oddQueryValue(rng)]);
      if (rng.chance(0.2)) fields.push(['username', oddQueryValue(rng)]);
      probes.push({
        label: 'sign-in form fields',
        method: 'POST',
        url: rng.chance(0.2) ? `/admin/login?${fuzzQuery(rng, ['next'])}` : '/admin/login',
        headers: withCsrf,
        payload: form(fields),
        remoteAddress: freshAddress(),
      });
    }
    // The right password with hostile `next` values: the redirect must stay on the site.
    for (const next of [
      '//evil.example/',
      '/\\evil.example/',
      '/%5Cevil.example',
      '%2F%2Fevil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '/%0d%0aSet-Cookie:%20x=1',
      '/%E2%80%AE',
      '/admin/%ED%A0%80',
      `/${'n'.repeat(10_000)}`,
      '/xxgk/fdzdgknr?q=%E6%95%99%E8%82%B2',
      pct('/xxgk/fdzdgknr?q=教育'),
      '/%09/evil.example',
      '/ /evil.example',
      '%00',
    ]) {
      probes.push({
        label: `sign-in with next=${clip(next, 40)}`,
        method: 'POST',
        url: '/admin/login',
        headers: withCsrf,
        payload: form([
          ['_csrf', loginCsrf],
          ['username', 'civ.editor'],
          ['password', pct(FIXTURE_PASSWORD)],
          ['next', next],
        ]),
        remoteAddress: freshAddress(),
      });
      probes.push({ label: 'sign-in page with next', method: 'GET', url: `/admin/login?next=${next}` });
    }
    // JSON, multipart, deep nesting and wrong content types sent to the form.
    const jsonBodies = [
      `{"_csrf":"${loginCsrf}","username":["a","b"],"password":{"x":1},"next":123}`,
      `{"_csrf":"${loginCsrf}","username":"\\u0000","password":"x"}`,
      `{"_csrf":"${loginCsrf}","username":"\\ud800","password":"x","next":"/\\ud800"}`,
      `{"_csrf":"${loginCsrf}","username":null,"password":null,"next":null}`,
      `{"_csrf":["${loginCsrf}"],"username":"edu.reviewer","password":"x"}`,
      `{"__proto__":{"polluted":"yes"},"_csrf":"${loginCsrf}"}`,
      `{"_csrf":"${loginCsrf}","username":${'['.repeat(65)}"x"${']'.repeat(65)}}`,
      `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      `["${loginCsrf}"]`,
      'null',
      '"x"',
      '{',
      '',
    ];
    for (const body of jsonBodies) {
      probes.push({
        label: 'sign-in as JSON',
        method: 'POST',
        url: '/admin/login',
        headers: { cookie: loginCookie, 'content-type': 'application/json' },
        payload: body,
        remoteAddress: freshAddress(),
      });
    }
    for (const type of WRONG_CONTENT_TYPES) {
      probes.push({
        label: `sign-in as ${show(type)}`,
        method: 'POST',
        url: '/admin/login',
        headers: { cookie: loginCookie, ...(type === undefined ? {} : { 'content-type': type }) },
        payload: `_csrf=${loginCsrf}&username=edu.reviewer&password=x`,
        remoteAddress: freshAddress(),
      });
    }
    const upload = multipartBody([
      { name: '_csrf', value: loginCsrf },
      { name: 'username', value: 'x' },
      { name: 'file', fileName: 'a.pdf', bytes: makePdf('x') },
    ]);
    probes.push({
      label: 'sign-in as multipart',
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: loginCookie, 'content-type': upload.type },
      payload: upload.payload,
      remoteAddress: freshAddress(),
    });
    // Without the form's token, with a forged one, from the same address until the rate limit answers.
    for (let i = 0; i < 36; i++) {
      probes.push({
        label: 'sign-in from one address',
        method: 'POST',
        url: '/admin/login',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(i % 3 === 0 ? {} : { cookie: i % 3 === 1 ? loginCookie : 'gk_csrf=forged' }),
        },
        payload: `_csrf=${i % 2 === 0 ? loginCsrf : 'forged'}&username=nobody.here&password=x`,
        remoteAddress: '192.0.2.7',
      });
    }
    for (const url of ['/admin/login/2fa', '/admin/logout']) {
      for (let i = 0; i < 5; i++) {
        probes.push({
          label: `post to ${url}`,
          method: 'POST',
          url,
          headers: {
            cookie: i % 2 === 0 ? loginCookie : hostileCookie(rng),
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: `_csrf=${i % 2 === 0 ? loginCsrf : oddQueryValue(rng)}&code=${oddQueryValue(rng)}`,
          remoteAddress: freshAddress(),
        });
      }
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  // -------------------------------------------------------------------------------------------
  // The back office: to sign-in without a session, in Chinese with one

  /** Back-office pages that only read, with the query parameters they take. */
  const BACK_OFFICE_PAGES: readonly { path: string; query: string[] }[] = [
    { path: '/admin/', query: [] },
    { path: '/admin', query: [] },
    {
      path: '/admin/documents',
      query: ['state', 'org', 'field', 'topic', 'genre', 'q', 'page', 'pageSize', 'mine', 'flagged'],
    },
    { path: '/admin/documents/new', query: ['org'] },
    { path: '/admin/documents/{docId}', query: [] },
    { path: '/admin/editions/{editionId}/edit', query: [] },
    { path: '/admin/attachments/{attachmentId}', query: [] },
    { path: '/admin/orgs', query: ['q'] },
    { path: '/admin/orgs/new', query: ['parent'] },
    { path: '/admin/orgs/{code}/edit', query: [] },
    { path: '/admin/users', query: ['q', 'page'] },
    { path: '/admin/users/new', query: [] },
    { path: '/admin/users/{userId}', query: [] },
    { path: '/admin/audit', query: ['actor', 'action', 'entityType', 'entityId', 'from', 'to', 'page'] },
    { path: '/admin/catalogs', query: [] },
    { path: '/admin/catalogs/{code}', query: ['version'] },
    { path: '/admin/catalogs/{code}/export.xlsx', query: ['version'] },
    { path: '/admin/catalogs/{code}/entries/new', query: [] },
    { path: '/admin/catalog-entries/{entryId}/edit', query: [] },
    { path: '/admin/catalogs/{code}/timeliness', query: ['year'] },
    { path: '/admin/calendar', query: ['year'] },
    { path: '/admin/search/synonyms', query: [] },
    { path: '/admin/ysqgk', query: ['state', 'due', 'channel', 'mine', 'page'] },
    { path: '/admin/ysqgk/new', query: [] },
    { path: '/admin/ysqgk/report', query: ['year', 'org'] },
    { path: '/admin/ysqgk/texts', query: [] },
    { path: '/admin/ysqgk/{requestId}', query: [] },
    { path: '/admin/ysqgk/{requestId}/letter.pdf', query: [] },
    { path: '/admin/ysqgk/{requestId}/case.zip', query: [] },
    { path: '/admin/reports', query: ['year'] },
    { path: '/admin/reports/{orgCode}/{year}', query: [] },
    { path: '/admin/reports/{orgCode}/{year}/report.docx', query: [] },
    { path: '/admin/reports/{orgCode}/{year}/report.xlsx', query: [] },
    { path: '/admin/ysqgk/{requestId}/files/{fileId}', query: [] },
    { path: '/admin/interpretations/new', query: ['policy', 'kind'] },
    { path: '/admin/concerns', query: [] },
    { path: '/admin/concerns/new', query: [] },
    { path: '/admin/concerns/{concernId}', query: [] },
    { path: '/admin/services', query: [] },
    { path: '/admin/services/guides/new', query: [] },
    { path: '/admin/services/guides/{documentId}/edit', query: [] },
    { path: '/admin/services/bundles/new', query: [] },
    { path: '/admin/services/bundles/{documentId}/edit', query: [] },
    { path: '/admin/interpretations/{documentId}/article.html', query: [] },
    { path: '/admin/interpretations/{documentId}/edit', query: [] },
    { path: '/admin/interpretations/{documentId}/poster.png', query: [] },
    { path: '/admin/push', query: [] },
    { path: '/admin/push/webhooks', query: [] },
    { path: '/admin/push/{messageId}', query: [] },
    { path: '/admin/participation/consultations', query: ['page'] },
    { path: '/admin/participation/consultations/new', query: [] },
    { path: '/admin/participation/consultations/{consultationId}', query: [] },
    { path: '/admin/participation/consultations/{consultationId}/edit', query: [] },
    { path: '/admin/participation/surveys', query: ['page'] },
    { path: '/admin/participation/surveys/new', query: [] },
    { path: '/admin/participation/surveys/{surveyId}', query: [] },
    { path: '/admin/participation/surveys/{surveyId}/edit', query: [] },
    { path: '/admin/participation/messages', query: ['state', 'page'] },
    { path: '/admin/participation/messages/{messageId}', query: [] },
    { path: '/admin/participation/decisions', query: ['year'] },
    { path: '/admin/participation/decisions/new', query: [] },
    { path: '/admin/participation/decisions/{decisionId}/edit', query: [] },
    { path: '/admin/participation/decisions/{decisionId}/meetings', query: [] },
    { path: '/admin/participation/decisions/{decisionId}/meetings/new', query: [] },
    { path: '/admin/participation/meetings/{meetingId}', query: [] },
    { path: '/admin/participation/meetings/{meetingId}/edit', query: [] },
    { path: '/admin/participation/interviews', query: [] },
    { path: '/admin/participation/interviews/new', query: [] },
    { path: '/admin/participation/interviews/{interviewId}', query: [] },
    { path: '/admin/participation/interviews/{openInterviewId}/edit', query: [] },
    { path: '/admin/settings', query: [] },
    { path: '/admin/account', query: [] },
    { path: '/admin/account/2fa', query: [] },
  ];

  it('answers hostile requests to the back office with a Chinese HTML page or a redirect, never 5xx', async () => {
    const { staffCookie, staffForms, sendAll, expectAllAnsweredWell, fill, damagedPath } = run;
    const rng = new Rng('back office');
    const probes: Probe[] = [];
    for (const page of BACK_OFFICE_PAGES) {
      for (let i = 0; i < 8; i++) {
        const damaged = i >= 6 ? damagedPath(page.path, rng).path : fill(page.path, rng);
        probes.push({
          label: `back office, signed in (${page.path})`,
          method: 'GET',
          url: i % 2 === 0 ? `${damaged}?${fuzzQuery(rng, page.query)}` : damaged,
          headers: { cookie: staffCookie },
        });
      }
      probes.push({
        label: `back office, no session (${page.path})`,
        method: 'GET',
        url: `${fill(page.path, rng)}?${fuzzQuery(rng, page.query)}`,
        headers: rng.chance(0.5) ? { cookie: hostileCookie(rng) } : {},
      });
      probes.push({
        label: `back office post, no session (${page.path})`,
        method: 'POST',
        url: fill(page.path, rng),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${oddQueryValue(rng)}`,
      });
    }
    // Signed in, forms that change things sent without the page's token: refused before they are read.
    for (const url of [
      '/admin/documents',
      '/admin/orgs',
      '/admin/users',
      '/admin/settings',
      '/admin/account/tokens',
      '/admin/interpretations',
      '/admin/concerns',
      '/admin/push/preview',
      '/admin/push/send',
      '/admin/push/webhooks',
      '/admin/participation/consultations',
      '/admin/participation/surveys',
      // The interview media form, which takes an uploaded photo.
      fill('/admin/participation/interviews/{interviewId}/media', rng),
    ]) {
      for (const type of [
        'application/x-www-form-urlencoded',
        'application/json',
        'text/plain',
        'multipart/form-data',
      ]) {
        probes.push({
          label: `back office post without the token (${url})`,
          method: 'POST',
          url,
          headers: { cookie: staffCookie, 'content-type': type },
          payload: type === 'application/json' ? `{"_csrf":${oddJsonValue(rng)}}` : `_csrf=${oddQueryValue(rng)}`,
        });
      }
    }
    // Signed in, with the page's token: every upload form gets every odd file once.
    for (const form of staffForms.filter((f) => f.multipart)) {
      ODD_FILES.forEach((file, i) => {
        const body = multipartBody([
          { name: '_csrf', value: form.csrf },
          {
            name: rng.pick(form.fileFields),
            fileName: `odd-${i}.${rng.pick(['ics', 'json', 'xlsx', 'pdf', 'png', 'docx'])}`,
            bytes: Buffer.from(file(), 'utf8'),
          },
        ]);
        probes.push({
          label: `back office upload of odd file ${i} (${form.action})`,
          method: 'POST',
          url: form.action,
          headers: { cookie: form.cookie, 'content-type': body.type },
          payload: body.payload,
        });
      });
    }
    // Signed in, with the page's token: every form the back office shows, filled with hostile values.
    for (const form of staffForms) {
      for (let i = 0; i < 6; i++) {
        const fields = form.fields.map(([name, value]): [string, string] =>
          rng.chance(0.4) ? [name, oddQueryValue(rng)] : [name, pct(value)],
        );
        if (rng.chance(0.3)) fields.push([oddQueryKey(rng, rng.pick(form.fields)?.[0] ?? 'x'), oddQueryValue(rng)]);
        const encoded = `_csrf=${pct(form.csrf)}&${fields.map(([k, v]) => `${pct(k)}=${v}`).join('&')}`;
        if (form.multipart) {
          const body = multipartBody([
            { name: '_csrf', value: form.csrf },
            ...form.fields
              .filter(([name]) => name !== 'file')
              .map(([name]) => ({ name, value: decodeOr(oddQueryValue(rng)) })),
            {
              name: rng.pick(form.fileFields),
              fileName: rng.pick(['a.xlsx', 'a.pdf', 'a.ics', 'a.json', '\u202ea.xlsx', '..\\a.txt']),
              bytes: Buffer.from(rng.pick(ODD_FILES)(), 'utf8'),
            },
          ]);
          probes.push({
            label: `back office upload form (${form.action})`,
            method: 'POST',
            url: form.action,
            headers: { cookie: form.cookie, 'content-type': body.type },
            payload: body.payload,
          });
        } else {
          probes.push({
            label: `back office form (${form.action})`,
            method: 'POST',
            url: form.action,
            headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            payload: encoded,
          });
        }
      }
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it(`sent at least ${MINIMUM_REQUESTS.toLocaleString('en')} hostile requests`, () => {
    // Each chunk (test file) sends its share on its own app and asserts it in its afterAll; the
    // shares add up to MINIMUM_REQUESTS, so the chunks together send at least that many.
    const together = Object.values(REQUEST_SHARES).reduce((sum, share) => sum + share, 0);
    console.log(
      `hostile input on ${dialect.name}: ${run.sent} requests in this chunk; ` +
        `the chunks' shares add up to ${together.toLocaleString('en')}`,
    );
    expect(together).toBeGreaterThanOrEqual(MINIMUM_REQUESTS);
    expect(run.sent).toBeGreaterThanOrEqual(REQUEST_SHARES['sign-in-and-back-office']);
  });
});
