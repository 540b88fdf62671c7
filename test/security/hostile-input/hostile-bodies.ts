import { makePdf } from '../../../src/demo/files.ts';
import { UNKNOWN_ID, type Rng } from './hostile-values.ts';

/**
 * Hostile request bodies for the fuzz of `test/security/hostile-input/`: odd JSON values, JSON that
 * is broken or nested too deep, files for upload forms, content types a route does not expect, and
 * multipart bodies built byte by byte.
 */

/** The server's limit on a request body (4 MB); the fuzz sends bodies just over it. */
export const BODY_LIMIT = 4 * 1024 * 1024;

/** JSON texts of odd values, spliced into otherwise valid bodies. */
export function oddJsonValue(rng: Rng): string {
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
export const MALFORMED_JSON: readonly { name: string; body: string | Buffer }[] = [
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
export function deepJson(rng: Rng): { name: string; body: string } {
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

/** A calendar file (ICS) with the given events. */
const ics = (...events: string[]) =>
  `BEGIN:VCALENDAR\r\n${events.map((e) => `BEGIN:VEVENT\r\n${e}\r\nEND:VEVENT\r\n`).join('')}END:VCALENDAR\r\n`;
/** Files for upload forms: broken office files, and holiday notices (ICS, JSON) that are almost right. */
export const ODD_FILES: readonly (() => string)[] = [
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
export const WRONG_CONTENT_TYPES: readonly (string | undefined)[] = [
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

/** A percent-encoded value as text (a form field in a multipart body is sent as it is). */
export function decodeOr(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A multipart body with a fixed boundary (deterministic, unlike the http-kit helper). */
export function multipartBody(
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
