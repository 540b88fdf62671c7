import { sortAsTree, type Org } from '../domain/org.ts';
import type { OrgStore } from '../ports.ts';

/** A unit with its children, for navigation trees. */
export type OrgNode = Org & { children: OrgNode[] };

/** Every unit in display order (depth-first), which the public may read in full. */
export async function listOrgs(options: { orgs: OrgStore }): Promise<Org[]> {
  return sortAsTree(await options.orgs.listAll());
}

/** The units as a tree of nodes. */
export function buildTree(orgs: Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(orgs.map((org) => [org.id, { ...org, children: [] }]));
  const roots: OrgNode[] = [];
  for (const org of sortAsTree(orgs)) {
    const node = nodes.get(org.id)!;
    const parent = org.parentId ? nodes.get(org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The chain of units from the root down to `orgId`, for breadcrumbs. */
export function ancestry(orgs: Org[], orgId: string): Org[] {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const chain: Org[] = [];
  let current = byId.get(orgId);
  while (current) {
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}
