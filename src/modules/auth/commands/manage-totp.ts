import type { Clock } from '../../../platform/clock.ts';
import { AUTH_TEXT } from '../strings.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, type StaffActor } from '../../access/index.ts';
import { newTotpSecret, verifyTotp } from '../domain/totp.ts';
import type { UserStore } from '../ports.ts';

type Stores = { users: UserStore; audit: AuditLog };

/** Starts two-factor enrolment: a new secret is stored, not yet in force, and returned for the QR code. */
export async function beginTotpEnrolment(options: { uow: UnitOfWork<Stores>; actor: StaffActor }): Promise<string> {
  return options.uow.run(async ({ users }) => {
    const user = await users.getById(options.actor.userId);
    if (!user) throw new DomainError('not_found');
    if (user.totpEnabled) throw new DomainError('invalid_transition', { message: AUTH_TEXT.totpAlreadyEnabled });
    const secret = newTotpSecret();
    await users.setTotp(user.id, secret, false, null);
    return secret;
  });
}

/**
 * Turns two-factor sign-in on once the user proves their app shows the right code.
 * @throws DomainError `totp_invalid` when the code does not match.
 */
export async function confirmTotpEnrolment(options: {
  uow: UnitOfWork<Stores>;
  clock: Clock;
  actor: StaffActor;
  code: string;
}): Promise<void> {
  const now = options.clock.now();
  await options.uow.run(async ({ users, audit }) => {
    const credentials = await users.getCredentials(options.actor.userId);
    if (!credentials?.totpSecret) throw new DomainError('invalid_transition', { message: AUTH_TEXT.totpSecretFirst });
    const step = verifyTotp(credentials.totpSecret, options.code, now, null);
    if (step === undefined) throw new DomainError('totp_invalid');
    await users.setTotp(options.actor.userId, credentials.totpSecret, true, step);
    await audit.append(
      authEntry(auditActor(options.actor), now, {
        action: 'user.totp_enabled',
        entityType: 'user',
        entityId: options.actor.userId,
      }),
    );
  });
}
