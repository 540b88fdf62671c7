import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import inject from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../../src/demo/files.ts';
import { approveCatalog } from '../../src/modules/catalog/commands/approve-catalog.ts';
import { importCatalogTemplate } from '../../src/modules/catalog/commands/import-catalog-template.ts';
import { startCatalogVersion } from '../../src/modules/catalog/commands/start-catalog-version.ts';
import { submitCatalog } from '../../src/modules/catalog/commands/submit-catalog.ts';
import { createDraft } from '../../src/modules/documents/commands/create-draft.ts';
import { publishEdition } from '../../src/modules/documents/commands/publish-edition.ts';
import { submitEdition } from '../../src/modules/documents/commands/submit-edition.ts';
import { createTestApp, createTestServer, markAsDemo, type TestApp } from '../app.ts';
import { DIALECTS } from '../databases.ts';
import { FIXTURE_PASSWORD, publishedDocument, sampleContent, seedFixture, type Fixture } from '../fixtures.ts';
import { csrfFieldOf, HAN, keepCookies, signedIn, tokenFor } from '../http/http-kit.ts';

/**
 * A bounded, deterministic fuzz of the whole HTTP surface: a few thousand hostile requests per
 * database dialect, over every route of the OpenAPI document, every public page, the sign-in form
 * and (signed in) the back office's pages. Whatever arrives, the server must never answer 5xx,
 * must always send the security headers, and must refuse in Chinese in the format of the part of
 * the site asked: `{ code, message }` JSON under /api/, an HTML page elsewhere.
 *
 * The requests come from a seeded PRNG (mulberry32), so every run sends exactly the same ones; a
 * failure names the request (label, method, target, headers, body) so it can be sent again.
 *
 * Request targets are delivered to the server exactly as written here, the way Node's HTTP parser
 * hands them over: `server.inject` (light-my-request) would first normalise them with WHATWG URL
 * parsing, resolving `..`, `%2e%2e` and backslashes before the server ever saw them. So requests
 * go through the same light-my-request machinery as `inject`, dispatched to `server.routing` (the
 * server's own request handler) with the raw target put back on the request. Targets stay printable
 * ASCII, plus a few raw UTF-8 bytes read as latin1, which is what Node makes of them.
 */

const NOW = '2026-03-02T02:00:00Z';
const SEED = 0x5eed_2026;
const UNKNOWN_ID = '0000000000000000';
const MINIMUM_REQUESTS = 2_000;
const BODY_LIMIT = 4 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny, fast, seeded PRNG; the same seed gives the same run every time. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(label: string) {
    let hash = SEED;
    for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    this.next = mulberry32(hash);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** Raw UTF-8 bytes as Node's HTTP parser hands them over in a request target: read as latin1. */
const rawBytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const pct = (text: string) => encodeURIComponent(text);

/** Query values as sent on the wire (already percent-encoded where they need to be). */
function oddQueryValue(rng: Rng): string {
  return rng.pick<() => string>([
    () => 'a'.repeat(rng.int(10_000, 100_000)),
    () => '%E6%95%99'.repeat(rng.int(1_200, 11_000)),
    () => 'x%20'.repeat(rng.int(2_500, 25_000)),
    () => '%ED%A0%80',
    () => 'a%ED%B0%80b',
    () => '%E2%80%AE%E6%95%99%E8%82%B2',
    () => '%E2%80%8B',
    () => '%00',
    () => 'a%00b',
    () => '%EF%BC%91%EF%BC%92',
    () => '%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96',
    () => '%F0%9F%98%80%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9',
    () => '%',
    () => '%G1',
    () => '%FF',
    () => '%C0%AF',
    () => '%C0%80',
    () => '%E6',
    () => '%E6%95',
    () => '-1',
    () => '0',
    () => '-0',
    () => '1e309',
    () => '-1e309',
    () => '99999999999999999999',
    () => '100001',
    () => '1.5',
    () => 'NaN',
    () => 'Infinity',
    () => '0x10',
    () => '%2B1',
    () => '+1',
    () => '%201',
    () => '',
    () => '%20%20',
    () => 'true',
    () => 'undefined',
    () => 'null',
    () => '[object%20Object]',
    () => '__proto__',
    () => 'constructor',
    () => 'hasOwnProperty',
    () => '%27%20OR%20%271%27%3D%271',
    () => '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    () => '%0D%0ASet-Cookie:%20x=1',
    () => '..%2F..%2Fetc%2Fpasswd',
    () => '%2F%2Fevil.example',
    () => '//evil.example',
    () => '/%5Cevil.example',
    () => 'javascript:alert(1)',
    () => rawBytes('教育'),
    () => rawBytes('测试区教育局'),
    () => pct('教育'),
    () => pct('科技、教育'),
    () => pct('通知'),
    () => 'edu',
    () => 'town',
    () => 'nosuchunit',
    () => '20',
    () => '01',
    () => '99',
    () => '1',
    () => '2',
  ])();
}

/** Query parameter names beyond a route's own. */
function oddQueryKey(rng: Rng, name: string): string {
  return rng.pick<() => string>([
    () => `${name}[]`,
    () => `${name}[a][b]`,
    () => `${name}${'[a]'.repeat(rng.int(65, 2_000))}`,
    () => '__proto__',
    () => '__proto__[polluted]',
    () => 'constructor[prototype][polluted]',
    () => 'constructor',
    () => 'toString',
    () => '',
    () => '%00',
    () => pct(name).replace(/^./, (c) => `%${c.charCodeAt(0).toString(16)}`),
    () => name.toUpperCase(),
    () => 'k'.repeat(rng.int(1_000, 20_000)),
    () => '%ED%A0%80',
    () => '%',
  ])();
}

/** A query string (without `?`) built from a route's parameter names. */
function fuzzQuery(rng: Rng, names: readonly string[]): string {
  const pool = names.length > 0 ? names : ['q'];
  const parts: string[] = [];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) {
    const name = rng.pick(pool);
    const shape = rng.int(0, 9);
    const value = oddQueryValue(rng);
    if (shape <= 3) parts.push(`${name}=${value}`);
    else if (shape === 4) parts.push(`${name}=${value}&${name}=${oddQueryValue(rng)}`);
    else if (shape === 5) parts.push(`${oddQueryKey(rng, name)}=${value}`);
    else if (shape === 6) parts.push(name);
    else if (shape === 7) parts.push(`${name}=${rng.pick(['a', '1', '%FF', '%00', ''])}&`.repeat(rng.int(50, 1_000)));
    else if (shape === 8) parts.push(`${name}=1&pageSize=1&page=${rng.pick(['1', '2', '3', '100000'])}`);
    else parts.push(`=${value}&&&${name}==`);
  }
  return parts.join('&');
}

/** Path segments that are odd, broken or hostile, as sent on the wire. */
function oddSegment(rng: Rng): string {
  return rng.pick<() => string>([
    () => '%',
    () => '%G1',
    () => '%FF',
    () => '%C0%AF',
    () => '%C0%80',
    () => '%ED%A0%80',
    () => '%E6',
    () => '%2F',
    () => '%2f',
    () => '%5C',
    () => '%3B',
    () => 'x;y=1',
    () => '..',
    () => '.',
    () => '%2e%2e',
    () => '%2E',
    () => '.%2e',
    () => '%00',
    () => '%0A',
    () => '%0d%0a',
    () => '%7F',
    () => '%20',
    () => '+',
    () => '%25',
    () => '%2525',
    () => '%252e%252e',
    () => '*',
    () => ':id',
    () => '{id}',
    () => '%E2%80%AE',
    () => '%E2%80%8B',
    () => '%F0%9F%98%80',
    () => '%EF%BC%91',
    () => '-1',
    () => '0',
    () => '1e309',
    () => '99999999999999999999',
    () => UNKNOWN_ID,
    () => 'AAAAAAAAAAAAAAAA',
    () => '~',
    () => 'a'.repeat(rng.int(201, 5_000)),
    () => 'b'.repeat(200),
    () => '%E6%95%99'.repeat(rng.int(23, 600)),
    () => '__proto__',
    () => 'constructor',
    () => 'index.html',
    () => '.env',
    () => '..%5c',
    () => rawBytes('教育'),
    () => pct('教育'),
    () => 'x.xlsx',
    () => '%61',
  ])();
}

/** JSON texts of odd values, spliced into otherwise valid bodies. */
function oddJsonValue(rng: Rng): string {
  return rng.pick<() => string>([
    () => JSON.stringify('a'.repeat(rng.int(10_000, 100_000))),
    () => JSON.stringify('字'.repeat(rng.int(3_000, 30_000))),
    () => '"\\u202e反转文字"',
    () => '"\\u200b"',
    () => '"\\ud800"',
    () => '"\\udfff尾"',
    () => '"\\ud83d\\ude00\\ud83d\\udc69\\u200d\\ud83d\\udc69"',
    () => '"２０２６－０３－０５"',
    () => '"测教发〔２０２６〕３号"',
    () => '"\\u0000"',
    () => '"a\\u0000b"',
    () => '""',
    () => '"   "',
    () => '123',
    () => '-1',
    () => '0',
    () => '-0',
    () => '1e309',
    () => '-1e309',
    () => '99999999999999999999',
    () => '0.1',
    () => 'true',
    () => 'false',
    () => 'null',
    () => '[]',
    () => '["a"]',
    () => '[1,2,3]',
    () => '{}',
    () => '{"a":1}',
    () => `${'['.repeat(65)}${']'.repeat(65)}`,
    () => '"<script>alert(1)</script>"',
    () => "\"' OR '1'='1\"",
    () => '"2026-02-30"',
    () => '"9999-12-31T23:59:59Z"',
    () => '"+275760-09-13T00:00:00Z"',
    () => '"2026-03-05T08:00:00+99:99"',
    () => `"${UNKNOWN_ID}"`,
    () => '"../../../etc/passwd"',
    () => '"\\r\\nX-Injected: 1"',
    () => '{"__proto__":{"polluted":"yes"}}',
    () => '{"constructor":{"prototype":{"polluted":"yes"}}}',
    () => JSON.stringify(Array.from({ length: 25 }, (_, i) => `关键词${i}`)),
    () =>
      rng.pick(['"0000-00-00"', '"2026-13-01"', '"9999-12-31"', '"0001-01-01"', '"2026-2-3"', '"2026-03-05T00:00"']),
    () =>
      rng.pick([
        '"2026-03-05T24:00:00Z"',
        '"2026-03-05T08:00:60Z"',
        '"1970-01-01T00:00:00Z"',
        '"2026-03-05T08:00:00.123456789+08:00"',
      ]),
    () => JSON.stringify(`<p>${'<div>'.repeat(rng.int(100, 5_000))}深</p>`),
    () => JSON.stringify(`<p>${'<b>'.repeat(rng.int(1_000, 20_000))}</p>`),
    () =>
      rng.pick([
        '"<p>&#0;&#x0;&#xD800;&#55296;&#x110000;</p>"',
        '"<p>&#99999999999;</p>"',
        '"<!--"',
        '"<![CDATA[x]]>"',
      ]),
    () =>
      rng.pick([
        '"<svg><script>alert(1)</script></svg>"',
        '"<a href=\\"javascript:alert(1)\\">x</a>"',
        '"<img src=x onerror=alert(1)>"',
      ]),
    () => JSON.stringify(`<p>${'<'.repeat(rng.int(10_000, 100_000))}</p>`),
    () => JSON.stringify(`<p style="${'x'.repeat(rng.int(10_000, 100_000))}">长属性</p>`),
    () =>
      rng.pick([
        '"测教发〔2026〕99999999999999999999号"',
        '"〔2026〕号"',
        '"测教发〔-1〕3号"',
        '"测教发〔0000〕3号"',
        '"x〔2026〕1.5号"',
      ]),
    () => rng.pick(['"ZZZZZZZZZZZZZZZZ"', '"aaaaaaaaaaaaaaaa"', `"${'k'.repeat(40)}"`]),
  ])();
}

/** Request bodies that are not JSON, not quite JSON, or JSON of the wrong shape. */
const MALFORMED_JSON: readonly { name: string; body: string | Buffer }[] = [
  { name: 'cut off', body: '{"title": "关于' },
  { name: 'cut off after a key', body: '{"title":' },
  { name: 'trailing brace', body: '{"title":"x"}}' },
  { name: 'trailing garbage', body: '{"title":"x"} garbage' },
  { name: 'two documents', body: '{"a":1}{"b":2}' },
  { name: 'BOM', body: '\ufeff{"title":"x"}' },
  { name: 'NaN', body: '{"page": NaN}' },
  { name: 'Infinity', body: '{"page": Infinity}' },
  { name: 'single quotes', body: "{'title': 'x'}" },
  { name: 'bare keys', body: '{title: "x"}' },
  { name: 'trailing comma', body: '{"title":"x",}' },
  { name: 'comment', body: '/* c */ {"title":"x"}' },
  { name: 'leading zero', body: '{"n":01}' },
  { name: 'bad escape', body: '{"title":"\\x41"}' },
  { name: 'raw control character in a string', body: '{"title":"a\u0001b"}' },
  { name: 'raw NUL after the document', body: '{"title":"x"}\u0000' },
  { name: 'empty', body: '' },
  { name: 'whitespace only', body: ' \r\n\t ' },
  { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { name: 'UTF-16LE text', body: Buffer.from('{"title":"x"}', 'utf16le') },
  { name: 'UTF-16 with BOM', body: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}', 'utf16le')]) },
  { name: 'null', body: 'null' },
  { name: 'true', body: 'true' },
  { name: 'a number', body: '42' },
  { name: 'a huge number', body: '1e309' },
  { name: 'a string', body: '"标题"' },
  { name: 'an empty array', body: '[]' },
  { name: 'an array of objects', body: '[{"title":"x"}]' },
  { name: 'an empty object', body: '{}' },
  { name: 'duplicate keys', body: '{"title":"a","title":{"x":1}}' },
  { name: '__proto__ at the top', body: '{"__proto__":{"polluted":"yes"},"title":"x"}' },
  { name: 'constructor.prototype', body: '{"constructor":{"prototype":{"polluted":"yes"}}}' },
  { name: '__proto__ nested', body: '{"a":{"b":{"__proto__":{"polluted":"yes"}}}}' },
  { name: '__proto__ escaped', body: '{"\\u005f_proto__":{"polluted":"yes"}}' },
  { name: 'unbalanced deep array', body: '['.repeat(10_000) },
  { name: 'unbalanced closing', body: ']]]]}}}}' },
];

/** JSON nested 65 to 10,000 levels, the depth limit being 64. */
function deepJson(rng: Rng): { name: string; body: string } {
  const depth = rng.pick([64, 65, 66, 100, 1_000, 5_000, 10_000]);
  const shape = rng.int(0, 3);
  if (shape === 0) return { name: `array nested ${depth}`, body: `${'['.repeat(depth)}1${']'.repeat(depth)}` };
  if (shape === 1) return { name: `object nested ${depth}`, body: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` };
  if (shape === 2) {
    return { name: `mixed nested ${depth}`, body: `${'{"a":['.repeat(depth / 2)}1${']}'.repeat(depth / 2)}` };
  }
  return {
    name: `field nested ${depth}`,
    body: `{"title":"x","keywords":${'['.repeat(depth)}"k"${']'.repeat(depth)}}`,
  };
}

/** Files for upload forms: broken office files, and holiday notices (ICS, JSON) that are almost right. */
const ics = (...events: string[]) =>
  `BEGIN:VCALENDAR\r\n${events.map((e) => `BEGIN:VEVENT\r\n${e}\r\nEND:VEVENT\r\n`).join('')}END:VCALENDAR\r\n`;
const ODD_FILES: readonly (() => string)[] = [
  () => makePdf('x').toString('latin1'),
  () => 'PK\u0003\u0004garbage',
  () => '',
  () => '\ufeff',
  () => ics('DTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270104\r\nSUMMARY:元旦(休)'),
  () => ics('DTSTART;VALUE=DATE:20270104\r\nDTEND;VALUE=DATE:20270101\r\nSUMMARY:元旦(休)'),
  () => ics('DTSTART;VALUE=DATE:20270230\r\nSUMMARY:春节(休)'),
  () => ics('DTSTART;VALUE=DATE:00000101\r\nSUMMARY:元旦(休)'),
  () => ics('DTSTART;VALUE=DATE:20271301\r\nSUMMARY:休'),
  () => ics('DTSTART:2027\r\nSUMMARY:班'),
  () => ics('SUMMARY:春节(休)'),
  () => ics('DTSTART;VALUE=DATE:20270101\r\nSUMMARY:元旦(休)', 'DTSTART;VALUE=DATE:20270101\r\nSUMMARY:元旦(班)'),
  () => 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20270101',
  () => `BEGIN:VCALENDAR\r\n${'BEGIN:VEVENT\r\n'.repeat(5_000)}`,
  () => '[{"date":"2027-01-01","isOffDay":true,"name":"元旦"}]',
  () => '[{"date":"2027-02-30","isOffDay":true}]',
  () => '[{"date":"0000-01-01","isOffDay":true}]',
  () => '[null, 1, "x", [], {"date":{}}]',
  () => '{"holidays":{"2027-01-01":"2027-01-01,元旦,1"},"workdays":{"2027-01-01":"x"}}',
  () => '{"holidays":"abc","workdays":null}',
  () => '{"holidays":{"not-a-date":null,"__proto__":"x"}}',
  () => '{"__proto__":{"polluted":"yes"},"holidays":{}}',
  () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
  () => '{"holidays":',
  () => 'null',
  () => '"2027-01-01"',
];

/** Content types a route does not expect, and bodies to go with them. */
const WRONG_CONTENT_TYPES: readonly (string | undefined)[] = [
  undefined,
  '',
  ';',
  'text/plain',
  'text/plain; charset=utf-8',
  'text/html',
  'application/xml',
  'text/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=fuzz',
  'multipart/mixed; boundary=fuzz',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json;charset=UTF-8',
  'APPLICATION/JSON',
  'application/json, text/plain',
  'application/json-patch+json',
  'application/vnd.api+json',
  'application/jsonx',
  'application/octet-stream',
  'image/png',
  '*/*',
  `application/${'x'.repeat(5_000)}`,
];

// ---------------------------------------------------------------------------------------------
// Requests and what every answer must look like

type Probe = {
  /** What kind of hostility, for the failure report. */
  label: string;
  method: string;
  /** The request target exactly as on the wire. */
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  remoteAddress?: string;
};

type Answer = inject.Response;

/** Whether the path (not the query) asks the API: percent-decoded; case-sensitive, as paths are (/API/ is a page's 404). */
function isApiPath(url: string): boolean {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Decode what can be decoded (a broken escape elsewhere does not hide /%61pi/).
    decoded = path.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  // Leading slashes collapse (//api/… is the API to the request-target check too); `\` is `/` to browsers.
  return /^\/+api([/;]|$)/.test(decoded.replace(/\\/g, '/'));
}

/** A long value shown as its start, its length and its end, so a report stays readable. */
function clip(text: string, max = 240): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 80)}…(${text.length} chars)…${text.slice(-60)}`;
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (Buffer.isBuffer(value)) return `<${value.length} bytes> ${clip(JSON.stringify(value.toString('latin1')))}`;
  return clip(JSON.stringify(value));
}

/** Everything wrong with one answer; empty when it is right. */
function problemsOf(probe: Probe, answer: Answer): string[] {
  const problems: string[] = [];
  const status = answer.statusCode;
  if (status >= 500) problems.push(`answered ${status}`);
  if (answer.headers['x-content-type-options'] !== 'nosniff') problems.push('no x-content-type-options: nosniff');
  const csp = answer.headers['content-security-policy'];
  if (typeof csp !== 'string' || !csp.includes("default-src 'self'")) {
    problems.push(`no content-security-policy with default-src 'self' (got ${show(csp)})`);
  }
  // A redirect stays on the site (304 Not Modified is no redirect and has no Location).
  if ([301, 302, 303, 307, 308].includes(status)) {
    const location = answer.headers.location;
    if (typeof location !== 'string') problems.push('a redirect without Location');
    // eslint-disable-next-line no-control-regex
    else if (!/^\/(?![/\\])/.test(location) || /[\s\u0000-\u001f\u007f]/.test(location)) {
      problems.push(`a redirect off the site: Location ${show(location)}`);
    }
  }
  if (status >= 400 && status < 500) {
    const type = String(answer.headers['content-type'] ?? '');
    const hasBody = probe.method !== 'HEAD';
    if (isApiPath(probe.url)) {
      if (!type.startsWith('application/json')) problems.push(`an API error as ${show(type)}, not JSON`);
      else if (hasBody) {
        let body: unknown;
        try {
          body = JSON.parse(answer.body) as unknown;
        } catch {
          body = undefined;
        }
        const error = (body ?? {}) as { code?: unknown; message?: unknown };
        if (typeof body !== 'object' || body === null) problems.push('an API error body that is not a JSON object');
        else if (typeof error.code !== 'string') problems.push('an API error without a string code');
        else if (error.code.startsWith('FST_')) problems.push(`a framework error code ${error.code}`);
        if (typeof error.message !== 'string' || !HAN.test(error.message)) {
          problems.push(`an API error message not in Chinese: ${show(error.message)}`);
        }
      }
    } else {
      if (!type.startsWith('text/html')) problems.push(`a page error as ${show(type)}, not HTML`);
      if (hasBody && !HAN.test(answer.body)) problems.push('a page error without Chinese');
    }
  }
  return problems;
}

function report(probe: Probe, answer: Answer | undefined, problems: string[]): string {
  const answered = answer
    ? `→ ${answer.statusCode} ${show(answer.headers['content-type'])} ${JSON.stringify(answer.body.slice(0, 300))}`
    : '';
  return [
    `✗ ${problems.join('; ')}`,
    `  [${probe.label}] ${probe.method} ${clip(probe.url)}`,
    `  headers=${show(probe.headers ?? {})} body=${show(probe.payload)}${probe.remoteAddress ? ` from ${probe.remoteAddress}` : ''}`,
    `  ${answered}`,
  ].join('\n');
}

/** A percent-encoded value as text (a form field in a multipart body is sent as it is). */
function decodeOr(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A multipart body with a fixed boundary (deterministic, unlike the http-kit helper). */
function multipartBody(
  parts: { name: string; value?: string; fileName?: string; bytes?: Buffer; type?: string; extraHeaders?: string }[],
  options: { boundary?: string; close?: boolean } = {},
): { payload: Buffer; type: string } {
  const boundary = options.boundary ?? 'gongkai-fuzz-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      part.fileName === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    const head =
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (part.fileName === undefined ? '' : `Content-Type: ${part.type ?? 'application/pdf'}\r\n`) +
      (part.extraHeaders ?? '') +
      '\r\n';
    chunks.push(Buffer.from(head, 'utf8'), part.bytes ?? Buffer.from(part.value ?? '', 'utf8'), Buffer.from('\r\n'));
  }
  if (options.close !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI document, read as a client would

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  format?: string;
};
type OpenApiOperation = {
  security?: unknown[];
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
};
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

/** One API operation as the fuzz sees it. */
type ApiOperation = {
  method: string;
  /** OpenAPI path with `{name}` parameters. */
  path: string;
  needsToken: boolean;
  pathParams: string[];
  queryParams: string[];
  body: { kind: 'json'; schema: JsonSchema } | { kind: 'multipart'; fields: string[] } | undefined;
};

function operationsOf(document: OpenApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      const json = content['application/json'];
      const form = content['multipart/form-data'];
      operations.push({
        method: method.toUpperCase(),
        path,
        needsToken: (operation.security ?? []).length > 0,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: json
          ? { kind: 'json', schema: json.schema ?? {} }
          : form
            ? { kind: 'multipart', fields: Object.keys(form.schema?.properties ?? {}) }
            : undefined,
      });
    }
  }
  return operations;
}

/** A plausible value for a schema, from known good values by field name where there are any. */
function sampleOf(schema: JsonSchema, name: string, known: Record<string, unknown>, depth = 0): unknown {
  if (name in known) return known[name];
  if (schema.default !== undefined) return schema.default;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const branch = (schema.anyOf ?? schema.oneOf ?? []).find((s) => s.type !== 'null');
  if (branch) return sampleOf(branch, name, known, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type ?? '') {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      const required = new Set(schema.required ?? []);
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || key in known) out[key] = sampleOf(property, key, known, depth + 1);
      }
      return out;
    }
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'number':
    case 'integer':
      return 1;
    case 'string':
      return schema.format === 'date-time' ? '2026-03-09T02:00:00Z' : '测试';
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------

describe.each(DIALECTS)('hostile input on $name', (dialect) => {
  let app: TestApp;
  let server: FastifyInstance;
  let fixture: Fixture;
  let token: string;
  /** Tokens of an editor, a reviewer and a district administrator, so routes get past their permission checks. */
  let tokens: string[];
  let operations: ApiOperation[];
  /** Real values for the `{name}` parameters of routes and pages. */
  const values: Record<string, string[]> = {};
  let knownBodyValues: Record<string, unknown>;
  let loginCookie: string;
  let loginCsrf: string;
  let staffCookie: string;
  /** The back office's forms that change content (not access): where they post, their fields, whose they are. */
  const staffForms: { action: string; fields: [string, string][]; multipart: boolean; cookie: string; csrf: string }[] =
    [];
  let sent = 0;
  let startedAt = 0;

  /** Sends one request with its target exactly as written, and counts it. */
  async function send(probe: Probe): Promise<Answer> {
    sent++;
    const dispatch = (request: IncomingMessage, response: ServerResponse) => {
      request.url = probe.url;
      server.routing(request, response);
    };
    return inject(dispatch, {
      method: probe.method,
      url: '/',
      headers: probe.headers ?? {},
      remoteAddress: probe.remoteAddress ?? '127.0.0.1',
      ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
    });
  }

  /** Drafts the fuzz itself created become targets of later requests. */
  function harvest(answer: Answer): void {
    if (answer.statusCode !== 201 || !String(answer.headers['content-type']).startsWith('application/json')) return;
    const created = JSON.parse(answer.body) as { editionId?: unknown; documentId?: unknown };
    if (typeof created.editionId === 'string' && values.editionId!.length < 40)
      values.editionId!.push(created.editionId);
    if (typeof created.documentId === 'string' && values.docId!.length < 40) values.docId!.push(created.documentId);
  }

  /** Sends every probe in order; returns the report of each wrong answer. */
  async function sendAll(probes: Probe[]): Promise<string[]> {
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    const t0 = performance.now();
    for (const probe of probes) {
      let answer: Answer | undefined;
      try {
        answer = await send(probe);
      } catch (error) {
        failures.push(report(probe, undefined, [`the request failed: ${String(error)}`]));
        continue;
      }
      const problems = problemsOf(probe, answer);
      harvest(answer);
      const key = `${answer.statusCode}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (problems.length > 0) failures.push(report(probe, answer, problems));
    }
    const seen = [...statuses].sort().map(([status, count]) => `${status}×${count}`);
    console.log(
      `${dialect.name}: ${probes.length} requests in ${(performance.now() - t0).toFixed(0)} ms, answered ${seen.join(' ')}`,
    );
    return failures;
  }

  /** Fails with up to 20 of the wrong answers listed, and checks nothing polluted Object.prototype. */
  function expectAllAnsweredWell(failures: string[], probes: Probe[]): void {
    const polluted = Object.keys(Object.prototype);
    expect(polluted, 'Object.prototype gained properties').toEqual([]);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype.polluted').toBeUndefined();
    expect(
      failures.length,
      `${failures.length} of ${probes.length} hostile requests were answered wrongly; the first ${Math.min(20, failures.length)}:\n${failures.slice(0, 20).join('\n')}`,
    ).toBe(0);
  }

  /**
   * Real values for a `{name}` parameter: by the segment before it where that says what it is (an
   * edition, a document, a unit), else by its name, else any real value at all; for new routes too.
   */
  const poolFor = (before: string, name: string): string[] => {
    if (name === 'id' && before === 'editions') return values.editionId!;
    if (name === 'id' && before === 'documents') return values.docId!;
    if (before === 'orgs' || before === 'catalogs') return values.code!;
    return values[name] ?? values.any!;
  };
  const fill = (template: string, rng: Rng) =>
    template.replace(
      /([^/]*)\/\{(\w+)\}/g,
      (_, before: string, name: string) => `${before}/${rng.pick(poolFor(before, name))}`,
    );

  /** The template's path with one of many kinds of damage done to it. */
  function damagedPath(template: string, rng: Rng): { path: string; how: string } {
    const segments = fill(template, rng).split('/').slice(1);
    const at = rng.int(0, segments.length - 1);
    const kind = rng.int(0, 13);
    const join = (parts: string[]) => `/${parts.join('/')}`;
    switch (kind) {
      case 0:
      case 1:
      case 2: {
        const placeholders = template
          .split('/')
          .slice(1)
          .map((s, i) => (s.includes('{') ? i : -1))
          .filter((i) => i >= 0);
        const where = placeholders.length > 0 ? rng.pick(placeholders) : at;
        segments[where] = oddSegment(rng);
        return { path: join(segments), how: `odd segment ${where}` };
      }
      case 3:
        segments[at] = oddSegment(rng);
        return { path: join(segments), how: `odd segment ${at}` };
      case 4:
        segments.splice(at, 0, rng.pick(['..', '.', '%2e%2e', '%2E', '.%2E', '..;']));
        return { path: join(segments), how: 'dot segment' };
      case 5:
        segments.splice(at, 0, '');
        return { path: join(segments), how: 'double slash' };
      case 6:
        return {
          path: `${join(segments)}${rng.pick([';jsessionid=x', '%3B', '/', '//', '.json', '%00', '%2F..%2F', '~', '.', '\\', '%5C', '/..', '/.', '#frag', '?', '??'])}`,
          how: 'odd suffix',
        };
      case 7:
        segments[at] = 'a'.repeat(rng.int(201, 5_000));
        return { path: join(segments), how: 'long segment' };
      case 8: {
        const padded = [...segments];
        while (padded.join('/').length < 3_000) padded.push('c'.repeat(100));
        return { path: join(padded), how: '3,000-character path' };
      }
      case 9:
        segments[at] = segments[at]!.toUpperCase();
        return { path: join(segments), how: 'upper case' };
      case 10:
        segments[at] = segments[at]!.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`);
        return { path: join(segments), how: 'encoded unreserved character' };
      case 11:
        return {
          path: `${rng.pick(['//', '///', '/./', '/../', '/%2F', '\\'])}${segments.join('/')}`,
          how: 'odd start',
        };
      case 12:
        segments[at] = [...segments[at]!].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
        return { path: join(segments), how: 'fully encoded segment' };
      default:
        segments[at] = `${segments[at]}${rawBytes(rng.pick(['教育', '\u202e', '\u200b', '😀']))}`;
        return { path: join(segments), how: 'raw UTF-8 bytes' };
    }
  }

  beforeAll(async () => {
    startedAt = performance.now();
    app = await createTestApp(dialect, { now: NOW, env: { GONGKAI_MAX_UPLOAD_MB: '1' } });
    await markAsDemo(app);
    fixture = await seedFixture(app, [
      { role: 'editor', org: 'edu' },
      { role: 'reviewer', org: 'edu' },
      { role: 'editor', org: 'town' },
      { role: 'reviewer', org: 'town' },
      { role: 'district_admin', org: 'dist' },
      { role: 'system_admin', org: 'dist' },
      { role: 'editor', org: 'civ' },
    ]);
    server = await createTestServer(app);
    token = await tokenFor(app, 'edu.editor');
    tokens = [token, await tokenFor(app, 'edu.reviewer'), await tokenFor(app, 'dist.district_admin')];
    const eduId = fixture.orgs.get('edu')!.id;
    const deps = { uow: app.uow, clock: app.clock, sanitiser: app.sanitiser };
    const editor = fixture.staff('edu.editor');

    // Published documents for the public pages (three, so a page size of 1 or 2 shows paging).
    const showcase = await publishedDocument(app, fixture, {
      org: 'edu',
      editor: 'edu.editor',
      reviewer: 'edu.reviewer',
      content: { title: '关于公开测试的通知', docNumber: '测教发〔2026〕11号' },
    });
    const second = await publishedDocument(app, fixture, {
      org: 'edu',
      editor: 'edu.editor',
      reviewer: 'edu.reviewer',
      content: { title: '关于第二份公开测试的通知', docNumber: '测教发〔2026〕12号', topic: '科技、教育' },
    });

    // One with an attachment, uploaded through the API as a client would.
    const withFile = await createDraft({
      ...deps,
      actor: editor,
      orgId: eduId,
      input: sampleContent({ title: '附有附件的公开测试通知', docNumber: '测教发〔2026〕13号' }),
    });
    const upload = multipartBody([{ name: 'file', fileName: '附件 测试.pdf', bytes: makePdf('fuzz') }]);
    const uploaded = await server.inject({
      method: 'POST',
      url: `/api/v1/staff/editions/${withFile.edition.id}/attachments`,
      headers: { authorization: `Bearer ${token}`, 'content-type': upload.type },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachment = uploaded.json<{ id: string; fileName: string }>();
    await submitEdition({ ...deps, actor: editor, editionId: withFile.edition.id });
    await publishEdition({ ...deps, actor: fixture.staff('edu.reviewer'), editionId: withFile.edition.id });

    // Documents the staff API may change as it likes: a draft, a submitted one, a published one.
    const draft = await createDraft({
      ...deps,
      actor: editor,
      orgId: eduId,
      input: sampleContent({ title: '供接口模糊测试的草稿', docNumber: '测教发〔2026〕14号' }),
    });
    const submitted = await createDraft({
      ...deps,
      actor: editor,
      orgId: eduId,
      input: sampleContent({ title: '供接口模糊测试的待审稿', docNumber: '测教发〔2026〕15号' }),
    });
    await submitEdition({ ...deps, actor: editor, editionId: submitted.edition.id });
    const sacrificial = await publishedDocument(app, fixture, {
      org: 'edu',
      editor: 'edu.editor',
      reviewer: 'edu.reviewer',
      content: { title: '供接口模糊测试的已发布信息', docNumber: '测教发〔2026〕16号' },
    });

    // The town's standard catalog, published, for the catalog pages.
    const townEditor = fixture.staff('town.editor');
    const version = await startCatalogVersion({ ...deps, actor: townEditor, orgId: fixture.orgs.get('town')!.id });
    await importCatalogTemplate({ ...deps, actor: townEditor, versionId: version.id, fieldCode: '20' });
    await submitCatalog({ ...deps, actor: townEditor, versionId: version.id });
    await approveCatalog({ ...deps, actor: fixture.staff('dist.district_admin'), versionId: version.id });
    const entries = await app.stores.catalogs.entriesOf(version.id);

    const documentIds = [showcase.documentId, second.documentId, withFile.edition.documentId];
    const editionIds = [draft.edition.id, submitted.edition.id, sacrificial.id, showcase.id];
    values.docId = [...documentIds, sacrificial.documentId, UNKNOWN_ID];
    values.editionId = [...editionIds, UNKNOWN_ID];
    values.id = [...documentIds, sacrificial.documentId, ...editionIds, attachment.id, UNKNOWN_ID];
    values.attachmentId = [attachment.id, UNKNOWN_ID];
    values.fileName = [pct(attachment.fileName), 'x.pdf', rawBytes(attachment.fileName)];
    values.code = ['edu', 'dist', 'town', 'school', 'nosuchunit'];
    values.orgCode = ['town', 'edu', 'dist', 'nosuchunit'];
    values.entryKey = [entries[0]!.key, entries[1]!.key, UNKNOWN_ID];
    values.entryId = [entries[0]!.id, UNKNOWN_ID];
    values.userId = [fixture.staff('edu.editor').userId, UNKNOWN_ID];
    values.asset = ['site.css', 'admin.css', 'nothing.css'];
    values.any = [...values.id, ...values.code];

    knownBodyValues = {
      ...sampleContent(),
      orgId: eduId,
      reason: '模糊测试的原因',
      overrideReason: '模糊测试的放行理由',
      at: '2026-03-09T02:00:00Z',
    };

    const openApi = await server.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(openApi.statusCode).toBe(200);
    operations = operationsOf(openApi.json<OpenApiDocument>());
    expect(operations.length).toBeGreaterThan(10);

    const form = await server.inject({ method: 'GET', url: '/admin/login' });
    loginCookie = Object.entries(keepCookies(form))
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    loginCsrf = csrfFieldOf(form.body);

    // Three members of staff signed in: the system and district administrators, and an editor (drafting).
    const sessions: { cookie: string; csrf: string }[] = [];
    for (const username of ['dist.system_admin', 'dist.district_admin', 'edu.editor']) {
      const jar = await signedIn(server, username);
      sessions.push({
        cookie: Object.entries(jar)
          .map(([name, value]) => `${name}=${value}`)
          .join('; '),
        csrf: csrfFieldOf((await server.inject({ method: 'GET', url: '/admin/', cookies: jar })).body),
      });
    }
    staffCookie = sessions[0]!.cookie;

    // The back office's forms, read from its pages as a browser would; those about one's own account
    // (sign-out, password, tokens, two-factor) and the site settings are left alone, so the rest of the
    // run keeps its sessions, tokens and demo mode. User forms are read from town.reviewer's page only.
    const seen = new Set<string>();
    for (const url of [
      '/admin/documents/new',
      `/admin/editions/${draft.edition.id}/edit`,
      `/admin/documents/${draft.edition.documentId}`,
      `/admin/documents/${submitted.edition.documentId}`,
      `/admin/documents/${sacrificial.documentId}`,
      '/admin/orgs/new',
      '/admin/orgs/school/edit',
      '/admin/users/new',
      `/admin/users/${fixture.staff('town.reviewer').userId}`,
      '/admin/catalogs',
      '/admin/catalogs/town',
      '/admin/catalogs/edu',
      '/admin/catalogs/town/entries/new',
      '/admin/catalogs/edu/entries/new',
      `/admin/catalog-entries/${entries[0]!.id}/edit`,
      '/admin/calendar',
    ]) {
      for (const by of sessions) {
        const page = await server.inject({ method: 'GET', url, headers: { cookie: by.cookie } });
        // A page this member of staff may not open (or not in this state) has no form for them.
        if (page.statusCode !== 200) continue;
        for (const match of page.body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
          const attributes = match[1]!;
          const action = /action="([^"]*)"/.exec(attributes)?.[1]?.replace(/&amp;/g, '&');
          if (!/method="post"/i.test(attributes) || !action || seen.has(action)) continue;
          if (/logout|account|settings|2fa/.test(action)) continue;
          seen.add(action);
          const fields: [string, string][] = [];
          for (const input of match[2]!.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
            const name = /name="([^"]+)"/.exec(input[2]!)?.[1];
            if (!name || name === '_csrf') continue;
            fields.push([name, /value="([^"]*)"/.exec(input[2]!)?.[1] ?? '测试']);
          }
          staffForms.push({ action, fields, multipart: /multipart\/form-data/.test(attributes), ...by });
        }
      }
    }
    expect(staffForms.length).toBeGreaterThan(5);
  }, 120_000);

  afterAll(async () => {
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(`hostile input on ${dialect.name}: ${sent} requests sent in ${seconds} s (setup included)`);
    await server?.close();
    await app?.cleanup();
  });

  /** The editor's token, or with a PRNG one of the three tokens. */
  const bearer = (rng?: Rng) => ({ authorization: `Bearer ${rng ? rng.pick(tokens) : token}` });

  // -------------------------------------------------------------------------------------------
  // The API, driven by its OpenAPI document

  it('answers hostile JSON bodies on every API route in Chinese JSON, never 5xx', async () => {
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
    { path: '/xxgk/fdzdgknr', query: ['org', 'field', 'topic', 'genre', 'q', 'page', 'pageSize'] },
    { path: '/xxgk/ysqgk', query: [] },
    { path: '/xxgk/doc/{docId}', query: ['version'] },
    { path: '/xxgk/files/{attachmentId}/{fileName}', query: [] },
    { path: '/xxgk/files/{attachmentId}', query: [] },
    { path: '/xxgk/bzml', query: ['version'] },
    { path: '/xxgk/bzml/{orgCode}', query: ['version'] },
    { path: '/xxgk/bzml/{orgCode}.xlsx', query: ['version'] },
    { path: '/xxgk/bzml/{orgCode}/{entryKey}', query: ['version', 'page'] },
    { path: '/admin/login', query: ['next'] },
    { path: '/admin/login/2fa', query: [] },
    { path: '/healthz', query: [] },
    { path: '/static/{asset}', query: ['v'] },
  ];

  /** Cookies a browser should never send, mixed into some page requests. */
  function hostileCookie(rng: Rng): string {
    return rng.pick<() => string>([
      () => 'gk_session=not-a-session',
      () => 'gk_session=%00',
      () => `gk_session=${'s'.repeat(4_000)}`,
      () => 'gk_session=%ED%A0%80',
      () => 'gk_session=%',
      () => 'gk_session=a; gk_session=b',
      () => 'gk_elder=1',
      () => 'gk_elder=%00',
      () => 'gk_elder=1%',
      () => 'gk_flash=not-signed',
      () => 'gk_flash=bnVsbA.invalid-signature',
      () => 'gk_csrf=%E6',
      () => '__proto__=x; constructor=y',
      () => '=; ;;; =x',
      () => `${'c'.repeat(100)}=1; `.repeat(40),
    ])();
  }

  it('answers hostile query strings on every public page with a Chinese HTML page, never 5xx', async () => {
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
    const rng = new Rng('headers');
    const probes: Probe[] = [];
    const targets = [
      '/',
      '/xxgk/fdzdgknr?q=%E6%95%99',
      `/xxgk/doc/${values.docId![0]}`,
      `/xxgk/files/${values.attachmentId![0]}/${values.fileName![0]}`,
      '/xxgk/bzml/town.xlsx',
      '/static/site.css',
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
    expectAllAnsweredWell(await sendAll(probes), probes);
  }, 120_000);

  // -------------------------------------------------------------------------------------------
  // The sign-in form

  it('answers hostile sign-in forms with a Chinese HTML page or a same-site redirect, never 5xx', async () => {
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
    { path: '/admin/settings', query: [] },
    { path: '/admin/account', query: [] },
    { path: '/admin/account/2fa', query: [] },
  ];

  it('answers hostile requests to the back office with a Chinese HTML page or a redirect, never 5xx', async () => {
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
    for (const url of ['/admin/documents', '/admin/orgs', '/admin/users', '/admin/settings', '/admin/account/tokens']) {
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
            name: 'file',
            fileName: `odd-${i}.${rng.pick(['ics', 'json', 'xlsx', 'pdf'])}`,
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
              name: 'file',
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

  // -------------------------------------------------------------------------------------------
  // A handful of bodies just over the 4 MB limit (slow, so few)

  it('answers bodies just over 4 MB with 413 in the right format, never 5xx', async () => {
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

  it(`sent at least ${MINIMUM_REQUESTS.toLocaleString('en')} hostile requests`, () => {
    console.log(`hostile input on ${dialect.name}: ${sent} requests`);
    expect(sent).toBeGreaterThanOrEqual(MINIMUM_REQUESTS);
  });
});
