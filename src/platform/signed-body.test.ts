import { describe, expect, it } from 'vitest';
import { bodySignature, nonceExpiry, signedBodyHeaders, verifySignedBody } from './signed-body.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = new Date('2026-09-02T02:00:00Z');
const BODY = Buffer.from('{"a":1}');
const NONCE = 'abcdefghijklmnop0123';
/** `printf '1788314400\nabcdefghijklmnop0123\n{"a":1}' | openssl dgst -sha256 -hmac <SECRET>` */
const OPENSSL_SIGNATURE = '8609e41d2c0bf9321af7f05cde36fd98104eb933909f086cea3a3ec55020247b';

describe('signed bodies', () => {
  it('signs timestamp, nonce and body as openssl does', () => {
    expect(bodySignature(SECRET, '1788314400', NONCE, BODY)).toBe(OPENSSL_SIGNATURE);
    expect(signedBodyHeaders(SECRET, BODY, NOW, NONCE)).toEqual({
      'x-gongkai-timestamp': '1788314400',
      'x-gongkai-nonce': NONCE,
      'x-gongkai-signature': OPENSSL_SIGNATURE,
    });
  });

  it('gives every signing a new nonce', () => {
    const first = signedBodyHeaders(SECRET, BODY, NOW)['x-gongkai-nonce'];
    const second = signedBodyHeaders(SECRET, BODY, NOW)['x-gongkai-nonce'];
    expect(first).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(first).not.toBe(second);
  });

  const good = signedBodyHeaders(SECRET, BODY, NOW, NONCE);
  it.each([
    { label: 'the body it was signed for', headers: good, at: NOW, verdict: 'ok' },
    {
      label: 'an uppercase signature',
      headers: { ...good, 'x-gongkai-signature': OPENSSL_SIGNATURE.toUpperCase() },
      at: NOW,
      verdict: 'ok',
    },
    { label: 'five minutes late', headers: good, at: new Date(NOW.getTime() + 300_000), verdict: 'ok' },
    { label: 'five minutes and a second late', headers: good, at: new Date(NOW.getTime() + 301_000), verdict: 'stale' },
    {
      label: 'signed six minutes ahead of the clock',
      headers: good,
      at: new Date(NOW.getTime() - 360_000),
      verdict: 'stale',
    },
    { label: 'another body', headers: good, body: Buffer.from('{"a":2}'), at: NOW, verdict: 'invalid' },
    {
      label: 'another secret',
      headers: signedBodyHeaders(`${SECRET}x`, BODY, NOW, NONCE),
      at: NOW,
      verdict: 'invalid',
    },
    {
      label: 'another nonce',
      headers: { ...good, 'x-gongkai-nonce': 'zzzzzzzzzzzzzzzzzzzz' },
      at: NOW,
      verdict: 'invalid',
    },
    {
      label: 'another timestamp',
      headers: { ...good, 'x-gongkai-timestamp': '1788314401' },
      at: NOW,
      verdict: 'invalid',
    },
    {
      label: 'a short signature',
      headers: { ...good, 'x-gongkai-signature': OPENSSL_SIGNATURE.slice(2) },
      at: NOW,
      verdict: 'invalid',
    },
    {
      label: 'a nonce of 15 characters',
      headers: signedBodyHeaders(SECRET, BODY, NOW, 'a'.repeat(15)),
      at: NOW,
      verdict: 'invalid',
    },
    {
      label: 'a timestamp in milliseconds',
      headers: { ...good, 'x-gongkai-timestamp': '1788314400000x' },
      at: NOW,
      verdict: 'invalid',
    },
    { label: 'no signature', headers: { ...good, 'x-gongkai-signature': undefined }, at: NOW, verdict: 'missing' },
    { label: 'no nonce', headers: { ...good, 'x-gongkai-nonce': '' }, at: NOW, verdict: 'missing' },
    {
      label: 'two timestamps',
      headers: { ...good, 'x-gongkai-timestamp': ['1788314400', '1788314400'] },
      at: NOW,
      verdict: 'missing',
    },
  ])('$label: $verdict', ({ headers, body, at, verdict }) => {
    const result = verifySignedBody({ secret: SECRET, headers, body: body ?? BODY, now: at });
    expect(result.ok ? 'ok' : result.reason).toBe(verdict);
  });

  it('remembers a nonce as long as its timestamp is accepted', () => {
    expect(nonceExpiry(NOW).toISOString()).toBe('2026-09-02T02:05:00.000Z');
  });
});
