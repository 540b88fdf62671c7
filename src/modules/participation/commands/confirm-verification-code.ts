import { auditActor, type Actor } from '../../access/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import { participationEntry } from '../audit-actions.ts';
import {
  codeOutcome,
  codeRefusal,
  verifiedUntil,
  VERIFICATION_LIMITS,
  type CodeOutcome,
} from '../domain/verification.ts';
import type { VerificationStores } from './verification-stores.ts';

/**
 * Checks the code a resident entered. A right code proves the contact: the answer is the person
 * key and until when the proof holds (the route signs both into a cookie). A wrong code counts a
 * try, committed even though the answer is an error, so five wrong ones burn the code.
 * @throws DomainError `not_found` (unknown verification), `validation_failed` (field `code`: not six
 *   digits, or wrong with tries left), `invalid_transition` (used, burned or expired).
 */
export async function confirmVerificationCode(options: {
  uow: UnitOfWork<VerificationStores>;
  clock: Clock;
  actor: Actor;
  secret: string;
  verificationId: string;
  code: string;
}): Promise<{ personKey: string; verifiedUntil: Date }> {
  const now = options.clock.now();
  const result = await options.uow.run(async (stores): Promise<{ outcome: CodeOutcome; personKey: string }> => {
    const verification = await stores.verifications.get(options.verificationId);
    if (!verification) throw new DomainError('not_found');
    let outcome = codeOutcome(verification, options.code, options.secret, now);
    if (outcome.kind === 'verified' || outcome.kind === 'wrong' || outcome.kind === 'burned') {
      // Another try of the same code counted between the read and now: it decides, not this one.
      if (!(await stores.verifications.countTry(verification.id, VERIFICATION_LIMITS.tries))) {
        const again = await stores.verifications.get(verification.id);
        outcome = again?.verifiedAt ? { kind: 'used' } : { kind: 'burned' };
      }
    }
    if (outcome.kind === 'verified') {
      if (!(await stores.verifications.markVerified(verification.id, now.toISOString()))) {
        outcome = { kind: 'used' };
      } else {
        await stores.audit.append(
          participationEntry(auditActor(options.actor), now, {
            action: 'verification.confirmed',
            entityType: 'contact_verification',
            entityId: verification.id,
            after: { channel: verification.channel },
          }),
        );
      }
    }
    return { outcome, personKey: verification.personKey };
  });
  if (result.outcome.kind !== 'verified') throw codeRefusal(result.outcome);
  return { personKey: result.personKey, verifiedUntil: verifiedUntil(now) };
}
