import type { Clock } from '../../../platform/clock.ts';
import { authEntry } from '../audit-actions.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import type { OrgStore } from '../../orgs/index.ts';
import { auditActor, requirePermission, type Actor } from '../../access/index.ts';
import type { ApiToken } from '../domain/user.ts';
import type { ApiTokenStore, UserStore } from '../ports.ts';

/**
 * Revokes one personal API token: its owner may, a user manager may for accounts in their subtree,
 * and the command line may for anybody. Revoking a revoked token changes nothing.
 * @throws DomainError `not_found`, `out_of_scope`, `forbidden`.
 */
export async function revokeApiToken(options: {
  uow: UnitOfWork<{ users: UserStore; orgs: OrgStore; tokens: ApiTokenStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  tokenId: string;
}): Promise<ApiToken> {
  const now = options.clock.now();
  return options.uow.run(async ({ users, orgs, tokens, audit }) => {
    const token = await tokens.getById(options.tokenId);
    const user = token && (await users.getById(token.userId));
    if (!token || !user) throw new DomainError('not_found');
    const isOwner = options.actor.kind === 'staff' && options.actor.userId === user.id;
    if (!isOwner && options.actor.kind !== 'system') {
      const home = await orgs.getById(user.homeOrgId);
      requirePermission(options.actor, 'user.manage', home?.path ?? '/');
    }
    if (token.revokedAt) return token;
    await tokens.revoke(token.id, now);
    await audit.append(
      authEntry(auditActor(options.actor), now, {
        action: 'user.token_revoked',
        entityType: 'api_token',
        entityId: token.id,
        orgId: user.homeOrgId,
        before: { userId: user.id, name: token.name },
        after: { reason: 'revoked' },
      }),
    );
    return { ...token, revokedAt: now.toISOString() };
  });
}
