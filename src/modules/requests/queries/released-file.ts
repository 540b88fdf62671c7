import { DomainError } from '../../../platform/errors.ts';
import type { RequestFile } from '../domain/files.ts';
import type { FoiRequest } from '../domain/request.ts';
import type { FileStorage, RequestFileStore } from '../ports.ts';

/**
 * Whether the applicant receives the released information through the tracking page: when they
 * asked for it online or by e-mail (条例 Art. 40); paper goes by hand or post.
 */
export function releasesOnline(request: FoiRequest): boolean {
  return request.reply !== null && (request.delivery === 'online' || request.delivery === 'email');
}

/**
 * One file of the information released to an applicant, for a link their tracking page signed:
 * only released files, only of that request, only when they receive them online.
 * @throws DomainError `not_found`.
 */
export async function releasedFile(options: {
  requestFiles: RequestFileStore;
  files: FileStorage;
  request: FoiRequest;
  fileId: string;
}): Promise<{ file: RequestFile; bytes: Buffer }> {
  const file = await options.requestFiles.getById(options.fileId);
  if (
    !file ||
    file.requestId !== options.request.id ||
    file.purpose !== 'released' ||
    !releasesOnline(options.request)
  ) {
    throw new DomainError('not_found');
  }
  const bytes = await options.files.read(file.sha256);
  if (!bytes) throw new DomainError('not_found');
  return { file, bytes };
}
