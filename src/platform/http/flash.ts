import type { FastifyReply, FastifyRequest } from 'fastify';
import { FLASH_COOKIE } from './context.ts';

/** A one-time message carried across a redirect in a signed cookie. */
export type FlashMessage = { kind: 'success' | 'error'; text: string };

export function setFlash(reply: FastifyReply, flash: FlashMessage): void {
  const value = Buffer.from(JSON.stringify(flash)).toString('base64url');
  void reply.setCookie(FLASH_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
}

/** Reads the flash message, if any, and clears it. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): FlashMessage | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  void reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')) as FlashMessage;
    return parsed.kind === 'success' || parsed.kind === 'error'
      ? { kind: parsed.kind, text: String(parsed.text) }
      : undefined;
  } catch {
    return undefined;
  }
}
