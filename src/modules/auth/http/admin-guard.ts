import type { FastifyInstance } from 'fastify';
import type { PageShell } from '../../../platform/web/page-shell.tsx';
import { mustEnrolSecondFactor } from '../domain/second-factor-policy.ts';

/**
 * Every route registered in this group needs a signed-in member of staff; anybody else is sent to
 * sign in before the request's body is read. Attached to the group, so it holds for every spelling
 * of every path the group's routes answer to.
 */
export function requireStaffSession(group: FastifyInstance): void {
  group.addHook('onRequest', async (request, reply) => {
    if (request.actor.kind === 'staff') return;
    const target = request.staffSession?.totpPending
      ? '/admin/login/2fa'
      : `/admin/login?next=${encodeURIComponent(request.url)}`;
    return reply.redirect(target, 303);
  });
}

/**
 * Every route registered in this group needs system and district administrators outside the demo to
 * have enrolled in two-factor sign-in first; until then they are sent to enrol.
 */
export function requireSecondFactorEnrolment(group: FastifyInstance, deps: { shell: Pick<PageShell, 'site'> }): void {
  group.addHook('onRequest', async (request, reply) => {
    if (request.actor.kind !== 'staff') return;
    const site = await deps.shell.site();
    if (mustEnrolSecondFactor(request.actor.grants, request.staffUser?.totpEnabled ?? false, site.isDemo)) {
      return reply.redirect('/admin/account/2fa', 303);
    }
  });
}
