import type { FastifyInstance } from 'fastify';
import type { SettingsStore } from '../../site/ports.ts';
import { getSiteSettings } from '../../site/queries/get-site-settings.ts';
import { mustEnrolSecondFactor } from '../domain/second-factor-policy.ts';

/** Back-office paths open before sign-in. */
const OPEN_PATHS = ['/admin/login', '/admin/login/2fa', '/admin/logout'];
/** Paths an administrator who still owes two-factor enrolment may use. */
const ENROLMENT_PATHS = ['/admin/account/2fa', '/admin/logout'];

/**
 * Every back-office page needs a signed-in member of staff; system and district admins outside the
 * demo must enrol in two-factor sign-in first.
 */
export function installAdminGuard(app: FastifyInstance, deps: { stores: { settings: SettingsStore } }): void {
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path !== '/admin' && !path.startsWith('/admin/')) return;
    if (OPEN_PATHS.includes(path)) return;
    if (request.actor.kind !== 'staff') {
      const target = request.staffSession?.totpPending
        ? '/admin/login/2fa'
        : `/admin/login?next=${encodeURIComponent(request.url)}`;
      return reply.redirect(target, 303);
    }
    const site = await getSiteSettings(deps.stores);
    if (
      !ENROLMENT_PATHS.includes(path) &&
      mustEnrolSecondFactor(request.actor.grants, request.staffUser?.totpEnabled ?? false, site.isDemo)
    ) {
      return reply.redirect('/admin/account/2fa', 303);
    }
  });
}
