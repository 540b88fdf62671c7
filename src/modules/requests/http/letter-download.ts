import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.ts';
import type { FoiRequest } from '../domain/request.ts';
import type { LetterRenderer } from '../ports.ts';

export const LETTER_FORMATS = ['pdf', 'docx'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];
export const LetterFormat = z.enum(LETTER_FORMATS);

const MEDIA_TYPES: Record<LetterFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Sends a request's reply letter as a file, named after its tracking code.
 * @throws DomainError `not_found` when the request has no letter.
 */
export async function sendLetter(
  reply: FastifyReply,
  letters: LetterRenderer,
  request: FoiRequest,
  format: LetterFormat,
): Promise<FastifyReply> {
  const letter = request.reply?.letter;
  if (!letter) throw new DomainError('not_found');
  const bytes = format === 'pdf' ? await letters.pdf(letter) : await letters.docx(letter);
  const name = `${request.trackingCode}-政府信息公开申请答复告知书.${format}`;
  return reply
    .header('content-type', MEDIA_TYPES[format])
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

/** Sends a file kept with a request as a download, never shown inline, never cached. */
export function sendRequestFile(
  reply: FastifyReply,
  file: { fileName: string; mediaType: string },
  bytes: Buffer,
): FastifyReply {
  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
