import { createHash, randomBytes } from 'node:crypto';

/** The characters of an identifier: digits and lower-case letters without i, l, o and u. */
export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A random, URL-safe identifier of 16 characters (80 bits). */
export function newId(): string {
  const bytes = randomBytes(16);
  let id = '';
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[bytes[i]! % 32];
  return id;
}

/** A random secret token, base64url, of the given number of bytes. */
export function newSecretToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a string or buffer, as lowercase hex. */
export function sha256Hex(data: string | Buffer | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
