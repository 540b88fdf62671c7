import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../../src/demo/files.ts';
import { createTestApp, createTestServer, type TestApp } from '../../app.ts';
import { DIALECTS } from '../../databases.ts';
import {
  BODY_LIMIT,
  deepJson,
  MALFORMED_JSON,
  multipartBody,
  oddJsonValue,
  WRONG_CONTENT_TYPES,
} from './hostile-bodies.ts';
import { fuzzQuery, Rng } from './hostile-values.ts';
import { expectShareSent, HOSTILE_APP_OPTIONS, prepareHostileRun, seedHostileFixture, type HostileRun } from './kit.ts';
import { sampleOf } from './openapi.ts';
import { clip, show, type Probe } from './probes.ts';
import { signAsUpstream } from '../../requests/provincial-kit.ts';

/** The provincial platform's intake: signed bodies only (`platform/signed-body.ts`). */
const UPSTREAM_INTAKE = '/api/v1/upstream/foi/applications';

/**
 * The hostile-input fuzz (see `kit.ts`), chunk `api`: the JSON API driven by its OpenAPI document
 * (hostile JSON bodies, multipart uploads, query strings, paths and content types on every route)
 * and a handful of bodies just over the 4 MB limit.
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
      if (run) expectShareSent(run, 'api', suite);
    } finally {
      await server?.close();
      await app?.cleanup();
    }
  });

  // -------------------------------------------------------------------------------------------
  // The API, driven by its OpenAPI document

  it('answers hostile JSON bodies on every API route in Chinese JSON, never 5xx', async () => {
    const { operations, knownBodyValues, token, sendAll, expectAllAnsweredWell, fill, bearer } = run;
    const rng = new Rng('api bodies');
    const probes: Probe[] = [];
    for (const op of operations) {
      const wantsBody = op.method !== 'GET';
      if (!wantsBody) continue;
      const url = () => fill(op.path, rng);
      const schema = op.body?.kind === 'json' ? op.body.schema : { type: 'object' };
      const base = sampleOf(schema, '', knownBodyValues) as Record<string, unknown>;
      const fields = [...new Set([...Object.keys(base), ...Object.keys(schema.properties ?? {})])];
      const json = (label: string, body: string | Buffer, headers: Record<string, string> = bearer(rng)) =>
        probes.push({
          label: `api body: ${label}`,
          method: op.method,
          url: url(),
          headers: { ...headers, 'content-type': 'application/json' },
          payload: body,
        });
      for (const malformed of MALFORMED_JSON) json(malformed.name, malformed.body);
      for (let i = 0; i < 8; i++) {
        const deep = deepJson(rng);
        json(deep.name, deep.body);
      }
      for (let i = 0; i < 16; i++) {
        // A valid body but for one field, or an extra field with a prototype-polluting name.
        const text = JSON.stringify({ ...base, __fuzz__: '__FUZZ__' });
        const field = fields.length > 0 && rng.chance(0.85) ? rng.pick(fields) : undefined;
        const odd = oddJsonValue(rng);
        const body = field
          ? JSON.stringify({ ...base, [field]: '__FUZZ__' }).replace('"__FUZZ__"', () => odd)
          : text.replace(
              '"__fuzz__":"__FUZZ__"',
              () => rng.pick(['"__proto__"', '"constructor"', '"prototype"']) + ':' + odd,
            );
        json(`field ${field ?? '(extra)'} = ${clip(odd, 60)}`, body);
      }
      json('valid body', JSON.stringify(base));
      // Without a token, with a broken one, and with a header that is not a bearer token at all.
      for (const headers of [
        {} as Record<string, string>,
        { authorization: 'Bearer gk_not-a-real-token' },
        { authorization: `Bearer ${token}x` },
        { authorization: 'Basic ZWR1LmVkaXRvcjpmaXh0dXJl' },
        { authorization: 'Bearer' },
        { authorization: `Bearer ${'t'.repeat(10_000)}` },
        { authorization: `bearer  ${token}` },
        { authorization: `Bearer ${token}, Bearer ${token}` },
      ]) {
        json(`auth ${clip(headers.authorization ?? '(none)', 40)}`, rng.pick(MALFORMED_JSON).body, headers);
        json(`auth ${clip(headers.authorization ?? '(none)', 40)} valid body`, JSON.stringify(base), headers);
      }
    }
    expect(probes.length).toBeGreaterThan(500);
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it('answers hostile multipart uploads on every upload route in Chinese JSON, never 5xx', async () => {
    const { operations, sendAll, expectAllAnsweredWell, fill, bearer } = run;
    const rng = new Rng('api uploads');
    const probes: Probe[] = [];
    const pdf = makePdf('fuzz upload');
    for (const op of operations.filter((o) => o.body?.kind === 'multipart')) {
      const forms: { name: string; payload: Buffer; type: string }[] = [
        { name: 'no boundary', payload: Buffer.from('garbage'), type: 'multipart/form-data' },
        { name: 'empty boundary', payload: Buffer.from('garbage'), type: 'multipart/form-data; boundary=' },
        {
          name: 'garbage body',
          payload: Buffer.from('\u0000\u0001garbage\r\n\r\n--'),
          type: 'multipart/form-data; boundary=x',
        },
        {
          name: 'boundary of 5,000 characters',
          ...multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: pdf }], { boundary: 'b'.repeat(5_000) }),
        },
        {
          name: 'boundary mismatch',
          payload: multipartBody([{ name: 'a', value: 'b' }]).payload,
          type: 'multipart/form-data; boundary=other',
        },
        { name: 'cut off', ...multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: pdf }], { close: false }) },
        {
          name: 'cut off mid-file',
          ...multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: pdf.subarray(0, 30) }], { close: false }),
        },
        {
          name: 'six files',
          ...multipartBody(Array.from({ length: 6 }, (_, i) => ({ name: 'file', fileName: `${i}.pdf`, bytes: pdf }))),
        },
        {
          name: '201 fields',
          ...multipartBody(Array.from({ length: 201 }, (_, i) => ({ name: `f${i}`, value: 'v' }))),
        },
        {
          name: 'too many part headers',
          ...multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: pdf, extraHeaders: 'X-A: 1\r\n'.repeat(30) }]),
        },
        {
          name: 'NUL in a field',
          ...multipartBody([
            { name: 'note', value: 'a\u0000b' },
            { name: 'file', fileName: 'a.pdf', bytes: pdf },
          ]),
        },
        {
          name: '__proto__ fields',
          ...multipartBody([
            { name: '__proto__', value: 'a' },
            { name: '__proto__', value: 'b' },
            { name: 'file', fileName: 'a.pdf', bytes: pdf },
          ]),
        },
        {
          name: 'constructor field',
          ...multipartBody([
            { name: 'constructor', value: 'a' },
            { name: 'file', fileName: 'a.pdf', bytes: pdf },
          ]),
        },
        { name: 'file under another name', ...multipartBody([{ name: 'upload', fileName: 'a.pdf', bytes: pdf }]) },
        { name: 'file without a name', ...multipartBody([{ name: 'file', fileName: '', bytes: pdf }]) },
        { name: 'empty file', ...multipartBody([{ name: 'file', fileName: 'a.pdf', bytes: Buffer.alloc(0) }]) },
        { name: 'field of 4 MB + 1', ...multipartBody([{ name: 'note', value: 'n'.repeat(BODY_LIMIT + 1) }]) },
      ];
      for (const fileName of [
        '../../../etc/passwd.pdf',
        '..\\..\\x.pdf',
        '\u202egnp.pdf',
        '\u200b.pdf',
        `${'长'.repeat(3_000)}.pdf`,
        'a.pdf\u0000.exe',
        '%00.pdf',
        '.pdf',
        'CON.pdf',
        '<script>.pdf',
        '"quoted".pdf',
        '😀.pdf',
        'a.PDF',
        'a.pdf.',
        'a',
      ]) {
        forms.push({
          name: `file named ${clip(JSON.stringify(fileName), 50)}`,
          ...multipartBody([{ name: 'file', fileName, bytes: pdf }]),
        });
      }
      for (const form of forms) {
        for (const headers of [bearer(rng), {}]) {
          probes.push({
            label: `upload: ${form.name}${'authorization' in headers ? '' : ' (no token)'}`,
            method: op.method,
            url: fill(op.path, rng),
            headers: { ...headers, 'content-type': form.type },
            payload: form.payload,
          });
        }
      }
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it('answers hostile query strings and paths on every API route in Chinese JSON, never 5xx', async () => {
    const { operations, sendAll, expectAllAnsweredWell, fill, damagedPath, bearer } = run;
    const rng = new Rng('api query and path');
    const probes: Probe[] = [];
    for (const op of operations) {
      const names = [...op.queryParams, ...op.pathParams];
      const auths = op.needsToken ? [bearer(rng), {}] : [{}, bearer(rng)];
      for (let i = 0; i < 14; i++) {
        probes.push({
          label: `api query (${op.method} ${op.path})`,
          method: op.method,
          url: `${fill(op.path, rng)}?${fuzzQuery(rng, names)}`,
          headers: i % 4 === 3 ? auths[1]! : auths[0]!,
        });
      }
      for (let i = 0; i < 14; i++) {
        const damaged = damagedPath(op.path, rng);
        probes.push({
          label: `api path: ${damaged.how} (${op.method} ${op.path})`,
          method: op.method,
          url: rng.chance(0.3) ? `${damaged.path}?${fuzzQuery(rng, names)}` : damaged.path,
          headers: i % 4 === 3 ? auths[1]! : auths[0]!,
        });
      }
    }
    // Paths near the API that are not in the document.
    for (const url of [
      '/api',
      '/api/',
      '/api/v1',
      '/api/v2/documents',
      '/api/v1/openapi.json?x=%FF',
      '/api/v1/openapi.json/%2e%2e',
      '/api/v1/%2e%2e/v1/documents',
      '/API/v1/documents',
      '/Api/v1/orgs',
      '/%41PI/v1/orgs',
      '/%61pi/v1/orgs',
      '/%61%70%69/v1/orgs',
      '//api/v1/orgs',
      '/api//v1/orgs',
      '/api/v1/orgs/',
      '/api/v1/documents/',
      `/api/${'v'.repeat(5_000)}`,
      `/api/v1/${'x/'.repeat(1_500)}`,
      '/api%2Fv1%2Forgs',
      '/api\\v1\\orgs',
      '/api/v1/orgs%00',
      '/api/v1/orgs?%',
      '/api/v1/orgs#x',
    ]) {
      probes.push({ label: 'api near miss', method: 'GET', url });
      probes.push({ label: 'api near miss (token)', method: 'GET', url, headers: bearer() });
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it('answers wrong content types on every API route in Chinese JSON, never 5xx', async () => {
    const { operations, knownBodyValues, sendAll, expectAllAnsweredWell, fill, bearer } = run;
    const rng = new Rng('api content types');
    const probes: Probe[] = [];
    for (const op of operations) {
      const schema = op.body?.kind === 'json' ? op.body.schema : { type: 'object' };
      const base = sampleOf(schema, '', knownBodyValues) as Record<string, unknown>;
      const bodies = [
        JSON.stringify(base),
        new URLSearchParams(Object.entries(base).map(([k, v]): [string, string] => [k, String(v)])).toString(),
        '<document><title>测试</title></document>',
        Buffer.from(JSON.stringify(base), 'utf16le'),
      ];
      for (const type of WRONG_CONTENT_TYPES) {
        const headers: Record<string, string> = { ...(op.needsToken ? bearer(rng) : {}) };
        if (type !== undefined) headers['content-type'] = type;
        probes.push({
          label: `api content type ${show(type)}`,
          method: op.method === 'GET' ? rng.pick(['POST', 'GET']) : op.method,
          url: fill(op.path, rng),
          headers,
          payload: rng.pick(bodies),
        });
      }
      // Without a token the content type must not matter: refused before the body is read.
      for (let i = 0; i < 4; i++) {
        const type = rng.pick(WRONG_CONTENT_TYPES);
        probes.push({
          label: `api content type ${show(type)} (no token)`,
          method: op.method,
          url: fill(op.path, rng),
          headers: type === undefined ? {} : { 'content-type': type },
          payload: rng.pick(bodies),
        });
      }
    }
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  it('answers hostile signed bodies on the provincial intake in Chinese JSON, never 5xx', async () => {
    const { operations, knownBodyValues, sendAll, expectAllAnsweredWell } = run;
    const op = operations.find((o) => o.path === UPSTREAM_INTAKE && o.method === 'POST');
    expect(op?.body?.kind).toBe('json');
    const schema = op!.body!.kind === 'json' ? op!.body!.schema : {};
    const rng = new Rng('upstream signed bodies');
    const base = sampleOf(schema, '', { ...knownBodyValues, agency: 'edu', upstreamId: 'SQ-FUZZ-1' }) as Record<
      string,
      unknown
    >;
    const fields = [...new Set([...Object.keys(base), ...Object.keys(schema.properties ?? {})])];
    expect(fields).toContain('upstreamId');
    const probes: Probe[] = [];
    // Signed with the shared secret at the app's time, so every body gets past the signature to the parser.
    const signed = (label: string, body: string | Buffer, type: string | undefined = 'application/json') =>
      probes.push({
        label: `upstream: ${label}`,
        method: 'POST',
        url: UPSTREAM_INTAKE,
        headers: {
          ...(type === undefined ? {} : { 'content-type': type }),
          ...signAsUpstream(body, { at: app.clock.now() }),
        },
        payload: body,
      });
    for (const malformed of MALFORMED_JSON) signed(malformed.name, malformed.body);
    for (let i = 0; i < 12; i++) {
      const deep = deepJson(rng);
      signed(deep.name, deep.body);
    }
    for (let i = 0; i < 60; i++) {
      const field = rng.chance(0.85) ? rng.pick(fields) : undefined;
      const odd = oddJsonValue(rng);
      const body = field
        ? JSON.stringify({ ...base, [field]: '__FUZZ__' }).replace('"__FUZZ__"', () => odd)
        : JSON.stringify({ ...base, __fuzz__: 1 }).replace(
            '"__fuzz__":1',
            () => rng.pick(['"__proto__"', '"constructor"', '"prototype"']) + ':' + odd,
          );
      signed(`field ${field ?? '(extra)'} = ${clip(odd, 60)}`, body);
    }
    for (const type of WRONG_CONTENT_TYPES) signed(`content type ${show(type)}`, JSON.stringify(base), type);
    signed('UTF-16 body', Buffer.from(JSON.stringify(base), 'utf16le'));
    signed('valid-looking body', JSON.stringify(base));
    // Damaged signatures: refused before the body is read as JSON.
    const body = JSON.stringify(base);
    const good = signAsUpstream(body, { at: app.clock.now() });
    for (const [label, headers] of [
      ['timestamp in milliseconds', { ...good, 'x-gongkai-timestamp': `${good['x-gongkai-timestamp']}000` }],
      ['negative timestamp', { ...good, 'x-gongkai-timestamp': '-1' }],
      ['timestamp 1e12', { ...good, 'x-gongkai-timestamp': '1e12' }],
      ['huge timestamp', { ...good, 'x-gongkai-timestamp': '9'.repeat(400) }],
      ['nonce of 10,000 characters', { ...good, 'x-gongkai-nonce': 'n'.repeat(10_000) }],
      ['nonce with spaces', { ...good, 'x-gongkai-nonce': 'a nonce with spaces in it' }],
      ['signature of 10,000 characters', { ...good, 'x-gongkai-signature': 'f'.repeat(10_000) }],
      ['signature not hex', { ...good, 'x-gongkai-signature': 'z'.repeat(64) }],
      ['empty headers', { 'x-gongkai-timestamp': '', 'x-gongkai-nonce': '', 'x-gongkai-signature': '' }],
    ] as const) {
      probes.push({
        label: `upstream signature: ${label}`,
        method: 'POST',
        url: UPSTREAM_INTAKE,
        headers: { 'content-type': 'application/json', ...headers },
        payload: body,
      });
    }
    expect(probes.length).toBeGreaterThan(100);
    const failures = await sendAll(probes);
    expectAllAnsweredWell(failures, probes);
  }, 120_000);

  // -------------------------------------------------------------------------------------------
  // A handful of bodies just over the 4 MB limit (slow, so few)

  it('answers bodies just over 4 MB with 413 in the right format, never 5xx', async () => {
    const { values, loginCookie, loginCsrf, sendAll, expectAllAnsweredWell, bearer } = run;
    const big = 'a'.repeat(BODY_LIMIT + 1_024);
    const editionId = values.editionId![0]!;
    const probes: Probe[] = [
      {
        label: 'oversized JSON',
        method: 'POST',
        url: '/api/v1/staff/documents',
        headers: { ...bearer(), 'content-type': 'application/json' },
        payload: `{"title":"${big}"}`,
      },
      {
        label: 'oversized JSON without a token',
        method: 'POST',
        url: '/api/v1/staff/documents',
        headers: { 'content-type': 'application/json' },
        payload: `{"title":"${big}"}`,
      },
      {
        label: 'oversized text',
        method: 'PATCH',
        url: `/api/v1/staff/editions/${editionId}`,
        headers: { ...bearer(), 'content-type': 'text/plain' },
        payload: big,
      },
      {
        label: 'oversized upload',
        method: 'POST',
        url: `/api/v1/staff/editions/${editionId}/attachments`,
        headers: { ...bearer(), 'content-type': multipartBody([]).type },
        payload: multipartBody([{ name: 'file', fileName: 'big.pdf', bytes: Buffer.from(big) }]).payload,
      },
      {
        label: 'oversized sign-in form',
        method: 'POST',
        url: '/admin/login',
        headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${loginCsrf}&username=${big}`,
        remoteAddress: '198.51.100.1',
      },
      {
        label: 'oversized signed JSON to the provincial intake',
        method: 'POST',
        url: UPSTREAM_INTAKE,
        headers: {
          'content-type': 'application/json',
          ...signAsUpstream(`{"name":"${big}"}`, { at: app.clock.now() }),
        },
        payload: `{"name":"${big}"}`,
      },
      {
        label: 'oversized JSON to a page that does not exist',
        method: 'POST',
        url: '/no/such/page',
        headers: { 'content-type': 'application/json' },
        payload: `{"a":"${big}"}`,
      },
    ];
    const failures = await sendAll(probes);
    expectAllAnsweredWell(failures, probes);
  }, 120_000);
});
