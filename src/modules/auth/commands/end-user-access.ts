import type { AuditLog } from '../../audit/index.ts';
import { authEntry } from '../audit-actions.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import { isTokenUsable, type User } from '../domain/user.ts';
import type { ApiTokenStore, SessionStore } from '../ports.ts';

/** Why a user's sessions and tokens were ended. */
export type AccessEndReason = 'password_changed' | 'password_reset' | 'account_disabled' | 'role_removed';

/**
 * Ends every session of a user and revokes every token still usable, each revocation in the audit
 * log with its reason. Part of the command that changed the user, inside its transaction: what a
 * password, an account or a role allowed yesterday must not keep working once it is gone.
 */
export async function endUserAccess(
  stores: { sessions: SessionStore; tokens: ApiTokenStore; audit: AuditLog },
  change: { actor: Actor; user: User; now: Date; reason: AccessEndReason },
): Promise<{ tokensRevoked: number }> {
  const { actor, user, now, reason } = change;
  await stores.sessions.deleteForUser(user.id);
  const usable = (await stores.tokens.listForUser(user.id)).filter((token) => isTokenUsable(token, now));
  for (const token of usable) {
    await stores.tokens.revoke(token.id, now);
    await stores.audit.append(
      authEntry(auditActor(actor), now, {
        action: 'user.token_revoked',
        entityType: 'api_token',
        entityId: token.id,
        orgId: user.homeOrgId,
        before: { userId: user.id, name: token.name },
        after: { reason },
      }),
    );
  }
  return { tokensRevoked: usable.length };
}
