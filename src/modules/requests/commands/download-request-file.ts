import { DomainError } from '../../../platform/errors.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { requestEntry } from '../audit-actions.ts';
import type { RequestFile } from '../domain/files.ts';
import type { FileStorage, RequestFileStore, RequestStore } from '../ports.ts';
import { loadHandledRequest } from './load-handled-request.ts';

/**
 * One file of a request for an officer of its receiving unit: the applicant's attachments (a copy
 * of an identity document is personal data), the released information, the proof of service.
 * Outside the officer's reach it does not exist; every download is audited.
 * @throws DomainError `not_found`.
 */
export async function downloadRequestFile(options: {
  uow: UnitOfWork<{ requests: RequestStore; requestFiles: RequestFileStore; orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  files: FileStorage;
  actor: Actor;
  requestId: string;
  fileId: string;
}): Promise<{ file: RequestFile; bytes: Buffer }> {
  const now = options.clock.now();
  const file = await options.uow.run(async ({ requests, requestFiles, orgs, audit }) => {
    const { request, agency } = await loadHandledRequest({ requests, orgs }, options.actor, options.requestId);
    const file = await requestFiles.getById(options.fileId);
    if (!file || file.requestId !== request.id) throw new DomainError('not_found');
    await audit.append(
      requestEntry(auditActor(options.actor), now, {
        action: 'request.file_downloaded',
        entityType: 'foi_request',
        entityId: request.id,
        orgId: agency.id,
        after: { fileId: file.id, purpose: file.purpose, sha256: file.sha256 },
      }),
    );
    return file;
  });
  const bytes = await options.files.read(file.sha256);
  if (!bytes) throw new DomainError('not_found');
  return { file, bytes };
}
