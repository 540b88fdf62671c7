import { scopeFor, scopeIncludes, type Actor } from '../../access/index.ts';
import { chinaYear } from '../../../platform/clock.ts';
import { listOrgs, type Org } from '../../orgs/index.ts';
import type { DecisionStores } from '../commands/save-decision.ts';
import type { Consultation } from '../domain/consultation.ts';
import type { MajorDecision } from '../domain/decision.ts';

type Stores = Pick<DecisionStores, 'decisions' | 'orgs' | 'consultations'>;

/** An item with its unit, and its consultation's state (the public links only a published one). */
export type DecisionRow = MajorDecision & { org: Org; consultationState: Consultation['state'] | null };
export type DecisionDirectory = { year: number; years: number[]; rows: DecisionRow[] };

/**
 * A year's directory in the units' order: the year asked for, else the latest year with items, else
 * this year. `actor` null is the public; staff see the units where they handle interaction.
 */
export async function decisionDirectory(
  stores: Stores,
  options: { year: number | undefined; now: Date; actor: Actor | null },
): Promise<DecisionDirectory> {
  const years = await stores.decisions.years();
  const year = options.year ?? years[0] ?? chinaYear(options.now);
  const orgs = await listOrgs(stores);
  const scope = options.actor === null ? null : scopeFor(options.actor, 'interaction.handle');
  const visible = scope === null || scope.kind === 'all' ? null : orgs.filter((o) => scopeIncludes(scope, o.path));
  const items = await stores.decisions.ofYear(year, visible === null ? null : visible.map((o) => o.id));
  const order = new Map(orgs.map((org, index) => [org.id, index]));
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const rows: DecisionRow[] = [];
  for (const item of items) {
    const org = byId.get(item.orgId);
    if (!org) continue;
    const consultation = item.consultationId ? await stores.consultations.get(item.consultationId) : undefined;
    rows.push({ ...item, org, consultationState: consultation?.state ?? null });
  }
  rows.sort((a, b) => order.get(a.orgId)! - order.get(b.orgId)!);
  return { year, years: years.includes(year) ? years : [year, ...years].sort((a, b) => b - a), rows };
}
