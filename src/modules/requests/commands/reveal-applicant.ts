import type { Clock } from '../../../platform/clock.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { requestEntry } from '../audit-actions.ts';
import type { FieldCipher, RequestStore } from '../ports.ts';
import { loadHandledRequest } from './load-handled-request.ts';

/** The applicant's identity number and contacts in full. */
export type RevealedApplicant = { idNumber: string; phone: string; email: string | null; address: string | null };

/**
 * Opens an applicant's sealed identity number and contacts for an officer of the receiving unit,
 * who needs them to deliver the reply (条例 Art. 40); every opening is in the audit log, with who
 * and when, never what was shown.
 * @throws DomainError `not_found`, `out_of_scope`/`forbidden`.
 */
export async function revealApplicant(options: {
  uow: UnitOfWork<{ requests: RequestStore; orgs: OrgStore; audit: AuditLog }>;
  clock: Clock;
  cipher: FieldCipher;
  actor: Actor;
  requestId: string;
}): Promise<RevealedApplicant> {
  const now = options.clock.now();
  return options.uow.run(async ({ requests, orgs, audit }) => {
    const { request, agency } = await loadHandledRequest({ requests, orgs }, options.actor, options.requestId);
    const a = request.applicant;
    const revealed = {
      idNumber: options.cipher.open(a.idNumberSealed),
      phone: options.cipher.open(a.phoneSealed),
      email: a.emailSealed ? options.cipher.open(a.emailSealed) : null,
      address: a.addressSealed ? options.cipher.open(a.addressSealed) : null,
    };
    await audit.append(
      requestEntry(auditActor(options.actor), now, {
        action: 'request.applicant_viewed',
        entityType: 'foi_request',
        entityId: request.id,
        orgId: agency.id,
        after: { trackingCode: request.trackingCode },
      }),
    );
    return revealed;
  });
}
