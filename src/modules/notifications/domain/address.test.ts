import { describe, expect, it } from 'vitest';
import { maskAddress, normaliseEmail, normaliseMobile } from './address.ts';

describe('normaliseEmail', () => {
  it.each([
    { input: ' Zhang.San@Example.CN ', address: 'zhang.san@example.cn' },
    { input: 'li＠qq.com', address: 'li@qq.com' },
    { input: 'a+b@mail.example.gov.cn', address: 'a+b@mail.example.gov.cn' },
  ])('$input → $address', ({ input, address }) => {
    expect(normaliseEmail(input)).toEqual({ ok: true, address });
  });

  it.each(['', 'no-at-sign', 'a@b', 'a@@b.cn', 'a,b@c.cn', `${'x'.repeat(65)}@example.cn`, 'a@-bad.cn', '<a@b.cn>'])(
    'refuses %j in Chinese',
    (input) => {
      const result = normaliseEmail(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/电子邮箱/);
    },
  );
});

describe('normaliseMobile', () => {
  it.each([
    { input: '13800138000', address: '13800138000' },
    { input: '+86 138-0013-8000', address: '13800138000' },
    { input: '0086 19912345678', address: '19912345678' },
  ])('$input → $address', ({ input, address }) => {
    expect(normaliseMobile(input)).toEqual({ ok: true, address });
  });

  it.each(['', '12800138000', '1380013800', '138001380001', '010-12345678'])('refuses %j', (input) => {
    expect(normaliseMobile(input).ok).toBe(false);
  });
});

describe('maskAddress', () => {
  it.each([
    { channel: 'email', address: 'zhang.san@example.cn', masked: 'z***@example.cn' },
    { channel: 'sms', address: '13800138000', masked: '138****8000' },
    { channel: 'webhook', address: 'https://app.example.gov.cn/hook?x=1', masked: 'app.example.gov.cn' },
  ])('$channel', ({ channel, address, masked }) => {
    expect(maskAddress(channel, address)).toBe(masked);
  });
});
