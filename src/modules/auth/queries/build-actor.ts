import type { OrgStore } from '../../orgs/index.ts';
import type { Actor, RoleGrant } from '../../access/index.ts';
import type { User } from '../domain/user.ts';
import type { UserStore } from '../ports.ts';

/** The staff actor for a user: their grants, each with the path of the unit it is held in. */
export async function buildStaffActor(
  stores: { users: UserStore; orgs: OrgStore },
  user: User,
  ip: string | undefined,
): Promise<Extract<Actor, { kind: 'staff' }>> {
  const grants: RoleGrant[] = [];
  for (const grant of await stores.users.grantsOf(user.id)) {
    const org = await stores.orgs.getById(grant.orgId);
    if (org) grants.push({ role: grant.role, orgId: org.id, orgPath: org.path });
  }
  return {
    kind: 'staff',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    homeOrgId: user.homeOrgId,
    grants,
    ip,
  };
}
