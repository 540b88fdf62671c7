import { describe, expect, it } from 'vitest';
import { parseFormBody } from './form-body.ts';

describe('parseFormBody', () => {
  it.each([
    { body: 'a=1&b=2', fields: { a: '1', b: '2' } },
    { body: 'title=%E5%85%B3%E4%BA%8E+%E9%80%9A%E7%9F%A5', fields: { title: '关于 通知' } },
    { body: 'k=1&k=2&k=3', fields: { k: ['1', '2', '3'] } },
    { body: 'empty=&flag', fields: { empty: '', flag: '' } },
    { body: 'bad=%E5%85&x=%zz', fields: { bad: '\ufffd', x: '%zz' } },
    { body: 'nul=a%00b', fields: { nul: 'a\u0000b' } },
    { body: '', fields: {} },
  ])('parses $body', ({ body, fields }) => {
    expect({ ...parseFormBody(body) }).toEqual(fields);
  });

  it('keeps a field named __proto__ as a field, not as the prototype', () => {
    const fields = parseFormBody('__proto__=x&__proto__=y&constructor=z');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(fields.__proto__).toEqual(['x', 'y']);
    expect(fields.constructor).toBe('z');
  });
});
