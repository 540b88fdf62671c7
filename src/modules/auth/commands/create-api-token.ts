import type { Clock } from '../../../platform/clock.ts';
import { AUTH_TEXT } from '../strings.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import { newId, newSecretToken, sha256Hex } from '../../../platform/ids.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { ApiTokenStore, UserStore } from '../ports.ts';

/** Prefix that makes a leaked token recognisable to secret scanners. */
export const TOKEN_PREFIX = 'gk_';

/** How long a token works unless configured otherwise (GONGKAI_TOKEN_DAYS). */
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;

/**
 * Issues a personal API token for a user and returns it; only its hash is kept, so it is shown once.
 * It works for `lifetimeDays`, until revoked, or until its owner's password, account or roles change.
 * Users issue their own; the command line (the system actor) may issue one for anybody.
 * @throws DomainError `not_found`, `forbidden`.
 */
export async function createApiToken(options: {
  uow: UnitOfWork<{ users: UserStore; tokens: ApiTokenStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  username: string;
  name: string;
  lifetimeDays?: number;
}): Promise<{ token: string; id: string; expiresAt: string }> {
  const now = options.clock.now();
  return options.uow.run(async ({ users, tokens, audit }) => {
    const user = await users.getByUsername(options.username.trim().toLowerCase());
    if (!user) throw new DomainError('not_found', { message: AUTH_TEXT.userNotFound(options.username) });
    const isSelf = options.actor.kind === 'staff' && options.actor.userId === user.id;
    if (!isSelf && options.actor.kind !== 'system') throw new DomainError('forbidden');
    if (!user.isActive) throw new DomainError('forbidden');
    const token = `${TOKEN_PREFIX}${newSecretToken(32)}`;
    const id = newId();
    const expiresAt = new Date(
      now.getTime() + (options.lifetimeDays ?? DEFAULT_TOKEN_LIFETIME_DAYS) * 86_400_000,
    ).toISOString();
    await tokens.insert(
      {
        id,
        userId: user.id,
        name: options.name.trim() || 'API',
        createdAt: now.toISOString(),
        lastUsedAt: null,
        revokedAt: null,
        expiresAt,
      },
      sha256Hex(token),
    );
    await audit.append(
      authEntry(auditActor(options.actor), now, {
        action: 'user.token_created',
        entityType: 'api_token',
        entityId: id,
        orgId: user.homeOrgId,
        after: { userId: user.id, name: options.name, expiresAt },
      }),
    );
    return { token, id, expiresAt };
  });
}
