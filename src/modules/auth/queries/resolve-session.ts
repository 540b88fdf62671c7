import type { Clock } from '../../../platform/clock.ts';
import { sha256Hex } from '../../../platform/ids.ts';
import type { OrgStore } from '../../orgs/index.ts';
import type { StaffActor } from '../../access/index.ts';
import { isSessionIdle } from '../domain/login-policy.ts';
import type { Session, User } from '../domain/user.ts';
import type { SessionStore, UserStore } from '../ports.ts';
import { buildStaffActor } from './build-actor.ts';

/** Activity is written back at most this often, so every page view is not a write. */
const TOUCH_AFTER_MS = 60_000;

export type ResolvedSession =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'second_factor_pending'; session: Session; user: User }
  | { status: 'active'; session: Session; user: User; actor: StaffActor };

/**
 * Finds the session for a browser's token, ending it when it has been idle too long or has reached
 * its absolute limit, and builds the staff actor from the user's current grants.
 */
export async function resolveSession(options: {
  stores: { sessions: SessionStore; users: UserStore; orgs: OrgStore };
  clock: Clock;
  token: string | undefined;
  idleMinutes: number;
  ip?: string | undefined;
}): Promise<ResolvedSession> {
  if (!options.token) return { status: 'none' };
  const { sessions, users } = options.stores;
  const session = await sessions.get(sha256Hex(options.token));
  if (!session) return { status: 'expired' };
  const now = options.clock.now();
  if (session.expiresAt <= now || isSessionIdle(session.lastSeenAt, now, options.idleMinutes)) {
    await sessions.delete(session.id);
    return { status: 'expired' };
  }
  const user = await users.getById(session.userId);
  if (!user || !user.isActive) {
    await sessions.delete(session.id);
    return { status: 'expired' };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await sessions.touch(session.id, now);
  if (session.totpPending) return { status: 'second_factor_pending', session, user };
  return { status: 'active', session, user, actor: await buildStaffActor(options.stores, user, options.ip) };
}
