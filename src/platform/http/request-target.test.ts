import { describe, expect, it } from 'vitest';
import { normaliseRequestTarget } from './request-target.ts';

describe('normaliseRequestTarget', () => {
  it.each([
    { raw: '/', url: '/' },
    { raw: '/admin/', url: '/admin/' },
    { raw: '/%61dmin/documents', url: '/admin/documents' },
    { raw: '/%41DMIN/', url: '/ADMIN/' },
    { raw: '/%61%70%69/v1/staff/editions/abc', url: '/api/v1/staff/editions/abc' },
    { raw: '/xxgk/doc/%e5%ad%97', url: '/xxgk/doc/%E5%AD%97' },
    { raw: '/xxgk/fdzdgknr?org=sfq&q=%2F..%2F', url: '/xxgk/fdzdgknr?org=sfq&q=%2F..%2F' },
    { raw: '/search?q=社会保障', url: '/search?q=社会保障' },
    { raw: '/a%2Db%5Fc%7Ed%2E', url: '/a-b_c~d.' },
    { raw: '/file%20name', url: '/file%20name' },
    { raw: '/%25', url: '/%25' },
  ])('keeps $raw as $url', ({ raw, url }) => {
    expect(normaliseRequestTarget(raw)).toEqual({ kind: 'ok', url });
  });

  it.each([
    { raw: 'http://evil.example/admin/', reason: 'not_origin_form', api: false },
    { raw: '*', reason: 'not_origin_form', api: false },
    { raw: '/admin%2Fusers', reason: 'encoded_separator', api: false },
    { raw: '/admin%2fusers', reason: 'encoded_separator', api: false },
    { raw: '/admin%5Cusers', reason: 'encoded_separator', api: false },
    { raw: '/admin\\users', reason: 'encoded_separator', api: false },
    { raw: '/admin/./users', reason: 'dot_segment', api: false },
    { raw: '/admin/../admin/users', reason: 'dot_segment', api: false },
    { raw: '/xxgk/%2e%2e/admin/', reason: 'dot_segment', api: false },
    { raw: '/admin/.', reason: 'dot_segment', api: false },
    { raw: '//admin/users', reason: 'empty_segment', api: false },
    { raw: '/admin//users', reason: 'empty_segment', api: false },
    { raw: '//api/v1/staff/documents', reason: 'empty_segment', api: true },
    { raw: '/admin;jsessionid=1/users', reason: 'path_parameter', api: false },
    { raw: '/api;jsessionid=1/v1/staff/documents', reason: 'path_parameter', api: true },
    { raw: '/admin%3B/users', reason: 'path_parameter', api: false },
    { raw: '/api/v1/documents/%FF', reason: 'bad_escape', api: true },
    { raw: '/xxgk/doc/%FF', reason: 'bad_escape', api: false },
    { raw: '/xxgk/doc/%E5%AD', reason: 'bad_escape', api: false },
    { raw: '/xxgk/%zz', reason: 'bad_escape', api: false },
    { raw: '/xxgk/%4', reason: 'bad_escape', api: false },
    { raw: '/xxgk/%00', reason: 'control_character', api: false },
    { raw: '/api/v1/%0a', reason: 'control_character', api: true },
    { raw: `/api/v1/documents/${'a'.repeat(201)}`, reason: 'too_long', api: true },
    { raw: `/${'a/'.repeat(1100)}`, reason: 'too_long', api: false },
    { raw: '/%61pi/v1/..%2Fstaff', reason: 'encoded_separator', api: true },
  ])('refuses $raw ($reason)', ({ raw, reason, api }) => {
    expect(normaliseRequestTarget(raw)).toEqual({ kind: 'rejected', reason, api });
  });
});
