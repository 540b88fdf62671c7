import type { Clock } from '../../../platform/clock.ts';
import type { JobSender } from '../../../platform/jobs.ts';
import { isDomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { systemActor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { Org, OrgStore } from '../../orgs/index.ts';
import type { ApplicationInput } from '../domain/application.ts';
import type { FoiRequest } from '../domain/request.ts';
import type { FieldCipher, RequestFileStore, RequestStore } from '../ports.ts';
import { submitApplication } from './submit-application.ts';

/** Who the audit log names for what the provincial platform sends. */
export const PROVINCIAL_PLATFORM = systemActor('省级政府信息公开申请平台');

/**
 * An application the provincial platform (省级政府信息公开申请平台) forwards, under its own
 * reference: taken in exactly as an online application (the same checks, sealing and audit, state
 * `submitted` until the agency confirms receipt, 条例 Art. 31), channel `provincial`. Idempotent
 * by reference: sent again, even by two instances at once, it stores nothing more and answers with
 * the request stored the first time (`duplicate`).
 * @throws DomainError `validation_failed` listing every problem, the reference's included.
 */
export async function receiveUpstreamApplication(options: {
  uow: UnitOfWork<{
    requests: RequestStore;
    requestFiles: RequestFileStore;
    orgs: OrgStore;
    audit: AuditLog;
    jobs: JobSender;
  }>;
  stores: { requests: RequestStore; orgs: OrgStore };
  clock: Clock;
  cipher: FieldCipher;
  upstreamId: string;
  agencyCode: string;
  input: ApplicationInput;
}): Promise<{ request: FoiRequest; agency: Org; duplicate: boolean }> {
  const earlier = await storedUnder(options.stores, options.upstreamId);
  if (earlier) return earlier;
  try {
    const stored = await submitApplication({
      uow: options.uow,
      clock: options.clock,
      cipher: options.cipher,
      actor: PROVINCIAL_PLATFORM,
      channel: 'provincial',
      agencyCode: options.agencyCode,
      input: options.input,
      upstreamId: options.upstreamId,
    });
    return { ...stored, duplicate: false };
  } catch (error) {
    // The same reference arrived on another connection and was stored first: answer as it was.
    const raced = isDomainError(error, 'conflict') ? await storedUnder(options.stores, options.upstreamId) : undefined;
    if (raced) return raced;
    throw error;
  }
}

async function storedUnder(
  stores: { requests: RequestStore; orgs: OrgStore },
  upstreamId: string,
): Promise<{ request: FoiRequest; agency: Org; duplicate: true } | undefined> {
  if (upstreamId === '') return undefined;
  const request = await stores.requests.getByUpstreamId(upstreamId);
  const agency = request && (await stores.orgs.getById(request.orgId));
  return request && agency ? { request, agency, duplicate: true } : undefined;
}
