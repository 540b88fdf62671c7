import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '../errors.ts';
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

/**
 * A back-office form's outcome as a flash message for the page it redirects to: `successText` when
 * `run` succeeds, the Chinese field messages when it is refused as invalid. Any other error
 * propagates to the error handler.
 */
export async function flashOutcome(
  reply: FastifyReply,
  successText: string,
  run: () => Promise<unknown>,
): Promise<void> {
  try {
    await run();
    setFlash(reply, { kind: 'success', text: successText });
  } catch (error) {
    if (!isDomainError(error, 'validation_failed')) throw error;
    setFlash(reply, { kind: 'error', text: error.fields.map((f) => f.message).join(' ') || error.message });
  }
}
