import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { sha256Hex } from '../../../platform/ids.ts';
import type { OrgStore } from '../../orgs/ports.ts';
import type { StaffActor } from '../domain/actor.ts';
import type { ApiTokenStore, UserStore } from '../ports.ts';
import { buildStaffActor } from './build-actor.ts';

/**
 * The staff actor behind a bearer token.
 * @throws DomainError `invalid_token` for unknown, revoked or deactivated-user tokens.
 */
export async function resolveApiToken(options: {
  stores: { tokens: ApiTokenStore; users: UserStore; orgs: OrgStore };
  clock: Clock;
  token: string;
  ip?: string | undefined;
}): Promise<StaffActor> {
  const token = await options.stores.tokens.getByHash(sha256Hex(options.token));
  if (!token || token.revokedAt) throw new DomainError('invalid_token');
  const user = await options.stores.users.getById(token.userId);
  if (!user || !user.isActive) throw new DomainError('invalid_token');
  const now = options.clock.now();
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > 60_000) {
    await options.stores.tokens.touch(token.id, now);
  }
  return buildStaffActor(options.stores, user, options.ip);
}
