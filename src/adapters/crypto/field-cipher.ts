import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { FieldCipher } from '../../modules/requests/ports.ts';

/** One key: its id (written into every sealed value) and 32 bytes. */
export type DataKey = { id: string; key: Buffer };

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM sealing of personal data. A sealed value reads `v1.<key id>.<base64url iv|tag|ciphertext>`;
 * the first key seals, every key opens, so a rotated-out key stays in the list until no value
 * sealed under it remains.
 */
export function createFieldCipher(keys: readonly DataKey[]): FieldCipher {
  if (keys.length === 0) throw new Error('at least one data key is needed');
  for (const k of keys) if (k.key.length !== 32) throw new Error(`data key ${k.id} is not 32 bytes`);
  const current = keys[0]!;
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${current.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(sealed) {
      const [version, id, data] = sealed.split('.');
      const key = id === undefined ? undefined : byId.get(id);
      if (version !== 'v1' || !key || data === undefined) throw new Error('sealed with an unknown key');
      const raw = Buffer.from(data, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value is too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/** The key used when none is configured: derived from the application secret. */
export function derivedDataKey(secret: string): DataKey {
  return { id: 'k0', key: Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'gongkai data key', 32)) };
}

/** The cipher of an application: the configured keys, or with none configured the key derived from the secret. */
export function fieldCipherFor(configured: readonly DataKey[], secret: string): FieldCipher {
  return createFieldCipher(configured.length > 0 ? configured : [derivedDataKey(secret)]);
}
