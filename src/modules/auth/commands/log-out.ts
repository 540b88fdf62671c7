import type { Clock } from '../../../platform/clock.ts';
import { authEntry } from '../audit-actions.ts';
import type { UnitOfWork } from '../../../platform/unit-of-work.ts';
import type { AuditLog } from '../../audit/index.ts';
import { auditActor, type Actor } from '../../access/index.ts';
import type { SessionStore } from '../ports.ts';

/** Ends a session on the server, so the browser's token is worthless from now on. */
export async function logOut(options: {
  uow: UnitOfWork<{ sessions: SessionStore; audit: AuditLog }>;
  clock: Clock;
  actor: Actor;
  sessionId: string;
}): Promise<void> {
  await options.uow.run(async ({ sessions, audit }) => {
    const session = await sessions.get(options.sessionId);
    if (!session) return;
    await sessions.delete(session.id);
    await audit.append(
      authEntry(auditActor(options.actor), options.clock.now(), {
        action: 'auth.logged_out',
        entityType: 'user',
        entityId: session.userId,
      }),
    );
  });
}
