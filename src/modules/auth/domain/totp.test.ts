import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, newTotpSecret, totpCode, totpStep, totpUri, verifyTotp } from './totp.ts';

/** RFC 6238 Appendix B's SHA-1 seed, the ASCII bytes "12345678901234567890", in base32 (RFC 4648 §6). */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

const at = (seconds: number) => new Date(seconds * 1000);

describe('totpCode and totpStep (RFC 6238 Appendix B, SHA-1)', () => {
  // The RFC prints 8-digit codes; the 6-digit code is the same number mod 10^6, i.e. its last 6 digits.
  it.each([
    { seconds: 59, step: 1, rfcCode: '94287082', expected: '287082' },
    { seconds: 1111111109, step: 37037036, rfcCode: '07081804', expected: '081804' },
    { seconds: 1111111111, step: 37037037, rfcCode: '14050471', expected: '050471' },
    { seconds: 1234567890, step: 41152263, rfcCode: '89005924', expected: '005924' },
    { seconds: 2000000000, step: 66666666, rfcCode: '69279037', expected: '279037' },
    { seconds: 20000000000, step: 666666666, rfcCode: '65353130', expected: '353130' },
  ])('at T=$seconds s (step $step) gives $expected, the end of $rfcCode', ({ seconds, step, rfcCode, expected }) => {
    expect(rfcCode.endsWith(expected)).toBe(true);
    expect(totpStep(at(seconds))).toBe(step);
    expect(totpCode(RFC_SECRET, step)).toBe(expected);
  });

  it.each([
    { seconds: 0, step: 0 },
    { seconds: 29.999, step: 0 },
    { seconds: 30, step: 1 },
    { seconds: 89.999, step: 2 },
  ])('puts T=$seconds s in step $step', ({ seconds, step }) => {
    expect(totpStep(at(seconds))).toBe(step);
  });
});

describe('base32', () => {
  // RFC 4648 §10 test vectors, without the "=" padding that authenticator apps leave off.
  it.each([
    { text: '', encoded: '' },
    { text: 'f', encoded: 'MY' },
    { text: 'fo', encoded: 'MZXQ' },
    { text: 'foo', encoded: 'MZXW6' },
    { text: 'foob', encoded: 'MZXW6YQ' },
    { text: 'fooba', encoded: 'MZXW6YTB' },
    { text: 'foobar', encoded: 'MZXW6YTBOI' },
    { text: '12345678901234567890', encoded: RFC_SECRET },
  ])('encodes "$text" as "$encoded" and decodes it back', ({ text, encoded }) => {
    expect(base32Encode(Buffer.from(text))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(text);
  });

  it.each([
    { input: 'MZXW6YTBOI======', why: 'padding' },
    { input: 'mzxw6ytboi', why: 'lower case' },
    { input: 'MZXW 6YTB OI', why: 'spaces, as apps display secrets' },
  ])('decodes a secret written with $why', ({ input }) => {
    expect(base32Decode(input).toString()).toBe('foobar');
  });

  it.each(['MZXW1', 'MZXW0', 'MZXW8', 'MZ-XW'])(
    'refuses "%s", which holds a character outside the alphabet',
    (input) => {
      expect(() => base32Decode(input)).toThrow('invalid base32');
    },
  );

  it('round-trips every byte value', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
  });

  it('makes new secrets of 20 random bytes (32 base32 characters)', () => {
    const first = newTotpSecret();
    expect(first).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(first)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(first);
  });
});

describe('verifyTotp', () => {
  // At T=89 s the current step is 2; the RFC code 287082 belongs to step 1.
  it.each([
    { seconds: 59, lastUsedStep: null, expected: 1, why: 'in its own step' },
    { seconds: 89, lastUsedStep: null, expected: 1, why: 'one step late (clock drift)' },
    { seconds: 29, lastUsedStep: null, expected: 1, why: 'one step early (clock drift)' },
    { seconds: 59, lastUsedStep: 0, expected: 1, why: 'after an earlier step was used' },
    { seconds: 59, lastUsedStep: 1, expected: undefined, why: 'replayed in the step already used' },
    { seconds: 89, lastUsedStep: 2, expected: undefined, why: 'replayed after a later step was used' },
    { seconds: 119, lastUsedStep: null, expected: undefined, why: 'two steps late' },
  ])('for the step-1 code: $why → $expected', ({ seconds, lastUsedStep, expected }) => {
    expect(verifyTotp(RFC_SECRET, '287082', at(seconds), lastUsedStep)).toBe(expected);
  });

  it('accepts the code of each of the three steps around now, and returns which step matched', () => {
    const now = new Date('2026-03-02T02:00:10Z');
    const step = totpStep(now);
    for (const candidate of [step - 1, step, step + 1]) {
      expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, candidate), now, null)).toBe(candidate);
    }
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 2), now, null)).toBeUndefined();
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now, null)).toBeUndefined();
  });

  it('accepts a code typed with spaces', () => {
    expect(verifyTotp(RFC_SECRET, ' 287 082 ', at(59), null)).toBe(1);
  });

  it.each([
    { code: '', why: 'empty' },
    { code: '28708a', why: 'a letter' },
    { code: '28708', why: 'five digits' },
    { code: '2870820', why: 'seven digits' },
    { code: '94287082', why: 'the RFC 8-digit code' },
    { code: '287-082', why: 'a hyphen' },
    { code: '２８７０８２', why: 'full-width digits' },
    { code: '287083', why: 'a wrong code' },
  ])('rejects $why ("$code")', ({ code }) => {
    expect(verifyTotp(RFC_SECRET, code, at(59), null)).toBeUndefined();
  });
});

describe('totpUri', () => {
  it('writes the otpauth URI authenticator apps read, with the label encoded', () => {
    expect(totpUri(RFC_SECRET, 'zhang.san', '示范区政务公开')).toBe(
      'otpauth://totp/%E7%A4%BA%E8%8C%83%E5%8C%BA%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80%3Azhang.san' +
        `?secret=${RFC_SECRET}&issuer=%E7%A4%BA%E8%8C%83%E5%8C%BA%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80` +
        '&algorithm=SHA1&digits=6&period=30',
    );
  });
});
