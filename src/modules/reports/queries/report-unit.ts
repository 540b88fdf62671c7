import { DomainError } from '../../../platform/errors.ts';
import { can, requirePermission, type Actor } from '../../access/index.ts';
import { acceptsRequests, type Org, type OrgStore } from '../../orgs/index.ts';
import { reportPermission } from '../domain/report.ts';

/** The years a report may be written for: from the 条例's first year in force to this one. */
export const FIRST_REPORT_YEAR = 2008;

/**
 * The unit whose report a member of staff opens, once they are allowed to: an administrative organ
 * (a village reports through its town, 条例 Art. 27) inside their reach, and the report's permission
 * there. A unit out of their reach does not exist for them.
 * @throws DomainError `not_found`, `forbidden`, `out_of_scope`, `unauthenticated`.
 */
export async function reportUnit(options: { orgs: OrgStore; actor: Actor; orgCode: string }): Promise<Org> {
  const org = await options.orgs.getByCode(options.orgCode);
  if (!org || !acceptsRequests(org.type)) throw new DomainError('not_found');
  if (options.actor.kind === 'staff' && !can(options.actor, 'document.read', org.path)) {
    throw new DomainError('not_found');
  }
  requirePermission(options.actor, reportPermission(org), org.path);
  return org;
}
