import { acceptsRequests, sortAsTree, type Org, type OrgStore } from '../../orgs/index.ts';

/** The units that receive applications, in tree order: the district and its departments, then the towns. */
export async function listAgencies(orgs: OrgStore): Promise<{ government: Org[]; towns: Org[] }> {
  const agencies = sortAsTree(await orgs.listAll()).filter((org) => acceptsRequests(org.type));
  return {
    government: agencies.filter((org) => org.type !== 'town'),
    towns: agencies.filter((org) => org.type === 'town'),
  };
}
