import type { Clock } from '../../../platform/clock.ts';
import { DomainError } from '../../../platform/errors.ts';
import { sha256Hex } from '../../../platform/ids.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { StaffActor } from '../../access/index.ts';
import { isTokenUsable } from '../domain/user.ts';
import type { ApiTokenStore, UserStore } from '../ports.ts';
import { buildStaffActor } from './build-actor.ts';

/**
 * The staff actor behind a bearer token.
 * @throws DomainError `invalid_token` for unknown, revoked, expired or deactivated-user tokens.
 */
export async function resolveApiToken(options: {
  stores: { tokens: ApiTokenStore; users: UserStore; orgs: OrgStore };
  clock: Clock;
  token: string;
  ip?: string | undefined;
}): Promise<StaffActor> {
  const now = options.clock.now();
  const token = await options.stores.tokens.getByHash(sha256Hex(options.token));
  if (!token || !isTokenUsable(token, now)) throw new DomainError('invalid_token');
  const user = await options.stores.users.getById(token.userId);
  if (!user || !user.isActive) throw new DomainError('invalid_token');
  if (!token.lastUsedAt || now.getTime() - new Date(token.lastUsedAt).getTime() > 60_000) {
    await options.stores.tokens.touch(token.id, now);
  }
  return buildStaffActor(options.stores, user, options.ip);
}
