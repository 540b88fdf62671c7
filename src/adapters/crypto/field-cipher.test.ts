import { describe, expect, it } from 'vitest';
import { createFieldCipher, derivedDataKey, fieldCipherFor } from './field-cipher.ts';

const OLD = { id: 'k1', key: Buffer.alloc(32, 7) };
const NEW = { id: 'k2', key: Buffer.alloc(32, 9) };

/** Applicants' identity numbers and contacts at rest: AES-256-GCM, keys named, rotation readable. */
describe('field cipher', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const cipher = createFieldCipher([OLD]);
    const a = cipher.seal('330106199003071236');
    const b = cipher.seal('330106199003071236');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.k1\./);
    expect(a).not.toContain('330106');
    expect(cipher.open(a)).toBe('330106199003071236');
    expect(cipher.open(cipher.seal('张示范 zhang@example.cn'))).toBe('张示范 zhang@example.cn');
  });

  it('still opens values sealed under a retired key after rotation, and seals under the new one', () => {
    const sealedBefore = createFieldCipher([OLD]).seal('13800138000');
    const rotated = createFieldCipher([NEW, OLD]);
    expect(rotated.open(sealedBefore)).toBe('13800138000');
    expect(rotated.seal('x')).toMatch(/^v1\.k2\./);
  });

  it.each([
    { label: 'a key it does not hold', sealed: () => createFieldCipher([NEW]).seal('x'), with: [OLD] },
    {
      label: 'an altered ciphertext',
      sealed: () => {
        const [version, id, data] = createFieldCipher([OLD]).seal('13800138000').split('.');
        const raw = Buffer.from(data!, 'base64url');
        raw[raw.length - 1]! ^= 0x01;
        return `${version}.${id}.${raw.toString('base64url')}`;
      },
      with: [OLD],
    },
    { label: 'text that was never sealed', sealed: () => '13800138000', with: [OLD] },
    {
      label: 'a value cut short inside its tag',
      sealed: () => createFieldCipher([OLD]).seal('13800138000').slice(0, 30),
      with: [OLD],
    },
  ])('refuses to open $label', ({ sealed, with: keys }) => {
    expect(() => createFieldCipher(keys).open(sealed())).toThrow();
  });

  it('derives a stable key from the secret when none is configured', () => {
    const secret = 'a-secret-of-at-least-thirty-two-characters';
    expect(derivedDataKey(secret)).toEqual(derivedDataKey(secret));
    const sealed = fieldCipherFor([], secret).seal('x');
    expect(sealed).toMatch(/^v1\.k0\./);
    expect(fieldCipherFor([], secret).open(sealed)).toBe('x');
    expect(() => fieldCipherFor([OLD], secret).open(sealed)).toThrow();
  });
});
